package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.lifetime.MountTable;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.TeardownRace;
import io.netcr.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19, the library's part: discovery, idle after a first read, keeps no deleted namespace alive. A
 * namespace joined to the host by a veth is deleted; its host half must go no later than 0.5 s after
 * the host half of a control deleted the same way that netcr never held. Meanwhile every other namespace
 * keeps its descriptor and socket, and the next snapshot shows the deleted one gone. Needs root.
 */
class DiscoveryLetsGoKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    private NamespaceRegistry registry;

    @BeforeEach
    void a_registry_of_the_tests_own() {
        registry = NamespaceRegistry.start(Path.of("/proc"));
    }

    @AfterEach
    void close_it() {
        registry.close();
    }

    private static long inodeOfNamed(String ns) throws Exception {
        return (Long) Files.getAttribute(Path.of("/run/netns", ns), "unix:ino");
    }

    /** A veth from the host into the namespace (a name, or a pid); returns its host half. */
    private static String vethFromHost(String namespace, String tag) {
        String host = TOPO.initDevice(tag);
        TOPO.ip("link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        return host;
    }

    private void assertOthersStillHeld(long gone, long other) {
        Map<Long, Integer> held = registry.held();
        assertFalse(held.containsKey(gone), "nothing of the deleted namespace is held: " + held);
        assertTrue(held.getOrDefault(other, 0) >= 2, "the other namespace keeps its descriptor and socket: " + held);
        assertTrue(held.getOrDefault(registry.ownInode(), 0) >= 2, "the own namespace keeps its socket: " + held);
    }

    @Test
    void should_let_a_deleted_named_namespace_die_while_idle_after_a_snapshot() throws Exception {
        String watched = TOPO.namespace();
        String other = TOPO.namespace();
        String watchedHost = vethFromHost(watched, "w");
        long watchedIno = inodeOfNamed(watched);
        long otherIno = inodeOfNamed(other);
        try (LiveDiscovery d = new LiveDiscovery("netcr test", registry)) {
            assertTrue(d.snapshot().namespaceNamed(watched).isPresent());
            assertTrue(registry.held().getOrDefault(watchedIno, 0) >= 2, "descriptor and socket kept: " + registry.held());

            String control = TOPO.namespace(); // made after the read: nothing of netcr holds it
            String controlHost = vethFromHost(control, "c");
            TOPO.ip("netns", "del", control);
            TOPO.ip("netns", "del", watched);
            TeardownRace.assertGoneWithControl(watchedHost, controlHost);

            assertOthersStillHeld(watchedIno, otherIno);
            Snapshot after = d.snapshot();
            assertFalse(after.namespaceNamed(watched).isPresent(), "the next snapshot shows it gone");
            assertTrue(after.namespaceNamed(other).isPresent());
        }
    }

    @Test
    void should_let_a_namespace_die_when_the_last_process_holding_it_exits() throws Exception {
        long pid = TOPO.holder();
        String watchedHost = vethFromHost(Long.toString(pid), "w");
        long watchedIno = MountTable.inodeOf(Path.of("/proc", pid + "/ns/net"));
        String other = TOPO.namespace();
        long otherIno = inodeOfNamed(other);
        try (LiveDiscovery d = new LiveDiscovery("netcr test", registry)) {
            Snapshot first = d.snapshot();
            assertTrue(first.namespaces().stream().anyMatch(n -> n.holders().stream().anyMatch(h -> h.pid() == pid)));
            assertTrue(registry.held().getOrDefault(watchedIno, 0) >= 2, "descriptor and socket kept: " + registry.held());

            long controlPid = TOPO.holder(); // started after the read: nothing of netcr holds it
            String controlHost = vethFromHost(Long.toString(controlPid), "c");
            ProcessHandle.of(controlPid).orElseThrow().destroy();
            ProcessHandle.of(pid).orElseThrow().destroy();
            TeardownRace.assertGoneWithControl(watchedHost, controlHost);

            assertOthersStillHeld(watchedIno, otherIno);
            Snapshot after = d.snapshot();
            assertFalse(after.namespaces().stream().anyMatch(n -> n.id().equals("nsfs:" + watchedIno)),
                    "the next snapshot shows it gone");
            assertTrue(after.namespaceNamed(other).isPresent());
        }
    }
}
