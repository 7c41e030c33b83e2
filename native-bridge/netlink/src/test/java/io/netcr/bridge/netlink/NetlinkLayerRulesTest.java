package io.netcr.bridge.netlink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the netlink module pure: bytes and model records in, bytes and model records out. */
@AnalyzeClasses(packages = "io.netcr.bridge.netlink", importOptions = ImportOption.DoNotIncludeTests.class)
class NetlinkLayerRulesTest {

    @ArchTest
    static final ArchRule noNativeCode = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jnr..", "com.kenai..", "io.netcr.bridge.sys..", "io.netcr.bridge.rtnl..",
                    "io.netcr.bridge.discovery..", "io.netcr.bridge.restore..", "io.netcr.bridge.criu..")
            .because("readers of stored netlink streams (CRIU ifaddr/route/rule images) reuse the codec and its "
                    + "mapping without native code, and the kernel side builds on it, not the other way round");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line and the agent run without JavaFX");

    /** Each package a slice of its own (the codec and its mapping, the reader and CRIU's generated messages). */
    @ArchTest
    static final ArchRule packagesFreeOfCycles = slices().matching("io.netcr.bridge.(**)").should().beFreeOfCycles();
}
