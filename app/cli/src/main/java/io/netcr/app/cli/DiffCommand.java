package io.netcr.app.cli;

import io.netcr.app.hosts.Hosts;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.diff.Change;
import io.netcr.model.diff.DiffJson;
import io.netcr.model.diff.DiffOptions;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netcr diff A B [--json]}: what differs between two sources, like diff(1) for topologies. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two sources: .netcr images, JSON snapshots, CRIU image directories, checkpoint "
            + "archives, or 'live' for this host. One line per difference: '+' only in B, '-' only in A, "
            + "'~' changed, then the object, the field, and old -> new.",
            "Namespaces match by name (init with init, else by id, else unnamed ones by holder pid), devices by "
            + "name, never by ifindex; peers compare as namespace/device names.",
            "Exit status: 0 equal, 1 different, 2 a source cannot be read."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the old side: a file, a directory, an archive, 'live' or live@HOST")
    String left;

    @Parameters(index = "1", paramLabel = "B", description = "the new side: a file, a directory, an archive, 'live' or live@HOST")
    String right;

    @Mixin
    JsonOption json;

    @Mixin
    SalvageOption salvage;

    @Option(names = "--after-restore", description = "ignore what a restore does not set: kernel routes, operstate, "
            + "IPv6 link-local addresses, transient address flags")
    boolean afterRestore;

    @Option(names = "--ignore-kernel-routes", description = "leave out routes the kernel made (proto kernel)")
    boolean ignoreKernelRoutes;

    @Option(names = "--ignore-operstate", description = "do not compare operstate")
    boolean ignoreOperstate;

    @Option(names = "--ignore-mac", description = "do not compare MAC addresses")
    boolean ignoreMac;

    @Option(names = "--ifindex", description = "also report ifindexes that differ (never used to match)")
    boolean ifindex;

    @Option(names = "--properties", description = "also compare properties (CRIU sysctls and rulesets, kind data)")
    boolean properties;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReadMode mode = salvage.mode();
        Snapshot a = open(left, mode, err);
        Snapshot b = a == null ? null : open(right, mode, err);
        if (a == null || b == null) {
            return ExitCodes.FAILED;
        }
        DiffReport report = SnapshotDiff.compare(a, b, options());
        if (json.on) {
            out.print(DiffJson.toJson(report, left, right));
        } else {
            for (Change c : report.changes()) {
                out.println(c);
            }
        }
        out.flush();
        return report.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    DiffOptions options() {
        DiffOptions o = afterRestore ? DiffOptions.AFTER_RESTORE : DiffOptions.DEFAULT;
        if (ignoreKernelRoutes) {
            o = o.withIgnoreKernelRoutes(true);
        }
        if (ignoreOperstate) {
            o = o.withIgnoreOperstate(true);
        }
        if (ignoreMac) {
            o = o.withIgnoreMac(true);
        }
        if (ifindex) {
            o = o.withIgnoreIfindex(false);
        }
        if (properties) {
            o = o.withIgnoreProperties(false);
        }
        return o;
    }

    /** The snapshot, or null after saying on standard error why there is none. */
    private static Snapshot open(String source, ReadMode mode, PrintWriter err) {
        ReadResult r = Hosts.openSource(source, mode, Hosts.printing(err, source));
        if (r.snapshot() == null) {
            err.println("netcr diff: " + source + " cannot be compared (" + SnapshotSummary.countDiagnostics(r.diagnostics())
                    + ")" + (mode == ReadMode.SALVAGE ? "" : "; --salvage compares what can be read") + ":");
            r.diagnostics().forEach(d -> err.println("  " + d));
            if (r.diagnostics().isEmpty()) {
                err.println("  " + source + " cannot be opened");
            }
            return null;
        }
        r.diagnostics().stream().filter(Diagnostic::isError)
                .forEach(d -> err.println("netcr diff: " + source + ": " + d));
        return r.snapshot();
    }
}
