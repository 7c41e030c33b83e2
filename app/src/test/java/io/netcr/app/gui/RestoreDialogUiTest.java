package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.app.services.CheckpointService;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.plan.PlanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Restore dialog while it restores, against the real kernel (as root): the bar and the step text of a
 * real restore; a restore that finds the lock held (by the test, in its own lock file) waits, says who holds
 * it, and finishes once the test lets go; Cancel while it waits leaves the host as it was. The test's two
 * namespaces are checkpointed with the same calls as the command line; everything whose name holds the
 * test's tag is removed in every outcome.
 */
@ExtendWith(ApplicationExtension.class)
class RestoreDialogUiTest {

    private final TaggedNamespaces made = new TaggedNamespaces();
    private final String prefix = made.tag + "r-";
    private Path dir;
    private Path lockFile;
    private WindowUnderTest ui;
    private WorkbenchActions actions;
    private RestoreLock held;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("netcr-ui-restore-");
        lockFile = dir.resolve("restore.lock");
        ui = WindowUnderTest.show(stage);
        actions = new WorkbenchActions(stage, ui.vm, CheckpointEngine.system(), RestoreEngine.system(new RunDir(dir)),
                RecoveryEngine.system(new RunDir(dir)));
    }

    @BeforeEach
    void needs_root() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make namespaces");
    }

    @AfterEach
    void remove_what_the_test_made() throws Exception {
        try {
            if (held != null) {
                held.close();
            }
            ui.close();
        } finally {
            made.removeAll();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The test's two namespaces, checkpointed to an image, open in the dialog with the test's prefix: ready. */
    private RestoreDialog dialogReadyToApply(FxRobot robot) throws Exception {
        made.makeTwoJoinedByVeth();
        CheckpointResult r = CheckpointService.select(CheckpointService.readHost(), List.of(made.tag + "a",
                made.tag + "b"), false, CheckpointOptions.defaults());
        assertTrue(r.image() != null, r.diagnostics().toString());
        Path image = dir.resolve("two.netcr");
        CheckpointService.write(r.image(), image);
        RestoreDialog[] d = new RestoreDialog[1];
        robot.interact(() -> {
            d[0] = actions.restoreDialog();
            d[0].show();
            d[0].viewModel().imageProperty().set(image); // what the file chooser would do
            d[0].viewModel().prefixProperty().set(prefix);
        });
        RestoreViewModel vm = d[0].viewModel();
        waitFor(() -> prefix.equals(vm.prefixProperty().get()) && !vm.planningProperty().get()
                && vm.canApplyProperty().get());
        return d[0];
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void should_fill_the_bar_and_show_the_steps_of_a_restore(FxRobot robot) throws Exception {
        RestoreDialog dialog = dialogReadyToApply(robot);
        RestoreViewModel vm = dialog.viewModel();
        List<PlanSummary.Step> steps = vm.planProperty().get().steps();
        List<String> shown = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        robot.interact(() -> vm.progress().stepTextProperty().addListener((o, was, now) -> {
            onFxThread.add(Platform.isFxApplicationThread());
            shown.add(now);
        }));

        robot.clickOn("#restore-apply");
        waitFor(() -> !vm.applyingProperty().get());

        assertTrue(vm.restoredProperty().get() != null, vm.statusProperty().get() + " " + vm.problems());
        assertEquals(1.0, robot.lookup("#restore-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        int n = steps.size();
        assertEquals("step " + n + " of " + n + ": " + steps.get(n - 1).equivalent(), text(robot, "#restore-step"));
        List<String> stepTexts = shown.stream().filter(t -> !t.isEmpty()).toList();
        assertTrue(!stepTexts.isEmpty() && stepTexts.size() <= n, shown.toString());
        int last = 0;
        for (String t : stepTexts) {
            int k = Integer.parseInt(t.substring("step ".length(), t.indexOf(' ', "step ".length())));
            assertTrue(k > last && t.equals("step " + k + " of " + n + ": " + steps.get(k - 1).equivalent()), t);
            last = k;
        }
        assertFalse(onFxThread.contains(false), "properties change on the FX thread only");
        assertEquals(List.of(prefix + made.tag + "a", prefix + made.tag + "b"), made.namespaces().stream()
                .filter(ns -> ns.startsWith(prefix)).toList());
        robot.interact(() -> Screenshots.write(dialog.stage().getScene(), "restore-dialog-progress"));
    }

    @Test
    void should_wait_for_the_restore_that_holds_the_lock_and_finish_once_it_is_released(FxRobot robot)
            throws Exception {
        RestoreDialog dialog = dialogReadyToApply(robot);
        RestoreViewModel vm = dialog.viewModel();
        held = RestoreLock.acquire(lockFile, false, "netcr restore " + made.tag + "-other.netcr");

        robot.clickOn("#restore-apply");
        waitFor(() -> vm.progress().cancellableProperty().get());

        assertEquals("Waiting for another restore to finish; Cancel leaves this host as it is",
                text(robot, "#restore-status"));
        String who = text(robot, "#restore-step");
        assertTrue(who.startsWith("waiting for another restore (pid " + ProcessHandle.current().pid()
                + ": netcr restore " + made.tag + "-other.netcr, since ") && who.endsWith(") to finish"), who);
        assertTrue(robot.lookup("#restore-cancel").queryAs(Button.class).isVisible());
        assertTrue(robot.lookup("#restore-progress-row").query().isVisible());
        assertEquals(ProgressBar.INDETERMINATE_PROGRESS,
                robot.lookup("#restore-progress").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#restore-apply").queryAs(Button.class).isDisabled());
        assertEquals(List.of(made.tag + "a", made.tag + "b"), made.namespaces(), "nothing restored while it waits");
        robot.interact(() -> Screenshots.write(dialog.stage().getScene(), "restore-dialog-waiting"));

        held.close(); // the other restore ends
        waitFor(() -> !vm.applyingProperty().get());

        assertTrue(vm.restoredProperty().get() != null, vm.statusProperty().get() + " " + vm.problems());
        assertTrue(text(robot, "#restore-status").startsWith("Restored 2 namespaces"), text(robot, "#restore-status"));
        assertFalse(robot.lookup("#restore-cancel").queryAs(Button.class).isVisible());
        assertEquals(List.of(made.tag + "a", made.tag + "b", prefix + made.tag + "a", prefix + made.tag + "b"),
                made.namespaces());
    }

    @Test
    void should_leave_the_host_as_it_was_when_cancelled_while_waiting(FxRobot robot) throws Exception {
        RestoreDialog dialog = dialogReadyToApply(robot);
        RestoreViewModel vm = dialog.viewModel();
        List<String> devicesBefore = made.devicesHere();
        held = RestoreLock.acquire(lockFile, false, "netcr restore other.netcr");
        robot.clickOn("#restore-apply");
        waitFor(() -> vm.progress().cancellableProperty().get());

        robot.clickOn("#restore-cancel");
        waitFor(() -> !vm.applyingProperty().get());

        assertEquals("Cancelled while waiting for another restore; nothing was changed",
                text(robot, "#restore-status"));
        held.close();
        held = null;
        RestoreLock.acquire(lockFile, false, "the test, after the cancel").close(); // nobody waits for it any more
        assertEquals(List.of(made.tag + "a", made.tag + "b"), made.namespaces());
        assertEquals(devicesBefore, made.devicesHere());
        assertFalse(robot.lookup("#restore-progress-row").query().isVisible(), "no bar: nothing was done");
        assertFalse(robot.lookup("#restore-apply").queryAs(Button.class).isDisabled(), "it can be applied again");
        robot.interact(() -> Screenshots.write(dialog.stage().getScene(), "restore-dialog-cancelled"));
    }

    @Test
    void should_stop_waiting_when_the_dialog_is_closed_while_it_waits(FxRobot robot) throws Exception {
        RestoreDialog dialog = dialogReadyToApply(robot);
        RestoreViewModel vm = dialog.viewModel();
        held = RestoreLock.acquire(lockFile, false, "netcr restore other.netcr");
        robot.clickOn("#restore-apply");
        waitFor(() -> vm.progress().cancellableProperty().get());

        Stage stage = dialog.stage();
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // its [x]
        waitFor(() -> !vm.applyingProperty().get());

        held.close();
        held = null;
        RestoreLock.acquire(lockFile, false, "the test, after the close").close();
        assertEquals(List.of(made.tag + "a", made.tag + "b"), made.namespaces(), "nothing restored, later either");
    }
}
