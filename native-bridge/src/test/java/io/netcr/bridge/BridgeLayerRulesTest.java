package io.netcr.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the native-bridge layers apart (the codec's own rules live with it, in native-bridge/netlink). */
@AnalyzeClasses(packages = "io.netcr.bridge", importOptions = ImportOption.DoNotIncludeTests.class)
class BridgeLayerRulesTest {

    @ArchTest
    static final ArchRule onlySysBindsLibc = noClasses().that().resideOutsideOfPackage("io.netcr.bridge.sys..")
            .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai..")
            .because("libc is bound in one place (Native) and reached through Sys's checked wrappers");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app..")
            .because("the native bridge is used by the command line and the agent as well as by the workbench");

    @ArchTest
    static final ArchRule packagesFreeOfCycles = slices().matching("io.netcr.bridge.(*)..").should().beFreeOfCycles();
}
