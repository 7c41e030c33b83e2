package io.netcr.app.gui;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's background work and what it shows of it: the status line (what runs, then what came of it),
 * the progress (indeterminate while anything runs) and whether it is busy. The view-models of the window
 * (documents, comparison) run their work through one of these, so that the status bar tells of both.
 */
final class BackgroundWork {

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int running;

    BackgroundWork(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} in the background, saying {@code title} meanwhile; {@code done} gets its result. */
    <T> void run(String title, Callable<T> work, Consumer<T> done) {
        running++;
        busy.set(true);
        progress.set(-1);
        status.set(title);
        executor.execute(new BackgroundTask<>(title, work, result -> {
            finished();
            done.accept(result);
        }, error -> {
            finished();
            status.set(title.replace("…", "") + " failed: " + error);
        }));
    }

    private void finished() {
        running--;
        busy.set(running > 0);
        progress.set(running > 0 ? -1 : 0);
    }

    void say(String text) {
        status.set(text);
    }

    TaskExecutor executor() {
        return executor;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
