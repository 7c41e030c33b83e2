package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live discovery against the real kernel, with `ip -j` as the oracle. Needs root. */
class LiveDiscoveryKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    /** Names of what {@link #build} made. */
    record Built(String a, String b, long holderPid, String hostEnd) {
    }

    /** Two named namespaces, one held only by a process, and one of every kind of device this kernel has. */
    static Built build(KernelTopology t) throws Exception {
        String a = t.namespace();
        String b = t.namespace();
        long pid = t.holder();
        String host = t.initDevice("h");
        t.ip("link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", a);
        t.ip("-n", a, "link", "add", "vab", "type", "veth", "peer", "name", "vba", "netns", b);
        t.ip("-n", a, "link", "add", "vah", "type", "veth", "peer", "name", "vha", "netns", Long.toString(pid));
        t.ip("-n", a, "link", "add", "p0", "type", "veth", "peer", "name", "p1");
        t.ip("-n", a, "link", "add", "br0", "type", "bridge");
        t.ip("-n", a, "link", "set", "eth0", "master", "br0");
        t.ip("-n", a, "link", "set", "p0", "master", "br0");
        t.ip("-n", a, "tuntap", "add", "mode", "tun", "name", "tun0");
        t.ip("-n", b, "link", "add", "mv0", "link", "vba", "type", "macvlan");
        t.ip("-n", b, "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "dev", "vba");
        t.ip("-n", a, "link", "set", "vab", "mtu", "1400");
        t.ip("-n", b, "link", "set", "vba", "address", "02:00:0a:fa:02:01");
        t.ip("-n", a, "addr", "add", "10.250.1.1/24", "dev", "br0");
        t.ip("-n", a, "addr", "add", "10.250.1.2/24", "dev", "br0", "label", "br0:sec");
        t.ip("-n", b, "addr", "add", "10.250.2.1/24", "dev", "vba");
        t.ip("-n", b, "addr", "add", "fd00:250::2/64", "dev", "vba", "nodad");
        for (String dev : List.of("lo", "br0", "eth0", "p0", "p1", "vab")) {
            t.ip("-n", a, "link", "set", dev, "up");
        }
        t.ip("-n", a, "link", "set", "p1", "down"); // a device that is down, its peer up
        t.ip("-n", b, "link", "set", "lo", "up");
        t.ip("-n", b, "link", "set", "vba", "up");
        t.ip("-n", b, "route", "add", "10.250.99.0/24", "via", "10.250.2.254", "metric", "5");
        t.ip("link", "set", host, "up");
        return new Built(a, b, pid, host);
    }

    @Test
    void should_match_ip_for_every_device_address_and_route() throws Exception {
        Built b = build(TOPO);
        Snapshot s;
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            s = d.snapshot();
        }
        SnapshotInvariants.check(s);
        Namespace a = s.namespaceNamed(b.a()).orElseThrow();
        Namespace nb = s.namespaceNamed(b.b()).orElseThrow();
        Namespace held = s.namespaces().stream().filter(n -> n.holders().stream()
                .anyMatch(h -> h.pid() == b.holderPid())).findFirst().orElseThrow();
        Namespace init = s.initNamespace().orElseThrow();

        IpOracle.assertMatches(TOPO, b.a(), a);
        IpOracle.assertMatches(TOPO, b.b(), nb);
        IpOracle.assertMatches(TOPO, "pid:" + b.holderPid(), held);
        IpOracle.assertDevice("init", TOPO.ipJson(null, "-d", "link", "show", "dev", b.hostEnd()).get(0),
                init.device(b.hostEnd()).orElseThrow(), init);
        IpOracle.assertRoutes(TOPO, b.a(), a);
        IpOracle.assertRoutes(TOPO, b.b(), nb);

        assertEquals(List.of(new Holder((int) b.holderPid(), "sleep")), held.holders());
        assertEquals("nsfs:" + java.nio.file.Files.getAttribute(java.nio.file.Path.of("/run/netns", b.a()), "unix:ino"),
                a.id());
        assertPeers(init, b.hostEnd(), a, "eth0");
        assertPeers(a, "vab", nb, "vba");
        assertPeers(a, "vah", held, "vha");
        assertPeers(a, "p0", a, "p1");
        assertEquals(ref(nb, "vba"), nb.device("mv0").orElseThrow().parent());
        assertEquals(ref(nb, "vba"), nb.device("vx0").orElseThrow().parent());
        assertEquals("42", nb.device("vx0").orElseThrow().config().get("id"), "a vxlan's id is one of its settings");
        assertEquals("br0", a.device("p0").orElseThrow().master());
        assertEquals("tun", a.device("tun0").orElseThrow().kind());
        assertEquals("loopback", a.device("lo").orElseThrow().kind());
    }

    private static DeviceRef ref(Namespace ns, String dev) {
        return new DeviceRef(ns.id(), ns.device(dev).orElseThrow().ifindex(), dev);
    }

    private static void assertPeers(Namespace n1, String d1, Namespace n2, String d2) {
        assertEquals(ref(n2, d2), n1.device(d1).orElseThrow().peer(), n1.label() + "/" + d1);
        assertEquals(ref(n1, d1), n2.device(d2).orElseThrow().peer(), n2.label() + "/" + d2);
    }

    @Test
    void should_read_only_the_namespaces_asked_for_and_name_unknown_ones() throws Exception {
        String a = TOPO.namespace();
        String b = TOPO.namespace();
        TOPO.ip("-n", a, "link", "add", "x0", "type", "veth", "peer", "name", "x1", "netns", b);
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            Snapshot s = d.snapshot(Set.of(a, "nct-no-such-ns"));
            assertEquals(List.of(List.of(a)), s.namespaces().stream().map(Namespace::names).toList());
            DeviceRef peer = s.namespaces().get(0).device("x0").orElseThrow().peer();
            assertEquals("nsfs:" + java.nio.file.Files.getAttribute(java.nio.file.Path.of("/run/netns", b), "unix:ino"),
                    peer.namespace(), "the peer's namespace is identified even when not read");
            assertTrue(s.diagnostics().stream().anyMatch(g -> g.isError() && g.code() == Errno.ENOENT
                    && g.message().contains("nct-no-such-ns")), s.diagnostics().toString());
        }
    }

    @Test
    void should_refresh_through_kept_sockets_and_forget_vanished_namespaces() throws Exception {
        String a = TOPO.namespace();
        String gone = TOPO.namespace();
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            Snapshot first = d.snapshot();
            assertTrue(first.namespaceNamed(gone).isPresent());
            assertEquals(1, first.namespaceNamed(a).orElseThrow().devices().size());

            TOPO.ip("-n", a, "link", "add", "late0", "type", "veth", "peer", "name", "late1");
            TOPO.ip("netns", "del", gone);
            Snapshot second = d.snapshot();

            assertFalse(second.namespaceNamed(gone).isPresent(), "a deleted namespace is gone");
            Namespace na = second.namespaceNamed(a).orElseThrow();
            assertEquals(first.namespaceNamed(a).orElseThrow().id(), na.id());
            assertTrue(na.device("late1").isPresent(), "the refresh sees new devices: " + na.devices());
            SnapshotInvariants.check(second);
        }
        assertTrue(TOPO.ip("netns", "list").lines().noneMatch(l -> l.startsWith(gone)));
    }

    @Test
    void should_name_namespaces_by_every_bind_mount_and_list_each_once() throws Exception {
        String a = TOPO.namespace();
        java.nio.file.Path second = TOPO.bindMount(java.nio.file.Path.of("/run/netns", a));
        java.nio.file.Path elsewhere = TOPO.bindMount(null);
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            Snapshot s = d.snapshot();
            SnapshotInvariants.check(s);
            Namespace na = s.namespaceNamed(a).orElseThrow();
            assertEquals(List.of(second.toString(), a), na.names(), "both names, sorted, one namespace");
            Namespace other = s.namespaceNamed(elsewhere.toString()).orElseThrow();
            assertEquals("nsfs:" + java.nio.file.Files.getAttribute(elsewhere, "unix:ino"), other.id());
            assertEquals("lo", other.devices().get(0).name(), "a namespace mounted only outside /run/netns is read");
        }
    }

    @Test
    void should_find_loopback_without_kind_and_report_it_as_loopback() throws Exception {
        String a = TOPO.namespace();
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            Device lo = d.snapshot(Set.of(a)).namespaces().get(0).devices().get(0);
            assertEquals(Device.builder(1, "lo", "loopback").mac("00:00:00:00:00:00").mtu(65536).up(false)
                    .operstate("down").properties(lo.properties())
                    .config(LinkConfig.of(Map.of(), "eui64")).build(), lo, "no settings; the address generation mode "
                    + "ip -d shows for it, the kernel's default");
        }
    }
}
