package io.netcr.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of netcr: model is plain Java, the native bridge has no UI, only the app shows windows. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.netcr");
    }

    @Test
    void model_uses_neither_javafx_nor_native_code() {
        noClasses().that().resideInAPackage("io.netcr.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "jnr..", "com.sun.jna..", "io.netcr.bridge..",
                        "io.netcr.app..")
                .because("the model is plain Java: snapshot data, formats, diff and planning, testable anywhere")
                .check(classes);
    }

    @Test
    void native_bridge_uses_no_javafx() {
        noClasses().that().resideInAPackage("io.netcr.bridge..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.netcr.app..")
                .because("the kernel layer must run headless, for the command line and for servers")
                .check(classes);
    }

    @Test
    void the_classes_under_test_were_found() {
        // Guards the rules above against passing vacuously when the packages move.
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("io.netcr.model"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain(io.netcr.model.Snapshot.class));
    }
}
