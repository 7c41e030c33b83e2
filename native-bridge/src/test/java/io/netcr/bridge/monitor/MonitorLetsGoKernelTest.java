package io.netcr.bridge.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.lifetime.MountTable;
import io.netcr.bridge.lifetime.OwnRegistry;
import io.netcr.bridge.lifetime.TeardownRace;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19 for the live monitor: following a namespace keeps no deleted namespace alive. A followed namespace
 * joined to the host by a veth is deleted (its bind mount removed, or its last process killed); its host half
 * must go no later than 0.5 s after the host half of a control deleted the same way that the monitor does not
 * follow. Meanwhile the other followed namespace keeps its descriptor and both sockets, and the monitor says
 * the deleted one is gone. Needs root.
 */
class MonitorLetsGoKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    final OwnRegistry own = new OwnRegistry();


    private static String vethFromHost(String namespace, String tag) {
        String host = TOPO.initDevice(tag);
        TOPO.ip("link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        return host;
    }

    private Followed follow(Set<String> only) throws Exception {
        return new Followed(LiveMonitor.Options.defaults("netcr test").withRegistry(own.get()).withOnly(only));
    }

    private void assertOtherStillHeld(long gone, long other) {
        Map<Long, Integer> held = own.get().held();
        assertFalse(held.containsKey(gone), "nothing of the deleted namespace is held: " + held);
        assertTrue(held.getOrDefault(other, 0) >= 3, "the other keeps its descriptor and two sockets: " + held);
    }

    @Test
    void should_let_a_deleted_named_namespace_die_while_following_it() throws Exception {
        String watched = TOPO.namespace();
        String other = TOPO.namespace();
        String control = TOPO.namespace();
        String watchedHost = vethFromHost(watched, "w");
        String controlHost = vethFromHost(control, "c");
        long watchedIno = (Long) Files.getAttribute(Path.of("/run/netns", watched), "unix:ino");
        long otherIno = (Long) Files.getAttribute(Path.of("/run/netns", other), "unix:ino");
        try (Followed f = follow(Set.of(watched, other))) {
            assertTrue(f.monitor.snapshot().namespaceNamed(watched).isPresent());
            assertFalse(f.monitor.snapshot().namespaceNamed(control).isPresent(), "the control is not followed");
            assertTrue(own.get().held().getOrDefault(watchedIno, 0) >= 3, "followed: " + own.get().held());

            TOPO.ip("netns", "del", control);
            TOPO.ip("netns", "del", watched);
            TeardownRace.assertGoneWithControl(watchedHost, controlHost);

            f.await("the namespace gone", d -> d.kind() == Delta.Kind.NAMESPACE && d.action() == ChangeKind.REMOVED
                    && d.name().equals(watched));
            assertOtherStillHeld(watchedIno, otherIno);
            assertTrue(f.monitor.snapshot().namespaceNamed(other).isPresent());
        }
    }

    @Test
    void should_let_a_namespace_die_when_its_last_process_exits_while_following_it() throws Exception {
        long pid = TOPO.holder();
        long controlPid = TOPO.holder();
        String watchedHost = vethFromHost(Long.toString(pid), "w");
        String controlHost = vethFromHost(Long.toString(controlPid), "c");
        long watchedIno = MountTable.inodeOf(Path.of("/proc", pid + "/ns/net"));
        String other = TOPO.namespace();
        long otherIno = (Long) Files.getAttribute(Path.of("/run/netns", other), "unix:ino");
        try (Followed f = follow(Set.of("nsfs:" + watchedIno, other))) {
            assertTrue(f.monitor.snapshot().namespace("nsfs:" + watchedIno).isPresent());
            assertTrue(own.get().held().getOrDefault(watchedIno, 0) >= 3, "followed: " + own.get().held());

            ProcessHandle.of(controlPid).orElseThrow().destroy();
            ProcessHandle.of(pid).orElseThrow().destroy();
            TeardownRace.assertGoneWithControl(watchedHost, controlHost);

            f.await("the namespace gone", d -> d.kind() == Delta.Kind.NAMESPACE && d.action() == ChangeKind.REMOVED
                    && d.namespace().equals("nsfs:" + watchedIno));
            assertOtherStillHeld(watchedIno, otherIno);
        }
    }
}
