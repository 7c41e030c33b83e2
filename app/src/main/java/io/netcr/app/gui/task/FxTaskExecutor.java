package io.netcr.app.gui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs work on daemon worker threads with javafx.concurrent.Task; results come back on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netcr-worker-" + count.incrementAndGet());
        t.setDaemon(true); // never keep the JVM alive after the window closes
        return t;
    });

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(task.title());
                return task.work().call();
            }
        };
        fx.setOnSucceeded(e -> task.onSuccess().accept(fx.getValue()));
        fx.setOnFailed(e -> task.onFailure().accept(fx.getException()));
        pool.execute(fx);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
