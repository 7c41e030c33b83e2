package io.netcr.app.cli;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.services.CheckpointService;
import io.netcr.model.Diagnostic;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netcr checkpoint (--all | NETNS...) -o FILE}: records namespaces of the live host in an image. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = {"Checkpoint network namespaces of this host into a .netcr image: every device (loopback, "
            + "veth, bridge, tun/tap, macvlan/macvtap, vxlan, ifb and the kinds of docs/restore.md) with its MAC, "
            + "MTU, state, addresses, settings, peer and master; the routes of every table, policy rules, permanent "
            + "neighbours, sysctls and the nftables ruleset.",
            "What a restore cannot make (conntrack entries, qdiscs, sockets) gets a warning (ENOSYS), printed here "
            + "and kept in the image.",
            "A veth whose peer lies outside the set records that outside half too; restore recreates it in its "
            + "own namespace. Every problem is listed at once; nothing is written when there is an error.",
            "With --host, the namespaces of that machine are checkpointed by its netcr agent and the image is "
            + "written here.",
            "Exit status: 0 written, 1 refused (problems listed), 2 the host or the file cannot be used."})
public final class CheckpointCommand implements Callable<Integer> {

    /** Which namespaces: all of them, or the ones named. */
    static final class Selection {
        @Option(names = "--all", required = true, description = "every namespace but the init one")
        boolean all;

        @Parameters(paramLabel = "NETNS", arity = "1..*",
                description = "a namespace by name, id (nsfs:INODE) or pid:PID")
        List<String> netns;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the image to write")
    Path output;

    @Option(names = "--skip-unsupported", description = "record devices of kinds restore cannot make as skipped "
            + "instead of refusing")
    boolean skipUnsupported;

    @Option(names = "--max-addrs", paramLabel = "N", description = "more addresses on one device is E2BIG "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "" + CheckpointOptions.DEFAULT_MAX_ADDRESSES)
    int maxAddresses;

    @Option(names = "--timing", description = "print how long each phase took to standard error")
    boolean timing;

    @Mixin
    HostOption hostOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (maxAddresses < 1) {
            err.println("netcr checkpoint: --max-addrs must be at least 1");
            return ExitCodes.FAILED;
        }
        CheckpointResult result;
        long t0 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        try (Host host = hostOption.open(err)) {
            List<String> specs = selection.all ? List.of() : selection.netns;
            CheckpointOptions options = new CheckpointOptions(skipUnsupported, maxAddresses);
            result = host instanceof LocalHost local ? local.checkpoint(specs, selection.all, options, timings)
                    : host.checkpoint(specs, selection.all, options);
        } catch (HostException e) {
            HostOption.print("checkpoint", e, err);
            return ExitCodes.FAILED;
        }
        for (Diagnostic d : result.diagnostics()) {
            err.println(d);
        }
        if (result.image() == null) {
            long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("netcr checkpoint: refused (" + errors + (errors == 1 ? " error" : " errors") + "); nothing "
                    + "was written");
            return ExitCodes.PROBLEMS;
        }
        long t1 = System.nanoTime();
        try {
            CheckpointService.write(result.image(), output);
        } catch (IOException | RuntimeException e) {
            err.println("netcr checkpoint: cannot write " + output + ": " + e.getMessage() + "; nothing was written");
            return ExitCodes.FAILED;
        }
        if (timing) {
            printTiming(err, timings, (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }
        out.println(CheckpointService.summary(result.image(), output));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * One line per phase, as restore's --timing: the reading's phases (none through an agent), the reading as a
     * whole and the write. {@code sum:} phases are summed over the threads that did them, so they may exceed
     * the wall time of their phase.
     */
    private void printTiming(PrintWriter err, Map<String, Double> timings, double readMs, double writeMs) {
        timings.forEach((phase, ms) -> err.printf("timing: %s %.1f ms%n", phase, ms));
        err.printf("timing: read %.1f ms%s%n", readMs, hostOption.remote() || timings.isEmpty() ? " (through the agent)" : "");
        err.printf("timing: write %.1f ms%n", writeMs);
        err.flush();
    }
}
