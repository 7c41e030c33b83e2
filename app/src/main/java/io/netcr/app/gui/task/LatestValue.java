package io.netcr.app.gui.task;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of many values from a working thread to the UI thread, with at most one hand-over
 * queued at a time: a value posted while one waits replaces it, so a worker that posts thousands of times
 * costs the UI thread only as many updates as it has time for, each with the newest value. (What
 * javafx.concurrent.Task does for its progress, for any value.)
 */
public final class LatestValue<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final TaskExecutor ui;
    private final Consumer<T> show;

    /** {@code show} runs on the UI thread of {@code ui} with the newest value posted. */
    public LatestValue(TaskExecutor ui, Consumer<T> show) {
        this.ui = ui;
        this.show = show;
    }

    /** From any thread; not null. Cheap: one atomic swap, and a hand-over only when none waits. */
    public void post(T value) {
        if (pending.getAndSet(value) == null) {
            ui.runOnUiThread(this::deliver);
        }
    }

    private void deliver() {
        T value = pending.getAndSet(null);
        if (value != null) {
            show.accept(value);
        }
    }
}
