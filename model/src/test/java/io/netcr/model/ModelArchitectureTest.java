package io.netcr.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The model is plain Java, and its packages lean on each other in one direction only. */
@AnalyzeClasses(packages = "io.netcr.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

    @ArchTest
    static final ArchRule plain_java = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "jnr..", "com.kenai..", "com.sun.jna..",
                    "io.netcr.bridge..", "io.netcr.app..")
            .because("the model is plain Java: snapshot data, formats, diff and planning, testable anywhere");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.netcr.model.(*)..").should()
            .beFreeOfCycles();
}
