package io.netcr.app.hosts;

import io.netcr.app.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What this process says of itself in a hello: host name, kernel and effective uid, read from /proc. */
final class ThisProcess {

    private ThisProcess() {
    }

    static HostInfo info(String label, int protocol, List<String> capabilities) {
        return new HostInfo(label, proc("/proc/sys/kernel/hostname"), proc("/proc/sys/kernel/osrelease"),
                effectiveUid(), Version.number(), protocol, capabilities);
    }

    /** The effective uid (the second number of the Uid line of /proc/self/status), -1 when unreadable. */
    static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String proc(String path) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
