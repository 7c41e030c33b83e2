package io.netcr.app.cli;

import io.netcr.model.ReadMode;
import picocli.CommandLine.Option;

/** {@code --salvage}, the same on every verb that reads sources. */
final class SalvageOption {

    @Option(names = "--salvage", description = "read damaged sources: use all that can be read, and say what was"
            + " lost and where")
    boolean on;

    ReadMode mode() {
        return on ? ReadMode.SALVAGE : ReadMode.STRICT;
    }
}
