package io.netcr.app.cli;

import io.netcr.app.StartupTrace;
import io.netcr.model.Diagnostic;
import io.netcr.model.Snapshot;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code netcr snapshot} prints once it has its snapshot: the image file (-o), the JSON (--json) or the
 * summary, then the diagnostics on standard error; the exit code. One place for {@link SnapshotCommand} and
 * for the bare command line that skips the parser ({@link EarlySnapshot#runBare}).
 */
final class SnapshotOutput {

    private SnapshotOutput() {
    }

    /** @param output the image to write, or null */
    static int print(Snapshot snapshot, boolean json, Path output, PrintWriter out, PrintWriter err) {
        try {
            if (output != null) {
                ImageWriter.write(snapshot, output);
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("netcr snapshot: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        boolean readable = !json && output == null;
        if (json) {
            try {
                SnapshotJson.write(snapshot, out);
            } catch (IOException e) { // a PrintWriter records errors instead of throwing; kept for the API
                err.println("netcr snapshot: cannot write the JSON: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        } else if (readable) {
            SnapshotSummary.print(snapshot, out); // its diagnostics are part of the summary
        }
        for (Diagnostic d : snapshot.diagnostics()) {
            if (!readable || d.isError()) {
                err.println(d.severity().word() + ": " + d);
            }
        }
        out.flush();
        StartupTrace.mark("output");
        return snapshot.hasErrors() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
