package io.netcr.bridge.discovery;

import io.netcr.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Facts about the host for a snapshot's {@link Source}, read from /proc. */
public final class HostInfo {

    private HostInfo() {
    }

    public static Source liveSource(String tool) {
        return new Source(Source.LIVE, read("/proc/sys/kernel/hostname"), read("/proc/sys/kernel/osrelease"),
                Instant.now(), null, tool);
    }

    /** True when the effective uid is 0 (from /proc/self/status, no native call needed). */
    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
