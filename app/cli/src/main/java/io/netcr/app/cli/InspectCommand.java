package io.netcr.app.cli;

import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netcr inspect SOURCE [--json] [--salvage]}: a readable summary of an image, a JSON snapshot, a CRIU
 * image directory or checkpoint archive, or {@code live}.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what an image (.netcr), JSON snapshot, CRIU image directory or checkpoint archive "
            + "(.tar, .tar.zst, .tar.gz) holds: namespaces, devices, addresses, peer links and diagnostics.",
            "Exit status: 0 a valid image, 1 an image with errors (listed on standard error), 2 wrong usage or a file "
            + "that cannot be opened."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "a .netcr image, a JSON snapshot, a CRIU image directory, a "
            + "checkpoint archive, 'live' for this host (or --host's), or live@HOST")
    String source;

    @Mixin
    JsonOption json;

    @Mixin
    SalvageOption salvage;

    @Mixin
    HostOption hostOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String file = source;
        if (hostOption.remote() && !SnapshotSources.LIVE.equals(source)) {
            err.println("netcr inspect: --host reads a machine's live state: give 'live' (files are read here)");
            return ExitCodes.FAILED;
        }
        String source = hostOption.source(this.source);
        Hosts.Listener listener = Hosts.printing(err, source);
        boolean live = SnapshotSources.LIVE.equals(source) || Hosts.isRemoteLive(source);
        if (!live && !SnapshotSources.canOpen(source)) {
            ReadResult why = SnapshotSources.openAny(source, ReadMode.STRICT);
            why.diagnostics().forEach(d -> err.println("netcr inspect: " + d));
            if (why.diagnostics().isEmpty()) {
                err.println("netcr inspect: " + file + " cannot be opened");
            }
            return ExitCodes.FAILED;
        }
        ReadResult result = Hosts.openSource(source, salvage.mode(), listener);
        Snapshot snapshot = result.snapshot();
        if (snapshot == null) {
            err.println("netcr inspect: " + file + " was refused (" + SnapshotSummary.countDiagnostics(result.diagnostics())
                    + ")" + (salvage.on ? "" : "; try --salvage to see what can be read") + ":");
            result.diagnostics().forEach(d -> err.println("  " + d));
            return live ? ExitCodes.FAILED : ExitCodes.PROBLEMS;
        }
        if (json.on) {
            out.print(SnapshotJson.toJson(snapshot));
            out.flush();
        } else {
            SnapshotSummary.print(snapshot, out);
        }
        boolean errors = snapshot.hasErrors() || result.hasErrors();
        if (errors) {
            err.println("netcr inspect: " + file + " holds errors:");
            snapshot.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println("  " + d));
        }
        return errors ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
