package io.netcr.app.cli;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.export.Exports;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netcr export SOURCE --format png|svg|dot|json -o FILE}: the workbench's drawing, without a display. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Draw a snapshot to a file: PNG or SVG (the workbench's drawing), Graphviz DOT, or JSON.",
            "Needs no display."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", description = "a .netcr image or JSON snapshot, or 'live' for this host")
    String source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "png, svg, dot or json (default: from the extension of FILE)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "where to write")
    Path output;

    @Option(names = "--details", description = "show MAC and MTU on every device")
    boolean details;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat fmt;
        if (format != null) {
            try {
                fmt = ExportFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("netcr export: unknown format '" + format + "' (use png, svg, dot or json)");
                return ExitCodes.FAILED;
            }
        } else {
            fmt = ExportFormat.ofFile(output).orElse(null);
            if (fmt == null) {
                err.println("netcr export: cannot tell the format from '" + output.getFileName()
                        + "': add --format png|svg|dot|json");
                return ExitCodes.FAILED;
            }
        }
        if (!fmt.isAvailable()) {
            err.println("netcr export: " + fmt.extension().toUpperCase(java.util.Locale.ROOT) + " needs Java2D"
                    + " (java.desktop), which the headless package netcr-cli leaves out: export svg, dot or json here,"
                    + " or install the desktop package netcr");
            return ExitCodes.FAILED;
        }
        ReadResult read = SnapshotSources.openAny(source, ReadMode.STRICT);
        if (read.snapshot() == null) {
            for (Diagnostic d : read.diagnostics()) {
                err.println("netcr export: " + (d.subject().isRoot() ? d.message() : d));
            }
            return ExitCodes.FAILED;
        }
        try {
            Exports.write(fmt, read.snapshot(), Exports.layout(read.snapshot(), details), output);
        } catch (IOException e) {
            err.println("netcr export: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
