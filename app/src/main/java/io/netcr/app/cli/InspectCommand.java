package io.netcr.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code netcr inspect FILE [--json] [--salvage]}: a readable summary of an image or JSON snapshot. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what an image (.netcr) or JSON snapshot holds: namespaces, devices, peers, diagnostics.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a .netcr image or a JSON snapshot")
    Path file;

    @Option(names = "--json", description = "print the snapshot as JSON")
    boolean json;

    @Option(names = "--salvage", description = "read a damaged image: show all that can be read, and what was lost")
    boolean salvage;

    @Override
    public Integer call() {
        return ExitCodes.FAILED; // filled in by the foundation work
    }
}
