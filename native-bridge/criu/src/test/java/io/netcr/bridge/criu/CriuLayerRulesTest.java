package io.netcr.bridge.criu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The CRIU reader reads files: no kernel calls, no JavaFX. */
@AnalyzeClasses(packages = "io.netcr.bridge.criu", importOptions = ImportOption.DoNotIncludeTests.class)
class CriuLayerRulesTest {

    @ArchTest
    static final ArchRule noKernel = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jnr..", "com.kenai..", "io.netcr.bridge.sys..", "io.netcr.bridge.rtnl..",
                    "io.netcr.bridge.discovery..", "io.netcr.bridge.restore..", "io.netcr.bridge.netns..")
            .because("a CRIU dump is read from files, on any machine, with or without privileges");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line reads CRIU dumps without JavaFX");

    /** Each package a slice of its own (the codec and its mapping, the reader and CRIU's generated messages). */
    @ArchTest
    static final ArchRule packagesFreeOfCycles = slices().matching("io.netcr.bridge.(**)").should().beFreeOfCycles();
}
