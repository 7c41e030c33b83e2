package io.netcr.app.gui;

import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.app.gui.hosts.AskpassDialog;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench window as the TestFX tests use it: a real window on the stage TestFX gives, with its own
 * preferences node (recent files) and task executor, all released by {@link #close()}.
 */
final class WindowUnderTest implements AutoCloseable {

    final Preferences prefs;
    final FxTaskExecutor executor;
    final WorkbenchViewModel vm;
    final WorkbenchWindow window;

    private WindowUnderTest(Stage stage, LiveHost host, TestOps ops) {
        this(stage, host, ops, null);
    }

    private WindowUnderTest(Stage stage, LiveHost host, TestOps ops, Map<String, String> env) {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        executor = new FxTaskExecutor();
        RecentFiles recent = new RecentFiles(prefs);
        vm = env != null ? new WorkbenchViewModel(executor, recent, WorkbenchHosts.forThisProcess(executor,
                recent.hosts(), env, new AskpassDialog(stage)))
                : host == null ? new WorkbenchViewModel(executor, recent)
                : new WorkbenchViewModel(executor, recent, host);
        window = ops == null ? new WorkbenchWindow(stage, vm)
                : new WorkbenchWindow(stage, vm, s -> new WorkbenchActions(s, vm, ops.checkpoint(), ops.restore(),
                        RecoveryEngine.system(RunDir.current()), ops.dir));
        stage.setScene(window.scene());
        stage.show();
    }

    /** Call from the test's {@code @Start} method. */
    static WindowUnderTest show(Stage stage) {
        return new WindowUnderTest(stage, null, null);
    }

    /** A window whose "this host" is {@code host} and whose checkpoint and restore go to {@code ops}: no kernel. */
    static WindowUnderTest show(Stage stage, LiveHost host, TestOps ops) {
        return new WindowUnderTest(stage, host, ops);
    }

    /**
     * A window as {@code netcr} opens it, with the environment {@code env} for its hosts (ssh's settings, the
     * privilege helper) and ssh's prompts in its own dialogs.
     */
    static WindowUnderTest show(Stage stage, Map<String, String> env) {
        return new WindowUnderTest(stage, null, null, env);
    }

    /** Opens the diagnostics demo as the sample (as the workbench does without a host) and waits until shown. */
    void openDiagnosticsSample(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openAsSample(Fixtures.diagnosticsDemoFile(), Fixtures.SAMPLE_NOTE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.getActive() != null && !vm.busyProperty().get());
        settle();
    }

    /** Waits until every queued FX event ran and the canvas has painted what changed. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.graph().isDirty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Releases the live host's descriptors, the executor's threads and the preferences node. */
    @Override
    public void close() throws Exception {
        vm.close();
        executor.shutdown();
        prefs.removeNode();
    }
}
