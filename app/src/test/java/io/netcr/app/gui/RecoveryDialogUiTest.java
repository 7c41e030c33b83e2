package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.FakeRecoveryEngine;
import io.netcr.app.gui.ops.RecoveryViewModel;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.bridge.restore.journal.RunDir;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A restore that did not finish, as the workbench offers it: the dialog appears on its own when a leftover is
 * found, shows what Undo would remove, and Undo runs once and turns Later into Close. The host is a seam
 * ({@link FakeRecoveryEngine}): the kernel side is {@code RestoreKillTest}'s.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryDialogUiTest {

    private final FakeRecoveryEngine engine = new FakeRecoveryEngine();
    private WindowUnderTest ui;
    private WorkbenchActions actions;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
        RunDir unused = new RunDir(Path.of("target", "netcr-run-ui"));
        actions = new WorkbenchActions(stage, ui.vm, CheckpointEngine.system(), RestoreEngine.system(unused), engine);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void should_offer_a_leftover_and_undo_it_once(FxRobot robot) throws Exception {
        RecoveryViewModel[] vm = new RecoveryViewModel[1];
        robot.interact(() -> vm[0] = actions.offerRecovery());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm[0].preview().isEmpty() && vm[0].canActProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Label summary = robot.lookup("#recovery-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("pid 4242 (netcr restore three.netcr)"), summary.getText());
        ListView<?> preview = robot.lookup("#recovery-preview").queryAs(ListView.class);
        assertEquals(List.of("Undo removes: ip netns del a (nsfs 4:4026532001)"), List.copyOf(preview.getItems()));
        Window dialog = summary.getScene().getWindow();
        robot.interact(() -> Screenshots.write(dialog.getScene(), "recovery-dialog"));

        robot.clickOn("#recovery-undo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm[0].recoveredProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(new FakeRecoveryEngine.Call(false, true), new FakeRecoveryEngine.Call(false, false)),
                engine.calls);
        assertTrue(robot.lookup("#recovery-undo").queryAs(Button.class).isDisabled());
        assertEquals("Close", robot.lookup("#recovery-later").queryAs(Button.class).getText());
        assertEquals("Undone: the host is as it was before that restore",
                robot.lookup("#recovery-status").queryAs(Label.class).getText());
        robot.clickOn("#recovery-later");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(dialog.isShowing(), "Close closes it");
    }

    @Test
    void should_show_nothing_without_a_leftover(FxRobot robot) throws Exception {
        engine.leftoverThere = false;
        RecoveryViewModel[] vm = new RecoveryViewModel[1];

        robot.interact(() -> vm[0] = actions.offerRecovery());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> engine.finds.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#recovery-dialog").tryQuery().isEmpty());
        assertEquals(List.of(), engine.calls);
    }
}
