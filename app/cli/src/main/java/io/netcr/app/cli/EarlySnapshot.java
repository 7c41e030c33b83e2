package io.netcr.app.cli;

import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.HostDiscovery;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A plain {@code netcr snapshot}'s reading of the host, begun by {@code Main} before the command line is
 * parsed: in a cold JVM picocli takes about as long as binding libc and reading twenty namespaces, and on
 * two cores the two can happen at once. Only for the plain form (no {@code --netns}, {@code --repeat},
 * {@code --timing}, {@code --host} or help, and no NETCR_AGENT_COMMAND: an agent reads the host then), whose
 * snapshot does not depend on its options; {@link SnapshotCommand} takes
 * it, or reads the host itself when there is none.
 */
public final class EarlySnapshot {

    /** Options after which the command reads the host its own way (or not at all). */
    private static final List<String> OWN_WAY = List.of("--netns", "--repeat", "--timing", "-h", "--help", "-V",
            "--version", "--host");

    /** The discovery (kept open: the caller closes it) and what it read, or the failure. */
    record Taken(LiveDiscovery discovery, Snapshot snapshot) {
    }

    private static volatile CompletableFuture<Taken> pending;

    private EarlySnapshot() {
    }

    /**
     * Starts reading the host when these arguments are a plain {@code netcr snapshot}; returns at once, true
     * when it started.
     */
    public static boolean startIfPlain(String[] args) {
        if (!isPlain(args) || Hosts.agentCommand(System.getenv()).isPresent()) {
            return false;
        }
        CompletableFuture<Taken> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            LiveDiscovery discovery = HostDiscovery.open();
            try {
                f.complete(new Taken(discovery, discovery.snapshot(Set.of())));
            } catch (IOException | RuntimeException | LinkageError e) {
                discovery.close();
                f.completeExceptionally(e);
            }
        }, "netcr-early-snapshot");
        t.setDaemon(true);
        pending = f;
        t.start();
        return true;
    }

    static boolean isPlain(String[] args) {
        if (args.length == 0 || !args[0].equals("snapshot")) {
            return false;
        }
        for (String a : args) {
            for (String option : OWN_WAY) {
                if (a.equals(option) || a.startsWith(option + "=")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The early snapshot, once, when one was started (waits for it); empty otherwise. A failure to read the
     * host comes out as the IOException (or RuntimeException) the discovery threw.
     */
    static Optional<Taken> take() throws IOException {
        CompletableFuture<Taken> f = pending;
        pending = null;
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the host", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lets go of an early snapshot nobody took (the command read the host its own way). */
    static void discard() {
        CompletableFuture<Taken> f = pending;
        pending = null;
        if (f != null) {
            f.thenAccept(t -> t.discovery().close());
        }
    }
}
