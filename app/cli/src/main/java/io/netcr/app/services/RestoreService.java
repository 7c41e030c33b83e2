package io.netcr.app.services;

import io.netcr.bridge.restore.HostView;
import io.netcr.bridge.restore.PlanExecutor;
import io.netcr.bridge.restore.Privileges;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.RestorePlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Restore as the command line and the workbench both do it: read the image, view the host, plan
 * ({@link RestorePlanner}), check privileges, take the lock ({@link RestoreLock}) and execute
 * ({@link PlanExecutor}), all or nothing, journaled beside the lock; a leftover journal of a restore that
 * did not finish refuses a new one until it is recovered ({@link RecoveryService}). Plain Java, no UI.
 */
public final class RestoreService {

    /**
     * How an apply went: the plan it ran (null when none could be made), the result (null when not run), and
     * whether it was cancelled while it waited for the lock (then nothing was done).
     */
    public record Applied(RestorePlan plan, RestoreResult result, List<Diagnostic> problems, boolean cancelled) {

        public Applied(RestorePlan plan, RestoreResult result, List<Diagnostic> problems) {
            this(plan, result, problems, false);
        }

        static Applied cancelledWhileWaiting() {
            return new Applied(null, null, List.of(), true);
        }

        public boolean success() {
            return result != null && result.success();
        }
    }

    private RestoreService() {
    }

    /** The image (a .netcr image or a JSON snapshot), validated; null snapshot with the reasons when refused. */
    public static ReadResult readImage(Path file) {
        return SnapshotSources.open(file, ReadMode.STRICT);
    }

    /** The restorer's devices and the names under /run/netns, read on another thread. */
    public static CompletableFuture<Snapshot> hostView() {
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(HostView.forPlanning());
            } catch (IOException | RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            }
        }, "netcr-host-view");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The dry run: the steps and the preflight's findings; changes nothing. */
    public static RestorePlan plan(Snapshot image, Snapshot host, RestoreOptions options) {
        return RestorePlanner.plan(image, host, options);
    }

    /** EPERM when this process may not restore. */
    public static Optional<Diagnostic> checkPrivileges() {
        return Privileges.checkRestore();
    }

    /** Takes the restore lock (or fails at once with {@link RestoreLock.BusyException}, unless {@code wait}). */
    public static RestoreLock lock(RunDir dir, boolean wait, String holder) throws IOException {
        return RestoreLock.acquire(dir.lockFile(), wait, holder);
    }

    /**
     * With the lock held: the refusal to start while the journal of a restore that did not finish is there
     * (EBUSY naming {@code netcr recover}); empty when there is none.
     */
    public static Optional<Diagnostic> leftoverRefusal(RunDir dir) {
        if (!Journals.present(dir)) {
            return Optional.empty();
        }
        String which;
        try {
            which = RecoveryService.describe(Journals.current(dir).orElseThrow());
        } catch (IOException e) {
            which = "its journal cannot be read: " + e.getMessage();
        }
        return Optional.of(Diagnostic.error(Errno.EBUSY, SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()),
                Phase.RESTORE, "a restore did not finish (" + which + "); run netcr recover to undo what it made, or "
                        + "netcr recover --finish to complete it, before a new restore. Nothing was changed"));
    }

    /** Executes an executable plan, all or nothing, journaled in {@code dir} as {@code holder}. */
    public static RestoreResult execute(RestorePlan plan, RunDir dir, String holder) {
        return execute(plan, dir, holder, RestoreProgress.NONE);
    }

    /** As {@link #execute(RestorePlan, RunDir, String)}, telling {@code progress} of each step on this thread. */
    public static RestoreResult execute(RestorePlan plan, RunDir dir, String holder, RestoreProgress progress) {
        return PlanExecutor.execute(plan, PlanExecutor.Options.defaults().journaledIn(dir, holder), progress);
    }

    /** The EBUSY diagnostic of a restore that found another one running. */
    public static Diagnostic busy(Path lockFile, RestoreLock.BusyException e) {
        return Diagnostic.error(Errno.EBUSY, SubjectPath.of(SubjectPath.FILE, lockFile.toString()), Phase.RESTORE,
                e.getMessage() + ". Nothing was changed");
    }

    /**
     * The whole restore as the workbench does it: privileges, the lock (waiting while another restore holds
     * it, for as long as {@code monitor} does not give up), a fresh view of the host, the plan, and its
     * execution when it has no error, journaled in {@code dir}, reported to {@code monitor}. Never throws for
     * expected failures: they are the {@code problems}.
     */
    public static Applied apply(Snapshot image, RestoreOptions options, RunDir dir, String holder,
                                ApplyMonitor monitor) {
        return apply(image, options, dir, holder, true, null, monitor);
    }

    /**
     * {@link #apply(Snapshot, RestoreOptions, RunDir, String, ApplyMonitor)}, and, as the command line does it:
     * without {@code wait}, a restore that finds another one running fails at once (EBUSY, naming the holder);
     * {@code view}, when given, is a view of the host read while the image was, and is planned against when
     * the lock was free at once (after a wait the host has changed, so it is read again). A leftover journal of
     * a restore that did not finish refuses it (EBUSY naming {@code netcr recover}).
     */
    public static Applied apply(Snapshot image, RestoreOptions options, RunDir dir, String holder, boolean wait,
                                CompletableFuture<Snapshot> view, ApplyMonitor monitor) {
        Optional<Diagnostic> privilege = checkPrivileges();
        if (privilege.isPresent()) {
            return new Applied(null, null, List.of(privilege.get()));
        }
        Path lockFile = dir.lockFile();
        boolean[] waited = {false};
        RestoreLock.Waiting waiting = new RestoreLock.Waiting() {
            @Override
            public void heldBy(String note) {
                waited[0] = true;
                monitor.heldBy(note);
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
        try (RestoreLock lock = RestoreLock.acquire(lockFile, holder, wait ? waiting : null)) {
            if (!monitor.begin()) {
                return Applied.cancelledWhileWaiting();
            }
            Optional<Diagnostic> leftover = leftoverRefusal(dir);
            if (leftover.isPresent()) {
                return new Applied(null, null, List.of(leftover.get()));
            }
            // read after the lock: a restore waited for has changed the host
            Snapshot host = view != null && !waited[0] ? view.join() : HostView.forPlanning();
            RestorePlan plan = plan(image, host, options);
            monitor.planned(plan);
            if (!plan.isExecutable()) {
                return new Applied(plan, null, plan.diagnostics());
            }
            RestoreResult result = execute(plan, dir, holder, monitor);
            return new Applied(plan, result, result.diagnostics());
        } catch (RestoreLock.CancelledException e) {
            return Applied.cancelledWhileWaiting();
        } catch (RestoreLock.BusyException e) {
            return new Applied(null, null, List.of(busy(lockFile, e)));
        } catch (IOException | CompletionException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return new Applied(null, null, List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                    "cannot take the restore lock " + lockFile + " or read this host: " + cause.getMessage()
                            + "; nothing was changed. Restoring needs root (the lock lives in " + dir.dir() + ");"
                            + " check that " + lockFile.getParent() + " is writable, then try again")));
        }
    }
}
