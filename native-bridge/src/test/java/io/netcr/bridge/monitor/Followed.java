package io.netcr.bridge.monitor;

import static org.junit.jupiter.api.Assertions.fail;

import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.diff.DiffOptions;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A monitor under test: what its listener heard, the snapshot its updates built when applied one after the
 * other to the first one (as a remote follower does), and the check that the followed snapshot equals a
 * fresh one, polled with a deadline (never a fixed sleep).
 */
final class Followed implements LiveMonitor.Listener, AutoCloseable {

    static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    final List<Delta> heard = new CopyOnWriteArrayList<>();
    final List<LiveUpdate> updates = new CopyOnWriteArrayList<>();
    private volatile Snapshot applied;
    final LiveMonitor monitor;

    Followed(LiveMonitor.Options options) throws IOException {
        this.monitor = LiveMonitor.start(options, this);
        this.applied = monitor.snapshot();
    }

    @Override
    public void updated(LiveUpdate update, Snapshot after) {
        heard.addAll(update.deltas());
        updates.add(update);
        applied = update.applyTo(applied);
    }

    /** The snapshot made by applying every update to the first one. */
    Snapshot applied() {
        return applied;
    }

    /** Waits until some delta heard matches. */
    Delta await(String what, Predicate<Delta> p) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < DEADLINE_NANOS) {
            for (Delta d : heard) {
                if (p.test(d)) {
                    return d;
                }
            }
            LockSupport.parkNanos(1_000_000L);
        }
        fail("no delta " + what + " within 30 s; heard: " + heard);
        return null;
    }

    /**
     * Waits until the followed snapshot, and the one the updates built, equal a fresh one over the
     * namespaces {@code mine} selects (the rest of the host may change under other programs), compared
     * with the project's own diff, every field (ifindex, properties) included.
     */
    void assertEqualsFresh(NamespaceRegistry registry, Predicate<Namespace> mine) throws IOException {
        long start = System.nanoTime();
        DiffReport last = null;
        String lastApplied = null;
        try (LiveDiscovery d = new LiveDiscovery("netcr test", registry)) {
            while (System.nanoTime() - start < DEADLINE_NANOS) {
                Snapshot fresh = only(d.snapshot(), mine);
                last = SnapshotDiff.compare(only(monitor.snapshot(), mine), fresh, EXACT);
                DiffReport viaUpdates = SnapshotDiff.compare(only(applied, mine), fresh, EXACT);
                lastApplied = viaUpdates.changes().toString();
                if (last.changes().isEmpty() && viaUpdates.changes().isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
        fail("the followed snapshot differs from a fresh one: " + last.changes() + "; applied updates: " + lastApplied);
    }

    /** Every field, ifindex included. */
    static final DiffOptions EXACT = DiffOptions.EXACT.withIgnoreIfindex(false);

    static Snapshot only(Snapshot s, Predicate<Namespace> mine) {
        List<Namespace> kept = new ArrayList<>();
        for (Namespace n : s.namespaces()) {
            if (mine.test(n)) {
                kept.add(n);
            }
        }
        return s.withNamespaces(kept);
    }

    @Override
    public void close() {
        monitor.close();
    }
}
