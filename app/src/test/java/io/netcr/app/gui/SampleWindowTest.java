package io.netcr.app.gui;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A TestFX test of the window showing the test sample: the window opened, the sample shown, all released after. */
@ExtendWith(ApplicationExtension.class)
abstract class SampleWindowTest {

    protected WindowUnderTest ui;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
    }

    @BeforeEach
    void open_the_sample(FxRobot robot) throws Exception {
        ui.openDiagnosticsSample(robot);
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }
}
