package io.netcr.app.gui.task;

/**
 * Runs long work (reading, layout, export) without blocking the FX thread. View-models take one, so
 * that tests can run them with {@link CurrentThreadTaskExecutor} and no FX toolkit at all.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /**
     * Runs {@code action} on the thread the view-models live on (the FX thread), after what was handed over
     * before it; the same-thread executor runs it at once. For news from running work; results come
     * through {@link BackgroundTask#onSuccess()}.
     */
    void runOnUiThread(Runnable action);

    /** Stops accepting work; running work may finish. */
    default void shutdown() {
    }
}
