package io.netcr.app.gui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;

/**
 * Turns an uncaught exception into a log line and a dialog, so a bug shows itself instead of leaving a
 * dead window.
 */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println("netcr: unexpected error on " + thread.getName() + ": " + error);
            if (System.getenv("NETCR_DEBUG") != null) {
                error.printStackTrace();
            }
            if (Platform.isFxApplicationThread()) {
                show(error);
            } else {
                Platform.runLater(() -> show(error));
            }
        });
    }

    private static void show(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(16);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("netcr: unexpected error");
        alert.setHeaderText("Something went wrong: " + error);
        alert.setContentText("The workbench keeps running. Please report this, with the details below.");
        alert.getDialogPane().setExpandableContent(details);
        // show(), not showAndWait(): this may run inside a layout or animation pulse
        alert.show();
    }
}
