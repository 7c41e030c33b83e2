package io.netcr.app.gui.ops;

import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.services.RestoreService;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the restore dialog needs of the host it restores on: a seam, so that view-model tests run without a kernel
 * and can stand in an unprivileged process. Through {@link #on} it is a {@link Host}: the plan and the restore are
 * made there (in this process, or by an agent), exactly as {@code netcr restore [--host]} makes them.
 */
public interface RestoreEngine {

    /**
     * The image (a .netcr image or a JSON snapshot), read here and validated as {@code netcr restore} reads it,
     * whichever host it goes to; refused: the reasons.
     */
    default ReadResult readImage(Path file) {
        return RestoreService.readImage(file);
    }

    /** EPERM when the restorer there may not restore (not root). */
    Optional<Diagnostic> checkPrivileges();

    /** The dry run: the plan made against a fresh view of the host; changes nothing. */
    PlanSummary plan(Snapshot image, RestoreOptions options) throws Exception;

    /**
     * The restore, all or nothing: the lock (waiting while another restore holds it, until {@code cancellation}
     * gives up), a fresh plan and its execution, told to {@code watch} as it goes.
     */
    RestoreOutcome apply(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) throws Exception;

    /** This host in this process, with the lock and journal in {@code dir}: the same calls as {@code netcr restore}. */
    static RestoreEngine system(RunDir dir) {
        return on(HostAccess.local(dir));
    }

    /** The host {@code access} gives. */
    static RestoreEngine on(HostAccess access) {
        return new RestoreEngine() {
            @Override
            public Optional<Diagnostic> checkPrivileges() {
                Host host;
                try {
                    host = access.host();
                } catch (HostException e) {
                    return Optional.of(e.diagnostics().get(0));
                }
                if (host instanceof LocalHost) {
                    return RestoreService.checkPrivileges(); // this process: its capabilities, not only its uid
                }
                try {
                    long uid = host.info().uid();
                    return uid == 0 ? Optional.empty() : Optional.of(Diagnostic.error(Errno.EPERM,
                            HostException.subject(access.label()), Phase.RESTORE, "the netcr agent on "
                                    + access.label() + " runs as uid " + uid + ", not root, so it may not restore "
                                    + "there: log in as root, or allow `sudo -n netcr agent` there"));
                } catch (HostException e) {
                    return Optional.of(e.diagnostics().get(0));
                }
            }

            @Override
            public PlanSummary plan(Snapshot image, RestoreOptions options) throws HostException {
                return access.host().plan(new RestoreRequest(image, options, false, "netcr workbench --dry-run"));
            }

            @Override
            public RestoreOutcome apply(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) {
                try {
                    return access.host().restore(request, watch, cancellation);
                } catch (HostException e) {
                    return new RestoreOutcome(null, null, e.diagnostics(), false);
                }
            }
        };
    }
}
