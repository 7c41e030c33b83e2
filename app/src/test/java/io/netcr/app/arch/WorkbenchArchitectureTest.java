package io.netcr.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The workbench's layers: it uses the services, never the command line; its packages form no cycle. */
@AnalyzeClasses(packages = "io.netcr.app.gui", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkbenchArchitectureTest {

    @ArchTest
    static final ArchRule the_workbench_uses_services_not_the_command_line = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.netcr.app.cli..")
            .because("the command line is one adapter over the services, and the workbench is another");

    @ArchTest
    static final ArchRule view_models_use_no_controls = noClasses()
            .that().haveSimpleNameEndingWith("Model")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                    "atlantafx..", "org.kordamp.ikonli..")
            .because("a view-model holds state and logic as properties and lists, testable without a window or a "
                    + "robot; the views bind to it");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.netcr.app.gui.(*)..").should()
            .beFreeOfCycles();
}
