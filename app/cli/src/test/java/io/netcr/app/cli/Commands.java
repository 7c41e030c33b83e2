package io.netcr.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program for a test (ip, id, ...) and returns what it printed, standard error included. */
final class Commands {

    private Commands() {
    }

    /** Its output, whatever its exit status. */
    static String output(List<String> cmd) {
        return run(cmd, false);
    }

    /** Its output; IllegalStateException with that output when it fails or hangs for a minute. */
    static String check(List<String> cmd) {
        return run(cmd, true);
    }

    private static String run(List<String> cmd, boolean mustSucceed) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (mustSucceed && (!ended || p.exitValue() != 0)) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
