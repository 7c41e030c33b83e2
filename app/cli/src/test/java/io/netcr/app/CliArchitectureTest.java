package io.netcr.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of the command line's module: what must keep working with no display, and the command line as
 * an adapter that nothing else leans on. (The workbench module has its own rules.)
 */
@AnalyzeClasses(packages = "io.netcr.app", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule no_javafx_without_a_display = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app.gui..")
            .because("the command line, the agent and export run on servers, where the headless package has no JavaFX");

    @ArchTest
    static final ArchRule only_the_entry_point_reaches_the_command_line = noClasses()
            .that().resideOutsideOfPackage("io.netcr.app.cli..").and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().dependOnClassesThat().resideInAPackage("io.netcr.app.cli..")
            .because("picocli's commands are one adapter over the services; the workbench and the agent use the"
                    + " services, not the command line");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("io.netcr.app.(*)..").should().beFreeOfCycles();
}
