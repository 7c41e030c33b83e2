package io.netcr.app.services;

import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the restore dialog needs of the host: a seam, so that view-model tests run without a kernel and can
 * stand in an unprivileged process. The plan itself is always {@link RestoreService#plan}.
 */
public interface RestoreEngine {

    ReadResult readImage(Path file);

    /** The restorer's devices and the names under /run/netns, for planning. */
    Snapshot hostView() throws Exception;

    /** EPERM when this process may not restore. */
    Optional<Diagnostic> checkPrivileges();

    /**
     * Privileges, the lock (waiting for it while {@code monitor} lets it), a fresh plan and its execution,
     * reported to {@code monitor} on the calling thread: {@link RestoreService#apply}.
     */
    RestoreService.Applied apply(Snapshot image, RestoreOptions options, String holder, ApplyMonitor monitor);

    /** The real host: the same calls as {@code netcr restore}, with the lock and journal in {@code dir}. */
    static RestoreEngine system(RunDir dir) {
        return new RestoreEngine() {
            @Override
            public ReadResult readImage(Path file) {
                return RestoreService.readImage(file);
            }

            @Override
            public Snapshot hostView() throws Exception {
                return RestoreService.hostView().get();
            }

            @Override
            public Optional<Diagnostic> checkPrivileges() {
                return RestoreService.checkPrivileges();
            }

            @Override
            public RestoreService.Applied apply(Snapshot image, RestoreOptions options, String holder,
                                                ApplyMonitor monitor) {
                return RestoreService.apply(image, options, dir, holder, monitor);
            }
        };
    }
}
