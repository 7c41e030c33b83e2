package io.netcr.app.cli;

import io.netcr.app.services.SnapshotSources;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.AtomicFiles;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netcr convert FILE -o OUT [--format netcr|json]}: between the image and the JSON form, both ways. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a snapshot between the .netcr image and JSON: write a topology by hand in JSON, "
            + "make it an image; or turn an image into JSON for a script.",
            "The source is validated as strictly as any image; the output is written atomically."})
public final class ConvertCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { netcr, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .netcr image or a JSON snapshot")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "where to write")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "netcr or json (default: json when OUT ends in .json, else netcr)")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReadResult result = SnapshotSources.open(file, ReadMode.STRICT);
        if (result.snapshot() == null) {
            err.println("netcr convert: " + file + " was refused:");
            result.diagnostics().forEach(d -> err.println("  " + d));
            return SnapshotSources.isReadableFile(file) ? ExitCodes.PROBLEMS : ExitCodes.FAILED;
        }
        Format chosen = format != null ? format : output.toString().endsWith(".json") ? Format.json : Format.netcr;
        try {
            if (chosen == Format.json) {
                AtomicFiles.write(output, SnapshotJson.toJson(result.snapshot()).getBytes(StandardCharsets.UTF_8));
            } else {
                ImageWriter.write(result.snapshot(), output);
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("netcr convert: cannot write " + output + ": " + e.getMessage()
                    + "; nothing was changed there");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
