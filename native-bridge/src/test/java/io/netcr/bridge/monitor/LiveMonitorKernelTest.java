package io.netcr.bridge.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.lifetime.OwnRegistry;
import io.netcr.model.Namespace;
import io.netcr.model.PolicyRule;
import io.netcr.model.checkpoint.NamespaceReading;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live monitor against the real kernel: each multicast group it follows (link, address v4/v6, route
 * v4/v6, rule v4/v6, nsid through peers), namespaces added and removed (named, and held only by a process),
 * and after each test the followed snapshot (and the one its updates build) equals a fresh snapshot. Needs root.
 */
class LiveMonitorKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    final OwnRegistry own = new OwnRegistry();
    private final Set<String> mine = new HashSet<>();
    private final Set<Long> myPids = new HashSet<>();


    private String namespace() {
        String ns = TOPO.namespace();
        mine.add(ns);
        return ns;
    }

    private Predicate<Namespace> isMine() {
        return n -> n.names().stream().anyMatch(mine::contains)
                || n.holders().stream().anyMatch(h -> myPids.contains((long) h.pid()));
    }

    private Followed follow() throws Exception {
        return new Followed(LiveMonitor.Options.defaults("netcr test").withRegistry(own.get()));
    }

    private static Predicate<Delta> is(Delta.Kind kind, ChangeKind action, String netns, String name) {
        return d -> d.kind() == kind && d.action() == action && d.netns().equals(netns) && d.name().startsWith(name);
    }

    @Test
    void should_follow_links_addresses_routes_and_rules_of_both_families() throws Exception {
        String a = namespace();
        String b = namespace();
        TOPO.ip("-n", a, "link", "add", "va", "type", "veth", "peer", "name", "vb", "netns", b);
        try (Followed f = follow()) {
            TOPO.ip("-n", a, "link", "set", "va", "mtu", "1400");
            Delta mtu = f.await("va mtu", is(Delta.Kind.DEVICE, ChangeKind.CHANGED, a, "va"));
            assertTrue(mtu.changes().contains(new Delta.Field("mtu", "1500", "1400")), mtu.toString());
            TOPO.ip("-n", a, "link", "set", "va", "up");
            TOPO.ip("-n", b, "link", "set", "vb", "up");
            TOPO.ip("-n", a, "addr", "add", "10.250.7.1/24", "dev", "va");
            f.await("inet address", is(Delta.Kind.ADDRESS, ChangeKind.ADDED, a, "10.250.7.1/24"));
            TOPO.ip("-n", a, "addr", "add", "fd00:250::7:1/64", "dev", "va", "nodad");
            f.await("inet6 address", is(Delta.Kind.ADDRESS, ChangeKind.ADDED, a, "fd00:250::7:1/64"));
            TOPO.ip("-n", a, "route", "add", "10.250.8.0/24", "via", "10.250.7.2");
            f.await("inet route", is(Delta.Kind.ROUTE, ChangeKind.ADDED, a, "10.250.8.0/24 via 10.250.7.2"));
            TOPO.ip("-n", a, "-6", "route", "add", "fd00:250:8::/64", "via", "fd00:250::7:2");
            f.await("inet6 route", is(Delta.Kind.ROUTE, ChangeKind.ADDED, a, "fd00:250:8::/64 via fd00:250::7:2"));
            TOPO.ip("-n", a, "rule", "add", "from", "10.250.9.0/24", "lookup", "100", "pref", "1000");
            f.await("inet rule", is(Delta.Kind.RULE, ChangeKind.ADDED, a, "inet 1000: from 10.250.9.0/24"));
            TOPO.ip("-n", a, "-6", "rule", "add", "from", "fd00:250:9::/64", "lookup", "100", "pref", "1001");
            f.await("inet6 rule", is(Delta.Kind.RULE, ChangeKind.ADDED, a, "inet6 1001: from fd00:250:9::/64"));
            TOPO.ip("-n", a, "link", "add", "vc", "type", "veth", "peer", "name", "vd", "netns", b);
            f.await("a new veth pair", is(Delta.Kind.DEVICE, ChangeKind.ADDED, b, "vd"));
            f.assertEqualsFresh(own.get(), isMine());
            assertRulesFresh(f, a);

            TOPO.ip("-n", a, "rule", "del", "pref", "1000");
            f.await("inet rule removed", is(Delta.Kind.RULE, ChangeKind.REMOVED, a, "inet 1000"));
            TOPO.ip("-n", a, "addr", "del", "10.250.7.1/24", "dev", "va");
            f.await("inet address removed", is(Delta.Kind.ADDRESS, ChangeKind.REMOVED, a, "10.250.7.1/24"));
            TOPO.ip("-n", b, "link", "set", "vb", "name", "vbx");
            f.await("the peer's rename", d -> d.kind() == Delta.Kind.DEVICE && d.netns().equals(a) && d.name().equals("va")
                    && d.changes().stream().anyMatch(x -> x.field().equals("peer") && x.newValue().endsWith("/vbx")));
            TOPO.ip("-n", a, "link", "set", "va", "down"); // IPv4 routes through it go without a notification
            TOPO.ip("-n", a, "link", "del", "vc");
            f.await("a veth removed", is(Delta.Kind.DEVICE, ChangeKind.REMOVED, b, "vd"));
            f.assertEqualsFresh(own.get(), isMine());
            assertRulesFresh(f, a);
        }
    }

    /** The rules the monitor followed equal the ones a fresh read gives. */
    private void assertRulesFresh(Followed f, String ns) throws Exception {
        try (LiveDiscovery d = new LiveDiscovery("netcr test", own.get())) {
            Namespace n = d.snapshot().namespaceNamed(ns).orElseThrow();
            String id = n.id();
            NamespaceReading r = d.checkpointState(List.of(n)).get(0);
            List<PolicyRule> fresh = ((NamespaceReading.Found) r).rules();
            assertEquals(new HashSet<>(fresh), new HashSet<>(f.monitor.rules().get(id)));
        }
    }

    @Test
    void should_follow_namespaces_added_and_removed_named_or_held_by_a_process() throws Exception {
        try (Followed f = follow()) {
            String c = namespace();
            f.await("a named namespace", is(Delta.Kind.NAMESPACE, ChangeKind.ADDED, c, c));
            TOPO.ip("-n", c, "link", "set", "lo", "up");
            f.await("its lo up", is(Delta.Kind.DEVICE, ChangeKind.CHANGED, c, "lo"));

            long pid = TOPO.holder();
            myPids.add(pid);
            f.await("a namespace held by a process", is(Delta.Kind.NAMESPACE, ChangeKind.ADDED, "pid:" + pid, "pid:" + pid));
            TOPO.ip("link", "add", "eth9", "netns", Long.toString(pid), "type", "veth", "peer", "name", "eth8",
                    "netns", c);
            f.await("its veth", is(Delta.Kind.DEVICE, ChangeKind.ADDED, "pid:" + pid, "eth9"));
            f.assertEqualsFresh(own.get(), isMine());

            TOPO.ip("netns", "del", c);
            f.await("the named namespace gone", is(Delta.Kind.NAMESPACE, ChangeKind.REMOVED, c, c));
            ProcessHandle.of(pid).orElseThrow().destroy();
            f.await("the process's namespace gone", is(Delta.Kind.NAMESPACE, ChangeKind.REMOVED, "pid:" + pid, "pid:" + pid));
            f.assertEqualsFresh(own.get(), isMine());
        }
    }

    @Test
    void should_read_a_namespace_again_after_its_socket_overflowed() throws Exception {
        String a = namespace();
        TOPO.ip("-n", a, "link", "add", "va", "type", "veth", "peer", "name", "vb");
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            batch.append("addr add 10.250.").append(100 + i / 250).append('.').append(1 + i % 250)
                    .append("/32 dev va\n");
        }
        Path file = Files.createTempFile("nct-burst", ".ip");
        try (Followed f = new Followed(LiveMonitor.Options.defaults("netcr test").withRegistry(own.get())
                .withReceiveBuffer(4096))) {
            Files.writeString(file, batch);
            // 3000 adds, each answered before the next, then a flush (its deletes sent many to a sendmsg): a
            // reader on an idle machine may keep up with a round, so rounds repeat until one overflows. Every
            // round must end equal to a fresh snapshot, overflowed or not.
            int rounds = 0;
            while (f.monitor.resyncs() == 0 && rounds < 10) {
                rounds++;
                TOPO.ip("-n", a, "-batch", file.toString());
                f.assertEqualsFresh(own.get(), isMine());
                assertEquals(3000, f.monitor.snapshot().namespaceNamed(a).orElseThrow().device("va").orElseThrow()
                        .addresses().size());
                TOPO.ip("-n", a, "addr", "flush", "dev", "va");
                f.assertEqualsFresh(own.get(), isMine());
            }
            assertTrue(f.monitor.resyncs() > 0, "3000 address changes a round overflowed a 4 KiB socket buffer within "
                    + rounds + " rounds");
            TOPO.ip("-n", a, "link", "del", "va");
            f.assertEqualsFresh(own.get(), isMine());
            assertTrue(f.monitor.snapshot().namespaceNamed(a).orElseThrow().device("va").isEmpty());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
