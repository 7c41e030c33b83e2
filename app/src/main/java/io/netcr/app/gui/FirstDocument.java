package io.netcr.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The document the workbench opens with, read and laid out while JavaFX starts and the window is built. In a
 * cold start each of the two takes about a second, the first on a worker and the second on the FX thread: begun
 * together, they overlap (the machine has two cores or more) instead of following each other. Started by
 * {@link GuiLauncher} before JavaFX is; the window's first {@link SourceLoader#load} of the same source takes
 * the result instead of reading again. The live host is read through the {@link LiveHost} the window then keeps
 * for its refreshes.
 */
final class FirstDocument {

    private static volatile Optional<LiveHost> live = Optional.empty();
    private static volatile Prefetch pending;

    private record Prefetch(WorkbenchSource source, CompletableFuture<SourceLoader.Loaded> loaded) {
    }

    private FirstDocument() {
    }

    /** Starts reading what the workbench opens for these arguments (none: the live host; one: that file). */
    static synchronized void start(List<String> args) {
        WorkbenchSource source = args.isEmpty() ? WorkbenchSource.LIVE : WorkbenchSource.file(Path.of(args.get(0)));
        LiveHost host = LiveHost.discovery();
        SourceLoader loader = SourceLoader.before(host);
        CompletableFuture<SourceLoader.Loaded> loaded = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                loaded.complete(loader.readAndLayOut(source, false));
            } catch (RuntimeException | LinkageError e) {
                loaded.completeExceptionally(e);
            }
        }, "netcr-first-document");
        t.setDaemon(true);
        live = Optional.of(host);
        pending = new Prefetch(source, loaded);
        t.start();
    }

    /** The live host the first document was read through (once: the window keeps it), else a new one. */
    static synchronized LiveHost liveHost() {
        LiveHost host = live.orElseGet(LiveHost::discovery);
        live = Optional.empty();
        return host;
    }

    /**
     * The first document, once, when it was started for this source at the default level of detail (waits for
     * it); empty otherwise, and when reading it failed unexpectedly (the caller reads again and reports).
     */
    static Optional<SourceLoader.Loaded> take(WorkbenchSource source, boolean details) {
        Prefetch p = pending;
        if (p == null || details || !p.source().equals(source)) {
            return Optional.empty();
        }
        pending = null;
        try {
            return Optional.of(p.loaded().get());
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
