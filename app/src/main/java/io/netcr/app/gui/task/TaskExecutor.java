package io.netcr.app.gui.task;

/**
 * Runs long work (reading, layout, export) without blocking the FX thread. View-models take one, so
 * that tests can run them with {@link CurrentThreadTaskExecutor} and no FX toolkit at all.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /** Stops accepting work; running work may finish. */
    default void shutdown() {
    }
}
