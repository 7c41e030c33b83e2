package io.netcr.app.gui;

import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostInfo;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.plan.PlanSummary;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote host for view-model tests, opened by {@link #opener()} instead of ssh: it answers its snapshot, and
 * accepts being followed: the window's feed is kept in {@link #watch} and the test plays the agent's monitor by
 * calling it. {@link #listener} is the connection's, so the test can end the connection (lost); it counts the
 * subscriptions made and those still open.
 */
final class FollowableRemote implements Host {

    final String label;
    volatile Snapshot snapshot;
    volatile LiveWatch watch;
    volatile Hosts.Listener listener;
    final AtomicInteger subscriptions = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();

    FollowableRemote(String label, Snapshot snapshot) {
        this.label = label;
        this.snapshot = snapshot;
    }

    /** Opens this host, as ssh would open its agent; the connection's listener is kept. */
    HostConnection.Opener opener() {
        return l -> {
            listener = l;
            return this;
        };
    }

    @Override
    public HostInfo info() {
        return new HostInfo(label, label, "6.18-test", 0, "0.1.0", 0, LocalHost.CAPABILITIES);
    }

    @Override
    public ReadResult snapshot(List<String> netns) {
        return new ReadResult(snapshot, List.of());
    }

    @Override
    public AutoCloseable subscribe(List<String> netns, LiveWatch w) {
        subscriptions.incrementAndGet();
        open.incrementAndGet();
        watch = w;
        w.started(snapshot);
        return () -> {
            open.decrementAndGet();
            watch = null;
        };
    }

    @Override
    public CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options)
            throws HostException {
        throw none();
    }

    @Override
    public PlanSummary plan(RestoreRequest request) throws HostException {
        throw none();
    }

    @Override
    public RestoreOutcome restore(RestoreRequest request, RestoreWatch w, Cancellation cancellation)
            throws HostException {
        throw none();
    }

    private HostException none() {
        return HostException.of(Errno.ENOSYS, label, Phase.READ, "this test host only reads and follows");
    }

    @Override
    public void close() {
    }
}
