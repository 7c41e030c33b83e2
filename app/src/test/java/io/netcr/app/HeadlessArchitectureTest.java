package io.netcr.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What must keep working with no display. (The model / native-bridge layer rules live in the main line.) */
@AnalyzeClasses(packages = "io.netcr.app", importOptions = ImportOption.DoNotIncludeTests.class)
class HeadlessArchitectureTest {

    @ArchTest
    static final ArchRule graph_and_export_do_not_use_javafx = noClasses()
            .that().resideInAnyPackage("io.netcr.app.graph..", "io.netcr.app.export..", "io.netcr.app.source..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app.gui..")
            .because("netcr export lays out and renders on machines without a display");

    @ArchTest
    static final ArchRule view_models_use_no_controls = noClasses()
            .that().resideInAPackage("io.netcr.app.gui..")
            .and().haveSimpleNameEndingWith("Model")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                    "atlantafx..", "org.kordamp.ikonli..")
            .because("a view-model holds state and logic as properties and lists, testable without a window or a "
                    + "robot; the views bind to it");

    @ArchTest
    static final ArchRule command_line_does_not_use_javafx = noClasses()
            .that().resideInAPackage("io.netcr.app.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app.gui..")
            .because("the command line must run where JavaFX cannot start");
}
