package io.netcr.app.gui;

import io.netcr.app.gui.hosts.AskpassDialog;
import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.app.gui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link GuiLauncher}, never as the main class (see machine notes). */
public final class WorkbenchApp extends Application {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        ErrorDialogs.install();
        vm = open(stage, executor, getParameters().getRaw(), System.getenv(), RecentFiles.forUser());
    }

    /**
     * The workbench in {@code stage}, as {@code netcr} opens it: this host (or the file given), its window shown;
     * not root, netcr's agent started with the privilege helper, and this host read through it once it runs; a
     * restore left unfinished offered for recovery (through the agent when there is one).
     */
    public static WorkbenchViewModel open(Stage stage, TaskExecutor executor, List<String> args,
                                          Map<String, String> env, RecentFiles recent) {
        WorkbenchHosts hosts = WorkbenchHosts.forThisProcess(executor, recent.hosts(), env, new AskpassDialog(stage));
        WorkbenchViewModel vm = new WorkbenchViewModel(executor, recent, hosts);
        WorkbenchWindow window = new WorkbenchWindow(stage, vm);
        stage.setTitle("netcr");
        stage.setScene(window.scene());
        stage.show();
        if (args.isEmpty()) {
            vm.openLiveOrSample();
        } else {
            vm.open(Path.of(args.get(0)));
        }
        WorkbenchActions actions = new WorkbenchActions(stage, vm);
        if (hosts.thisHost().helper() != null) {
            vm.startAgent(actions::offerRecovery); // meanwhile the window shows what this user may read
        } else {
            actions.offerRecovery(); // a restore killed half-way: offer to undo or finish it
        }
        return vm;
    }

    @Override
    public void stop() {
        executor.shutdown();
        if (vm != null) {
            vm.close(); // the live host's sockets and namespace descriptors
        }
    }
}
