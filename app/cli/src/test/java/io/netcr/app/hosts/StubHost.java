package io.netcr.app.hosts;

import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.plan.PlanSummary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A host with no kernel behind it, for tests of the protocol and its two ends: fixed answers, and a restore that
 * reports a fixed plan and steps, and can be held at a latch (to drop a connection under it) or made to wait for a
 * lock until it is cancelled. Not a stand-in for the kernel: the kernel tests use {@link LocalHost}.
 */
public final class StubHost implements Host {

    public volatile Snapshot snapshot;
    public volatile CheckpointResult checkpoint;
    public volatile PlanSummary plan = new PlanSummary(List.of(
            new PlanSummary.Step("CreateNamespace", List.of("red"), "ip netns add red"),
            new PlanSummary.Step("SetUp", List.of("red"), "ip -n red link set lo up")), Map.of("nsfs:1", "red"),
            List.of(Diagnostic.warning(Errno.ENOSYS, SubjectPath.of("netns", "red"), Phase.RESTORE, "a warning")));
    /** Who holds the lock: a restore then waits until cancelled (or released), telling its watch. */
    public volatile String lockHolder;
    /** Counted down when a restore has begun; it then waits for {@link #release}. */
    public final CountDownLatch begun = new CountDownLatch(1);
    /** A begun restore waits for this before it ends (set a latch of 1 to hold it). */
    public volatile CountDownLatch release = new CountDownLatch(0);
    public final AtomicInteger restoresBegun = new AtomicInteger();
    public final AtomicInteger restoresEnded = new AtomicInteger();
    public volatile RestoreRequest lastRequest;
    /** What {@link #status} says. */
    public volatile HostStatus status = HostStatus.UNKNOWN;
    /** What {@link #recover} answers; each call is counted, dry or not. */
    public volatile RecoveryOutcome recovery = new RecoveryOutcome(
            io.netcr.app.services.RecoveryService.Kind.NOTHING, null, true, List.of(), List.of());
    public final AtomicInteger recoveries = new AtomicInteger();
    public volatile String lastRecoveryHolder;

    public StubHost(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.checkpoint = new CheckpointResult(snapshot, List.of(Diagnostic.warning(Errno.ENOSYS,
                SubjectPath.of("netns", "red"), Phase.CHECKPOINT, "rules are not saved")));
    }

    @Override
    public HostInfo info() {
        return new HostInfo("stub", "stubhost", "6.18-test", 0, "0.1.0", 0, LocalHost.CAPABILITIES);
    }

    @Override
    public ReadResult snapshot(List<String> netns) {
        return new ReadResult(snapshot, snapshot.diagnostics());
    }

    @Override
    public CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options) {
        return checkpoint;
    }

    @Override
    public PlanSummary plan(RestoreRequest request) {
        lastRequest = request;
        return plan;
    }

    @Override
    public RestoreOutcome restore(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) {
        lastRequest = request;
        if (lockHolder != null) { // a lock that is never given up: only a cancel ends the wait
            watch.waiting(lockHolder);
            CountDownLatch cancelled = new CountDownLatch(1);
            cancellation.onCancel(cancelled::countDown);
            await(cancelled);
        }
        if (!cancellation.begin()) {
            return new RestoreOutcome(null, null, List.of(), true);
        }
        restoresBegun.incrementAndGet();
        watch.begun();
        watch.planned(plan);
        begun.countDown();
        for (int i = 0; i < plan.steps().size(); i++) {
            if (watch.wantsSteps()) {
                watch.step(new StepEvent(false, i + 1, plan.steps().size(), plan.steps().get(i).equivalent()));
            }
        }
        await(release);
        restoresEnded.incrementAndGet();
        return new RestoreOutcome(plan, new RestoreResult(true, List.of(), plan.namespaceNames(), plan.steps().size(),
                12.5, 3.25), List.of(), false);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the stub's restore");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public HostStatus status() {
        return status;
    }

    @Override
    public RecoveryOutcome recover(boolean finish, boolean dryRun, String holder) {
        recoveries.incrementAndGet();
        lastRecoveryHolder = holder;
        return recovery;
    }

    @Override
    public AutoCloseable subscribe(List<String> netns, LiveWatch watch) throws HostException {
        throw HostException.of(Errno.ENOSYS, "stub", Phase.SNAPSHOT, "the stub follows nothing");
    }

    @Override
    public void close() {
    }
}
