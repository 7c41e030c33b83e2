package io.netcr.app.gui.ops;

import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.bridge.restore.journal.RunDir;
import java.io.IOException;
import java.util.Optional;

/** What the recovery dialog needs of the host: a seam, so that view-model and UI tests run without a kernel. */
public interface RecoveryEngine {

    /** The leftover journal of a restore that did not finish (its writer gone), if there is one. */
    Optional<RecoveryService.Leftover> find() throws IOException;

    /** Undoes ({@code finish} false) or finishes the leftover restore, or, {@code dryRun}, says what it would do. */
    RecoveryService.Recovered recover(boolean finish, boolean dryRun);

    /** The real host: the same calls as {@code netcr recover}. */
    static RecoveryEngine system(RunDir dir) {
        return new RecoveryEngine() {
            @Override
            public Optional<RecoveryService.Leftover> find() throws IOException {
                return RecoveryService.find(dir);
            }

            @Override
            public RecoveryService.Recovered recover(boolean finish, boolean dryRun) {
                return RecoveryService.recover(dir, finish, dryRun, "netcr workbench recover" + (finish ? " --finish" : ""),
                        null, RestoreProgress.NONE);
            }
        };
    }
}
