package io.netcr.app.cli;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.export.Exports;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Parameters(paramLabel = "SOURCE", description = "a .netcr image or JSON snapshot, 'live' for this host (or "
            + "--host's), or live@HOST")
    String source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "png, svg, dot or json (default: from the extension of FILE)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "where to write")
    Path output;

    @Option(names = "--details", description = "show MAC and MTU on every device")
    boolean details;

    @Option(names = "--size", paramLabel = "WxH", description = {"PNG only: draw what the workbench's Fit shows in a"
            + " window of this size (e.g. 1600x1000): the overview of a big host. Without it, the full-detail drawing."})
    String size;

    @Mixin
    HostOption hostOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat fmt;
        if (format != null) {
            try {
                fmt = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
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
            err.println("netcr export: " + fmt.extension().toUpperCase(Locale.ROOT) + " needs Java2D"
                    + " (java.desktop), which the headless package netcr-cli leaves out: export svg, dot or json here,"
                    + " or install the desktop package netcr");
            return ExitCodes.FAILED;
        }
        int[] wh = null;
        if (size != null) {
            wh = size(size);
            if (wh == null) {
                err.println("netcr export: --size '" + size + "' is not WIDTHxHEIGHT in pixels (e.g. 1600x1000,"
                        + " each 16 to 16000)");
                return ExitCodes.FAILED;
            }
            if (fmt != ExportFormat.PNG) {
                err.println("netcr export: --size draws an image: use --format png (or an output ending in .png)");
                return ExitCodes.FAILED;
            }
        }
        if (hostOption.remote() && !SnapshotSources.LIVE.equals(source)) {
            err.println("netcr export: --host reads a machine's live state: give 'live' (files are read here)");
            return ExitCodes.FAILED;
        }
        String spec = hostOption.source(source);
        ReadResult read = Hosts.openSource(spec, ReadMode.STRICT, Hosts.printing(err, spec));
        if (read.snapshot() == null) {
            for (Diagnostic d : read.diagnostics()) {
                err.println("netcr export: " + (d.subject().isRoot() ? d.message() : d));
            }
            return ExitCodes.FAILED;
        }
        try {
            if (wh != null) {
                Exports.writeFittedPng(read.snapshot(), Exports.layout(read.snapshot(), details), wh[0], wh[1], output);
            } else {
                Exports.write(fmt, read.snapshot(), Exports.layout(read.snapshot(), details), output);
            }
        } catch (IOException e) {
            err.println("netcr export: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** {@code 1600x1000} as {1600, 1000}; null unless both are whole numbers from 16 to 16000. */
    static int[] size(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            return null;
        }
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            return w < 16 || h < 16 || w > 16_000 || h > 16_000 ? null : new int[] {w, h};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
