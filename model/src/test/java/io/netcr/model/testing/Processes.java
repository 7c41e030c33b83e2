package io.netcr.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program for a test and keeps what it printed; never waits more than two minutes for it. */
public final class Processes {

    /** The exit status and the output (standard output and error, interleaved). */
    public record Result(int exitCode, String output) {
    }

    private Processes() {
    }

    public static Result run(List<String> cmd) {
        try {
            // Through a file, not a pipe: a program that prints much cannot block on a full pipe while we wait.
            Path out = Files.createTempFile("nct", ".out");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + cmd);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
