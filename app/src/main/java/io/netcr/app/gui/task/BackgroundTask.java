package io.netcr.app.gui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work for a {@link TaskExecutor}: {@code work} runs off the FX thread; {@code onSuccess} or
 * {@code onFailure} runs on it afterwards (on the calling thread for the same-thread executor).
 */
public record BackgroundTask<T>(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
}
