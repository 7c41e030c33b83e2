package io.netcr.app.gui.ops;

import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostStatus;
import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.journal.RunDir;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the recovery dialog needs of a host: a seam, so that view-model and UI tests run without a kernel. Through
 * {@link #on} it is a {@link io.netcr.app.hosts.Host}: the leftover is what its {@code status} says, and the
 * recovery runs there ({@code netcr recover} in this process, or the agent's {@code recover}).
 */
public interface RecoveryEngine {

    /**
     * The leftover of a restore that did not finish (its writer gone), in one line, if there is one; an
     * exception when a journal is there and cannot be read.
     */
    Optional<String> find() throws Exception;

    /** Undoes ({@code finish} false) or finishes the leftover restore, or, {@code dryRun}, says what it would do. */
    RecoveryOutcome recover(boolean finish, boolean dryRun);

    /** This host in this process: the same calls as {@code netcr recover}. */
    static RecoveryEngine system(RunDir dir) {
        return on(HostAccess.local(dir));
    }

    /** The host {@code access} gives. */
    static RecoveryEngine on(HostAccess access) {
        return new RecoveryEngine() {
            @Override
            public Optional<String> find() throws IOException, HostException {
                HostStatus s = access.host().status();
                if (s.damaged() != null) {
                    throw new IOException(s.damaged());
                }
                return s.leftoverSummary();
            }

            @Override
            public RecoveryOutcome recover(boolean finish, boolean dryRun) {
                try {
                    return access.host().recover(finish, dryRun, "netcr workbench recover" + (finish ? " --finish" : ""));
                } catch (HostException e) {
                    return new RecoveryOutcome(RecoveryService.Kind.REFUSED, null, false, List.of(), e.diagnostics());
                }
            }
        };
    }
}
