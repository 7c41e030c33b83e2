package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.app.services.RestoreService;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Checkpoint… and Restore… against the real kernel (as root): two namespaces of the test's own,
 * checkpointed through the dialog, then restored through the other dialog under a prefix. Every namespace
 * and device whose name holds the test's random tag (the restored ones too) is removed in every outcome.
 */
@ExtendWith(ApplicationExtension.class)
class CheckpointRestoreUiTest {

    private final TaggedNamespaces made = new TaggedNamespaces();
    private final String tag = made.tag;
    private Path dir;
    private WindowUnderTest ui;
    private WorkbenchViewModel vm;
    private WorkbenchActions actions;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("netcr-ui-ops-");
        ui = WindowUnderTest.show(stage);
        vm = ui.vm;
        actions = new WorkbenchActions(stage, vm, CheckpointEngine.system(),
                RestoreEngine.system(new RunDir(dir)), RecoveryEngine.system(new RunDir(dir)));
    }

    @AfterEach
    void remove_what_the_test_made() throws Exception {
        try {
            ui.close(); // first: the live host's namespace descriptors, so that deleted namespaces go at once
        } finally {
            made.removeAll();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void should_checkpoint_two_namespaces_and_restore_them_under_a_prefix(FxRobot robot) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make namespaces");
        made.makeTwoJoinedByVeth();
        robot.interact(vm::openLive);
        waitFor(() -> vm.getActive() != null && vm.getActive().live() && !vm.busyProperty().get());

        // ---- checkpoint ----
        CheckpointDialog[] cd = new CheckpointDialog[1];
        robot.interact(() -> {
            cd[0] = actions.checkpointDialog();
            cd[0].show();
        });
        CheckpointViewModel cvm = cd[0].viewModel();
        Path image = dir.resolve("two.netcr");
        assertTrue(cvm.outputProperty().get().getFileName().toString().endsWith(".netcr"));
        Clicks.check(robot, "ns-" + tag + "a");
        Clicks.check(robot, "ns-" + tag + "b");
        robot.interact(() -> cvm.outputProperty().set(image)); // what the native file chooser would do
        robot.clickOn("#checkpoint-run");
        waitFor(() -> !cvm.runningProperty().get());
        assertEquals(image, cvm.writtenProperty().get(), cvm.statusProperty().get() + " " + cvm.diagnostics());
        assertEquals(List.of(tag + "a", tag + "b"), cvm.lastRequest().namespaces());
        ReadResult back = RestoreService.readImage(image);
        assertEquals(List.of(tag + "a", tag + "b"), back.snapshot().namespaces().stream().filter(n -> !n.init())
                .map(Namespace::label).sorted().toList(), back.diagnostics().toString());
        String shown = robot.lookup("#checkpoint-status").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Checkpointed 2 namespaces") && shown.contains(image.toString()), shown);
        robot.interact(() -> Screenshots.write(cd[0].stage().getScene(), "checkpoint-dialog"));

        // one click opens the image in the workbench
        robot.clickOn("#checkpoint-open");
        waitFor(() -> vm.getActive() != null && !vm.getActive().live() && !vm.busyProperty().get());

        // ---- restore ----
        RestoreDialog[] rd = new RestoreDialog[1];
        robot.interact(() -> {
            rd[0] = actions.restoreDialog();
            rd[0].show();
        });
        RestoreViewModel rvm = rd[0].viewModel();
        assertEquals(image, rvm.imageProperty().get(), "the active image is proposed");
        waitFor(() -> rvm.planProperty().get() != null && !rvm.planningProperty().get());
        assertTrue(rvm.problems().stream().anyMatch(d -> d.code() == io.netcr.model.Errno.EEXIST),
                "the names exist: " + rvm.problems());
        assertTrue(robot.lookup("#restore-apply").queryAs(Button.class).isDisabled());
        robot.interact(() -> Screenshots.write(rd[0].stage().getScene(), "restore-dialog-preflight"));

        String prefix = tag + "r-";
        robot.clickOn("#restore-prefix").write(prefix);
        waitFor(() -> prefix.equals(rvm.prefixProperty().get()) && !rvm.planningProperty().get()
                && rvm.canApplyProperty().get());
        ListView<?> steps = robot.lookup("#restore-steps").queryAs(ListView.class);
        assertTrue(steps.getItems().size() > 5, steps.getItems().toString());
        assertTrue(steps.getItems().contains("1. ip netns add " + prefix + tag + "a"), steps.getItems().toString());
        assertTrue(steps.getItems().stream().anyMatch(s -> s.toString().contains("addr add 10.250.91.1/30")));
        assertFalse(robot.lookup("#restore-apply").queryAs(Button.class).isDisabled());
        robot.interact(() -> Screenshots.write(rd[0].stage().getScene(), "restore-dialog-plan"));

        robot.clickOn("#restore-apply");
        waitFor(() -> !rvm.applyingProperty().get());
        String status = robot.lookup("#restore-status").queryAs(Label.class).getText();
        assertTrue(rvm.restoredProperty().get() != null, status + " " + rvm.problems());
        String netns = Shell.run("ip", "netns", "list");
        assertTrue(netns.contains(prefix + tag + "a") && netns.contains(prefix + tag + "b"), netns);
        assertTrue(status.startsWith("Restored 2 namespaces") && status.contains(prefix + tag + "b"), status);
        assertTrue(Shell.run("ip", "-n", prefix + tag + "a", "-br", "addr").contains("10.250.91.1/30"));
        assertTrue(robot.lookup("#restore-apply").queryAs(Button.class).isDisabled(), "not offered twice");
        waitFor(() -> vm.getActive() != null && vm.getActive().live() && !vm.busyProperty().get()); // refreshed
        assertTrue(vm.getActive().snapshot().namespaceNamed(prefix + tag + "a").isPresent(),
                "the live host document shows the restored namespace");
        robot.interact(() -> Screenshots.write(rd[0].stage().getScene(), "restore-dialog-done"));
    }
}
