package io.netcr.app.gui;

import java.util.List;
import javafx.application.Application;

/**
 * The JavaFX side of netcr's entry: {@link io.netcr.app.WorkbenchEntry} (in the command line's module, which
 * has no JavaFX) calls it by name once it knows there is a display and the workbench wants to open.
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Runs the workbench until its window closes; returns the exit status. */
    public static int launch(String[] args) {
        FirstDocument.start(List.of(args)); // read and laid out while JavaFX starts
        Application.launch(WorkbenchApp.class, args);
        return 0;
    }
}
