package io.netcr.app.cli;

import io.netcr.app.StartupTrace;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.HostDiscovery;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netcr snapshot}: reads the live host's network namespaces over rtnetlink (or another's, with its agent). */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Take a snapshot of this host's network namespaces (devices, peers, addresses, routes).",
            "Reading namespaces other than your own needs root. With --host, another machine's, read there by its "
            + "netcr agent."})
public final class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the snapshot as a .netcr image")
    Path output;

    @Option(names = "--netns", paramLabel = "NAME", description = "only this namespace (repeatable)")
    List<String> netns = List.of();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "take N snapshots in this one process (for measurements)")
    int repeat;

    @Option(names = "--timing", description = "print each snapshot's milliseconds to stderr")
    boolean timing;

    @Mixin
    HostOption hostOption;

    @Override
    public Integer call() {
        StartupTrace.mark("command");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1) {
            err.println("netcr snapshot: --repeat must be at least 1");
            EarlySnapshot.discard();
            return ExitCodes.FAILED;
        }
        Snapshot snapshot = hostOption.remote() || Hosts.agentCommand(System.getenv()).isPresent()
                ? throughAgent(err) : here(err);
        if (snapshot == null) {
            return ExitCodes.FAILED;
        }
        StartupTrace.mark("snapshot");
        return SnapshotOutput.print(snapshot, json.on, output, out, err);
    }

    /**
     * This host, read here: the early snapshot Main began for a plain command line, or one discovery for every
     * run (so that runs after the first are the workbench's warm refresh, and --timing can tell its phases).
     */
    private Snapshot here(PrintWriter err) {
        try {
            Optional<Snapshot> early = netns.isEmpty() && repeat == 1 && !timing ? EarlySnapshot.take()
                    : Optional.empty();
            EarlySnapshot.discard();
            return early.isPresent() ? early.get() : read(err);
        } catch (IOException | RuntimeException e) {
            err.println(EarlySnapshot.cannotRead(e));
            return null;
        }
    }

    /** The host read here, {@code repeat} times (with --timing, each time's phases to stderr); the last one. */
    private Snapshot read(PrintWriter err) throws IOException {
        Snapshot snapshot = null;
        try (LiveDiscovery discovery = HostDiscovery.open()) {
            for (int i = 1; i <= repeat; i++) {
                long t0 = System.nanoTime();
                snapshot = discovery.snapshot(new LinkedHashSet<>(netns));
                if (timing) {
                    StringBuilder phases = new StringBuilder();
                    discovery.lastTimings().forEach((k, v) -> phases.append(String.format(" %s=%.1f", k, v)));
                    err.printf("run %d: %.1f ms (%s)%n", i, (System.nanoTime() - t0) / 1e6, phases.toString().trim());
                }
            }
        }
        return snapshot;
    }

    /** Another host, or this one through a privilege helper's agent: every run over the same connection. */
    private Snapshot throughAgent(PrintWriter err) {
        EarlySnapshot.discard(); // Main begins none with --host; NETCR_AGENT_COMMAND is read here
        try (Host host = hostOption.open(err)) {
            ReadResult read = null;
            for (int i = 1; i <= repeat; i++) {
                long t0 = System.nanoTime();
                read = host.snapshot(netns);
                if (timing) {
                    err.printf("run %d: %.1f ms (through the agent)%n", i, (System.nanoTime() - t0) / 1e6);
                }
            }
            if (read.snapshot() == null) {
                err.println("netcr snapshot: " + (hostOption.remote() ? hostOption.host : "this host")
                        + " cannot be read:");
                read.diagnostics().forEach(d -> err.println("  " + d));
            }
            return read.snapshot();
        } catch (HostException e) {
            HostOption.print("snapshot", e, err);
            return null;
        }
    }
}
