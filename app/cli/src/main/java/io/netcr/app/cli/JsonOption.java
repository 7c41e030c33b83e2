package io.netcr.app.cli;

import picocli.CommandLine.Option;

/** {@code --json}, the same on every verb that has it: what it prints is for scripts (formats in docs/). */
final class JsonOption {

    @Option(names = "--json", description = "print the result as JSON, for scripts (the formats of docs/json.md,"
            + " docs/diff.md and docs/restore.md)")
    boolean on;
}
