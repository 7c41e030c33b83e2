package io.netcr.app.gui;

import io.netcr.app.gui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link GuiLauncher}, never as the main class (see machine notes). */
public final class WorkbenchApp extends Application {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        ErrorDialogs.install();
        vm = new WorkbenchViewModel(executor, RecentFiles.forUser());
        WorkbenchWindow window = new WorkbenchWindow(stage, vm);
        stage.setTitle("netcr");
        stage.setScene(window.scene());
        stage.show();
        List<String> args = getParameters().getRaw();
        if (args.isEmpty()) {
            vm.openLiveOrSample();
        } else {
            vm.open(Path.of(args.get(0)));
        }
        new WorkbenchActions(stage, vm).offerRecovery(); // a restore killed half-way: offer to undo or finish it
    }

    @Override
    public void stop() {
        executor.shutdown();
        if (vm != null) {
            vm.close(); // the live host's sockets and namespace descriptors
        }
    }
}
