package io.netcr.app.hosts;

import io.netcr.app.services.ApplyMonitor;
import io.netcr.app.services.CheckpointService;
import io.netcr.app.services.HostDiscovery;
import io.netcr.app.services.RecoveryService;
import io.netcr.app.services.RestoreService;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.monitor.LiveMonitor;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.restore.RestoreEvent;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.live.LiveUpdate;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * This machine, in this process: the same services {@code netcr snapshot}, {@code checkpoint} and
 * {@code restore} have always called ({@link CheckpointService}, {@link RestoreService}), behind {@link Host}.
 * The agent serves one of these; the command line uses one for a command without {@code --host}.
 */
public final class LocalHost implements Host {

    /** How messages name this machine. */
    public static final String LABEL = "this host";

    /** What an agent serving this host can do: the requests it answers. */
    public static final List<String> CAPABILITIES = List.of("snapshot", "checkpoint", "restore", "subscribe", "cancel",
            "status", "recover", "bye");

    private final RunDir runDir;
    private CompletableFuture<Snapshot> view;

    /** This host, restoring under the usual lock (/run/netcr/restore.lock). */
    public LocalHost() {
        this(RunDir.current());
    }

    /** This host, restoring with its lock and journal in {@code runDir} (tests use their own). */
    public LocalHost(RunDir runDir) {
        this.runDir = runDir;
    }

    @Override
    public HostInfo info() {
        return ThisProcess.info(LABEL, 0, CAPABILITIES);
    }

    @Override
    public ReadResult snapshot(List<String> netns) {
        try (LiveDiscovery discovery = HostDiscovery.open()) {
            Snapshot s = discovery.snapshot(new LinkedHashSet<>(netns));
            return new ReadResult(s, s.diagnostics());
        } catch (IOException | RuntimeException | LinkageError e) {
            return ReadResult.failed(List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.SNAPSHOT,
                    "this host cannot be read: " + e.getMessage())));
        }
    }

    @Override
    public CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options)
            throws HostException {
        return checkpoint(specs, all, options, new LinkedHashMap<>());
    }

    /** {@link #checkpoint(List, boolean, CheckpointOptions)}, with each phase's milliseconds put in {@code timings}. */
    public CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options,
                                       Map<String, Double> timings) throws HostException {
        try {
            return CheckpointService.checkpoint(specs, all, options, timings);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw HostException.of(Errno.EIO, LABEL, Phase.CHECKPOINT, "cannot read this host: " + e.getMessage()
                    + "; nothing was written");
        }
    }

    @Override
    public void expectRestore() {
        synchronized (this) {
            if (view == null) {
                view = RestoreService.hostView();
            }
        }
    }

    /** The view read ahead by {@link #expectRestore}, once, or a fresh one. */
    private synchronized CompletableFuture<Snapshot> takeView() {
        CompletableFuture<Snapshot> v = view != null ? view : RestoreService.hostView();
        view = null;
        return v;
    }

    @Override
    public PlanSummary plan(RestoreRequest request) throws HostException {
        Snapshot host;
        try {
            host = takeView().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw HostException.of(Errno.EIO, LABEL, Phase.RESTORE, "cannot read this host: " + cause.getMessage()
                    + "; nothing was changed");
        }
        return PlanSummary.of(RestoreService.plan(request.image(), host, request.options()));
    }

    @Override
    public RestoreOutcome restore(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) {
        CompletableFuture<Snapshot> ahead;
        synchronized (this) {
            ahead = view;
            view = null;
        }
        Monitor monitor = new Monitor(watch, cancellation);
        RestoreService.Applied a = RestoreService.apply(request.image(), request.options(), runDir,
                request.holder(), request.waitForLock(), ahead, monitor);
        PlanSummary plan = monitor.summary != null ? monitor.summary : a.plan() == null ? null : PlanSummary.of(a.plan());
        return new RestoreOutcome(plan, a.result(), a.problems(), a.cancelled());
    }

    @Override
    public HostStatus status() {
        String leftover = null;
        String running = null;
        String damaged = null;
        try {
            Optional<JournalContent> c = Journals.current(runDir);
            if (c.isPresent()) {
                String summary = RecoveryService.describe(c.get());
                if (Journals.writerRunning(c.get())) {
                    running = summary;
                } else {
                    leftover = summary;
                }
            }
        } catch (IOException e) {
            damaged = "the restore journal " + runDir.journalFile() + " cannot be read: " + e.getMessage();
        }
        return new HostStatus(leftover, running, damaged, RecoveryService.lastOutcome(runDir).orElse(null));
    }

    @Override
    public RecoveryOutcome recover(boolean finish, boolean dryRun, String holder) {
        return RecoveryOutcome.of(RecoveryService.recover(runDir, finish, dryRun, holder, null, RestoreProgress.NONE));
    }

    @Override
    public AutoCloseable subscribe(List<String> netns, LiveWatch watch) throws HostException {
        LiveMonitor monitor;
        try {
            monitor = HostDiscovery.follow(new LinkedHashSet<>(netns), new LiveMonitor.Listener() {
                @Override
                public void updated(LiveUpdate update, Snapshot after) {
                    watch.updated(update, after);
                }

                @Override
                public void stopped(Exception cause) {
                    watch.ended(HostException.of(Errno.EIO, LABEL, Phase.SNAPSHOT, "following this host stopped: "
                            + cause.getMessage() + "; start following again"));
                }
            });
        } catch (IOException | RuntimeException e) {
            throw HostException.of(e instanceof NativeException n ? n.errno() : Errno.EIO, LABEL, Phase.SNAPSHOT,
                    "cannot follow this host: " + e.getMessage() + (info().isRoot() ? ""
                            : "; following other namespaces than your own needs root"));
        }
        watch.started(monitor.snapshot());
        return monitor;
    }

    @Override
    public void close() {
        // nothing held between calls
    }

    /** The services' monitor of a restore, told to a {@link RestoreWatch}. */
    private static final class Monitor implements ApplyMonitor {
        private final RestoreWatch watch;
        private final Cancellation cancellation;
        private final boolean steps;
        PlanSummary summary;

        Monitor(RestoreWatch watch, Cancellation cancellation) {
            this.watch = watch;
            this.cancellation = cancellation;
            this.steps = watch.wantsSteps();
        }

        @Override
        public void heldBy(String holder) {
            watch.waiting(holder);
        }

        @Override
        public boolean cancelled() {
            return cancellation.isCancelled();
        }

        @Override
        public boolean begin() {
            if (!cancellation.begin()) {
                return false;
            }
            watch.begun();
            return true;
        }

        @Override
        public void planned(RestorePlan plan) {
            if (watch != RestoreWatch.NONE) { // a summary costs a text per step: made only for a listener
                summary = PlanSummary.of(plan);
                watch.planned(summary);
            }
        }

        @Override
        public void on(RestoreEvent event) {
            if (steps) {
                watch.step(StepEvent.of(event));
            }
        }
    }
}
