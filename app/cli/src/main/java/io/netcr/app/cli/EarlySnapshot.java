package io.netcr.app.cli;

import io.netcr.app.StartupTrace;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.HostDiscovery;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
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
 * it, or reads the host itself when there is none. The barest forms, {@code netcr snapshot} and
 * {@code netcr snapshot --json}, do not wait for the parser at all ({@link #runBare}): what picocli would make
 * of them is known, and building its model of the command line (~110 ms in a cold JVM, ~170 classes) was the
 * longest part of a small host's snapshot once libc was bound without generated code.
 */
public final class EarlySnapshot {

    /** Options after which the command reads the host its own way (or not at all). */
    private static final List<String> OWN_WAY = List.of("--netns", "--repeat", "--timing", "-h", "--help", "-V",
            "--version", "--host");

    private static volatile CompletableFuture<Snapshot> pending;

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
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            LiveDiscovery discovery = HostDiscovery.open();
            try {
                f.complete(discovery.snapshot(Set.of()));
            } catch (IOException | RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            } finally {
                discovery.close(); // after the snapshot is handed over: the output need not wait for it
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
     * Whether these arguments are {@code snapshot} or {@code snapshot --json} and nothing else, and the host is
     * being read already ({@link #startIfPlain}): then {@link #runBare} does the whole command.
     */
    public static boolean isBare(String[] args) {
        return pending != null && (args.length == 1 || args.length == 2 && args[1].equals("--json"))
                && args[0].equals("snapshot");
    }

    /**
     * A bare command line's whole command, without picocli: what {@link SnapshotCommand} would do and print,
     * with its exit code.
     */
    public static int runBare(String[] args, PrintStream out, PrintStream err) {
        StartupTrace.mark("command");
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        try {
            Snapshot snapshot = take().orElseThrow(); // isBare: one was started
            StartupTrace.mark("snapshot");
            return SnapshotOutput.print(snapshot, args.length == 2, null, o, e);
        } catch (IOException | RuntimeException ex) {
            e.println(cannotRead(ex));
            return ExitCodes.FAILED;
        }
    }

    /** What the command says when it cannot read this host. */
    static String cannotRead(Exception e) {
        return "netcr snapshot: cannot read this host: " + e.getMessage();
    }

    /**
     * The early snapshot, once, when one was started (waits for it); empty otherwise. A failure to read the
     * host comes out as the IOException (or RuntimeException) the discovery threw.
     */
    static Optional<Snapshot> take() throws IOException {
        CompletableFuture<Snapshot> f = pending;
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

    /** Forgets an early snapshot nobody took (the command read the host its own way). */
    static void discard() {
        pending = null;
    }
}
