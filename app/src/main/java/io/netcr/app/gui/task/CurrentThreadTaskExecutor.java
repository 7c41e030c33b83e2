package io.netcr.app.gui.task;

/** Runs each task at once on the calling thread: for tests, where waiting on threads only adds flakiness. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.work().call();
        } catch (Exception | Error e) {
            task.onFailure().accept(e);
            return;
        }
        task.onSuccess().accept(result);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }
}
