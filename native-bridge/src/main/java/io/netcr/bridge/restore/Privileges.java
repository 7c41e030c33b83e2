package io.netcr.bridge.restore;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The preflight of privileges: a restore mounts namespaces (CAP_SYS_ADMIN) and configures links
 * (CAP_NET_ADMIN). Read from CapEff in /proc/self/status, before anything changes.
 */
public final class Privileges {

    static final int CAP_NET_ADMIN = 12;
    static final int CAP_SYS_ADMIN = 21;

    private Privileges() {
    }

    /** EPERM when this process lacks what a restore needs; empty when it has it. */
    public static Optional<Diagnostic> checkRestore() {
        return check(Path.of("/proc/self/status"));
    }

    static Optional<Diagnostic> check(Path status) {
        long caps;
        try {
            caps = capEff(Files.readString(status));
        } catch (IOException | RuntimeException e) {
            return Optional.of(Diagnostic.error(Errno.EPERM, SubjectPath.ROOT, Phase.RESTORE,
                    "cannot tell whether this process may restore (" + status + ": " + e.getMessage()
                            + "); run netcr restore as root"));
        }
        StringBuilder missing = new StringBuilder();
        if ((caps & (1L << CAP_SYS_ADMIN)) == 0) {
            missing.append("CAP_SYS_ADMIN (to mount namespaces under /run/netns)");
        }
        if ((caps & (1L << CAP_NET_ADMIN)) == 0) {
            missing.append(missing.length() > 0 ? " and " : "").append("CAP_NET_ADMIN (to create and configure links)");
        }
        if (missing.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(Errno.EPERM, SubjectPath.ROOT, Phase.RESTORE,
                "restore needs root: this process lacks " + missing + "; run it as root (e.g. sudo netcr restore ...). "
                        + "Nothing was changed"));
    }

    /** The effective capability set from the text of /proc/PID/status. */
    static long capEff(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return Long.parseUnsignedLong(line.substring(7).trim(), 16);
            }
        }
        throw new IllegalArgumentException("no CapEff line");
    }
}
