package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Snapshot;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Snapshots taken while another thread adds and deletes veth pairs stay whole and consistent. */
class ConcurrentChangeKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    private static final int SNAPSHOTS = 40;

    @Test
    void should_take_consistent_snapshots_while_devices_come_and_go() throws Exception {
        String c = TOPO.namespace();
        String d = TOPO.namespace();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger changes = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i = (i + 1) % 8) {
                    // one pair across the two namespaces, one inside c, then the first is removed again
                    TOPO.ip("-n", c, "link", "add", "x" + i, "type", "veth", "peer", "name", "y" + i, "netns", d);
                    TOPO.ip("-n", c, "link", "add", "z" + i, "type", "veth", "peer", "name", "w" + i);
                    started.countDown();
                    TOPO.ip("-n", c, "link", "del", "x" + i);
                    TOPO.ip("-n", c, "link", "del", "z" + i);
                    changes.addAndGet(4);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
                started.countDown();
            }
        }, "nct-writer");
        writer.start();
        try (LiveDiscovery discovery = new LiveDiscovery("netcr test")) {
            assertTrue(started.await(60, TimeUnit.SECONDS), "the writer started");
            for (int i = 0; i < SNAPSHOTS; i++) {
                Snapshot s = discovery.snapshot();
                SnapshotInvariants.check(s);
                assertTrue(s.namespaceNamed(c).isPresent() && s.namespaceNamed(d).isPresent());
            }
        } finally {
            stop.set(true);
            writer.join(60_000);
        }
        assertEquals(null, writerFailure.get(), "the writer thread did not fail");
        assertTrue(changes.get() > 0, "devices changed while snapshots were taken");
    }

    /** Regression: a namespace found but deleted before it could be opened made assembly fail (NPE). */
    @Test
    void should_survive_namespaces_that_vanish_while_the_snapshot_is_taken() throws Exception {
        String churn = TOPO.name("c"); // made and removed by the churn thread itself, and removed again below
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                KernelTopology.run(java.util.List.of("ip", "netns", "add", churn), false);
                started.countDown();
                KernelTopology.run(java.util.List.of("ip", "netns", "del", churn), false);
                rounds.incrementAndGet();
            }
        }, "nct-churn");
        writer.start();
        try (LiveDiscovery discovery = new LiveDiscovery("netcr test")) {
            assertTrue(started.await(60, TimeUnit.SECONDS), "the churn started");
            for (int i = 0; i < SNAPSHOTS; i++) {
                SnapshotInvariants.check(discovery.snapshot());
            }
        } finally {
            stop.set(true);
            writer.join(60_000);
            KernelTopology.run(java.util.List.of("ip", "netns", "del", churn), false);
        }
        assertTrue(rounds.get() > 0, "namespaces came and went during the snapshots");
    }
}
