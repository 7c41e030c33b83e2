package io.netcr.model.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Holder;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    // given: a host (unnamed init namespace, id nsfs:1) wired to namespace "red" by a veth pair
    static Snapshot host(String initId, String redId, int vethIfindex) {
        Device lo = Device.builder(1, "lo", Device.LOOPBACK).mtu(65536).up(true).operstate("unknown")
                .mac("00:00:00:00:00:00").addresses(List.of(Address.of("127.0.0.1/8"))).build();
        Device host = Device.builder(vethIfindex, "veth-red", Device.VETH).mac("02:00:00:00:00:01").up(true)
                .operstate("up").peer(new DeviceRef(redId, 2, "veth0")).build();
        Device lo2 = lo.toBuilder().build();
        Device br = Device.builder(3, "br0", Device.BRIDGE).mac("02:00:00:00:00:03").up(true).operstate("up")
                .addresses(List.of(Address.of("10.250.0.1/24"))).build();
        Device inner = Device.builder(2, "veth0", Device.VETH).mac("02:00:00:00:00:02").up(true).operstate("up")
                .master("br0").peer(new DeviceRef(initId, vethIfindex, "veth-red"))
                .addresses(List.of(new Address("inet6", "fd00:250::1", 64, "global", List.of("nodad"), null),
                        new Address("inet6", "fe80::1", 64, "link", List.of("permanent"), null)))
                .build();
        Route kernel = new Route("inet", "10.250.0.0/24", null, "br0", 0, "kernel", "link", "unicast", "10.250.0.1");
        Route via = new Route("inet", "10.250.9.0/24", "10.250.0.9", "br0", 0, "boot", "global", "unicast", null);
        Namespace init = new Namespace(initId, List.of(), List.of(new Holder(1, "init")), true, List.of(lo, host),
                List.of(), Map.of());
        Namespace red = new Namespace(redId, List.of("red"), List.of(), false, List.of(lo2, inner, br),
                List.of(kernel, via), Map.of("sysctl.ipv4.conf.all.forwarding", "0"));
        return new Snapshot(new Source(Source.JSON, null, null, null, null, null), List.of(init, red), List.of());
    }

    static Snapshot base() {
        return host("nsfs:1", "nsfs:2", 7);
    }

    /** The base with one device of "red" changed. */
    static Snapshot withRedDevice(String name, UnaryOperator<Device.Builder> edit) {
        Snapshot s = base();
        Namespace red = s.namespaceNamed("red").orElseThrow();
        List<Device> devs = new ArrayList<>();
        for (Device d : red.devices()) {
            devs.add(d.name().equals(name) ? edit.apply(d.toBuilder()).build() : d);
        }
        return replace(s, red.withDevices(devs));
    }

    static Snapshot replace(Snapshot s, Namespace ns) {
        List<Namespace> all = new ArrayList<>();
        for (Namespace n : s.namespaces()) {
            all.add(n.id().equals(ns.id()) ? ns : n);
        }
        return s.withNamespaces(all);
    }

    static Change only(DiffReport r) {
        assertEquals(1, r.size(), () -> "expected one change, got " + r.changes());
        return r.changes().get(0);
    }

    @Test
    void should_report_nothing_for_equal_snapshots() {
        DiffReport r = SnapshotDiff.compare(base(), base());
        assertTrue(r.isEmpty(), r.changes()::toString);
        assertEquals("no differences", r.summary());
    }

    @Test
    void should_match_by_name_and_label_not_by_ids_or_ifindexes() {
        // when: the same topology on another host: other namespace ids, another ifindex for the host veth
        DiffReport r = SnapshotDiff.compare(base(), host("nsfs:99", "nsfs:98", 42));
        // then: equal (ifindex is ignored by default, peers compare by label + name)
        assertTrue(r.isEmpty(), r.changes()::toString);
    }

    @Test
    void should_report_ifindex_only_when_asked() {
        DiffReport r = SnapshotDiff.compare(base(), host("nsfs:1", "nsfs:2", 42), DiffOptions.DEFAULT.withIgnoreIfindex(false));
        Change c = only(r);
        assertEquals("netns:init/dev:veth-red", c.subject().toString());
        assertEquals("ifindex", c.field());
        assertEquals("7", c.oldValue());
        assertEquals("42", c.newValue());
    }

    @Test
    void should_report_each_changed_device_field() {
        record Case(String field, UnaryOperator<Device.Builder> edit, String oldV, String newV) {
        }
        List<Case> cases = List.of(
                new Case("mtu", b -> b.mtu(1400), "1500", "1400"),
                new Case("mac", b -> b.mac("02:00:00:00:00:99"), "02:00:00:00:00:02", "02:00:00:00:00:99"),
                new Case("up", b -> b.up(false), "true", "false"),
                new Case("operstate", b -> b.operstate("lowerlayerdown"), "up", "lowerlayerdown"),
                new Case("kind", b -> b.kind("macvlan"), "veth", "macvlan"),
                new Case("master", b -> b.master(null), "br0", null),
                new Case("peer", b -> b.peer(new DeviceRef("nsfs:1", 7, "other")), "init/veth-red", "init/other"),
                new Case("parent", b -> b.parent(new DeviceRef("nsfs:2", 3, "br0")), null, "red/br0"),
                new Case("skipped", b -> b.skipped(true), "false", "true"),
                new Case("property:vxlan.id", b -> b.properties(Map.of("vxlan.id", "5")), null, "5"),
                new Case("config:mode", b -> b.config(io.netcr.model.LinkConfig.of(Map.of("mode", "vepa"), null)), null,
                        "vepa"));
        for (Case k : cases) {
            DiffReport r = SnapshotDiff.compare(base(), withRedDevice("veth0", k.edit()), DiffOptions.EXACT);
            Change c = only(r);
            assertEquals(ChangeKind.CHANGED, c.kind(), k.field());
            assertEquals("netns:red/dev:veth0", c.subject().toString(), k.field());
            assertEquals(k.field(), c.field());
            assertEquals(k.oldV(), c.oldValue(), k.field());
            assertEquals(k.newV(), c.newValue(), k.field());
        }
    }

    @Test
    void should_compare_the_address_generation_mode_only_when_both_sides_know_it() {
        DiffReport known = SnapshotDiff.compare(withRedDevice("veth0", b -> b.config(io.netcr.model.LinkConfig.of(
                Map.of(), "eui64"))), withRedDevice("veth0", b -> b.config(io.netcr.model.LinkConfig.of(Map.of(),
                "none"))), DiffOptions.AFTER_RESTORE);
        assertEquals("addr_gen_mode", only(known).field());
        DiffReport older = SnapshotDiff.compare(base(), withRedDevice("veth0", b -> b.config(
                io.netcr.model.LinkConfig.of(Map.of(), "none"))), DiffOptions.EXACT);
        assertTrue(older.changes().isEmpty(), "an image that knows no mode: nothing to compare");
    }

    @Test
    void should_name_a_peer_outside_the_snapshot_as_outside() {
        Snapshot right = withRedDevice("veth0", b -> b.peer(new DeviceRef("criu:nsid:0", 15, null)));
        Change c = only(SnapshotDiff.compare(base(), right));
        assertEquals("init/veth-red", c.oldValue());
        assertEquals("outside/#15", c.newValue());
    }

    @Test
    void should_report_added_and_removed_devices() {
        Device extra = Device.builder(9, "tap0", "tun").mtu(1500).build();
        Snapshot right = replace(base(), base().namespaceNamed("red").orElseThrow().withDevices(List.of(
                base().namespaceNamed("red").orElseThrow().device("lo").orElseThrow(),
                base().namespaceNamed("red").orElseThrow().device("veth0").orElseThrow(), extra)));
        DiffReport r = SnapshotDiff.compare(base(), right);
        assertEquals(List.of("- netns:red/dev:br0 device: bridge mtu 1500 up 02:00:00:00:00:03 [10.250.0.1/24]",
                "+ netns:red/dev:tap0 device: tun mtu 1500 down"), r.changes().stream().map(Change::toString).toList());
        assertEquals(Optional.of(ChangeKind.REMOVED), r.statusOf(SubjectPath.parse("netns:red/dev:br0")));
        assertEquals(Optional.of(ChangeKind.REMOVED), r.statusOf(SubjectPath.parse("netns:red/dev:br0/addr:10.250.0.1/24")),
                "what a removed device holds is removed with it");
        assertEquals(Optional.of(ChangeKind.ADDED), r.statusOf(SubjectPath.parse("netns:red/dev:tap0")));
        assertEquals(Optional.of(ChangeKind.CHANGED), r.statusOf(SubjectPath.parse("netns:red")));
        assertEquals(Optional.empty(), r.statusOf(SubjectPath.parse("netns:init")));
    }

    @Test
    void should_report_added_removed_and_changed_addresses() {
        Snapshot right = withRedDevice("veth0", b -> b.addresses(List.of(
                new Address("inet6", "fd00:250::1", 64, "global", List.of(), null),
                Address.of("10.250.1.1/24"),
                new Address("inet6", "fe80::1", 64, "link", List.of("permanent"), null))));
        DiffReport r = SnapshotDiff.compare(base(), right);
        assertEquals(List.of(
                "+ netns:red/dev:veth0/addr:10.250.1.1/24 address: inet 10.250.1.1/24 scope global",
                "~ netns:red/dev:veth0/addr:fd00:250::1/64 flags: nodad -> (none)"),
                r.changes().stream().map(Change::toString).toList());
        // when the prefix length differs it is another address
        Snapshot prefix = withRedDevice("br0", b -> b.addresses(List.of(Address.of("10.250.0.1/16"))));
        List<ChangeKind> kinds = SnapshotDiff.compare(base(), prefix).changes().stream().map(Change::kind).toList();
        assertEquals(List.of(ChangeKind.ADDED, ChangeKind.REMOVED), kinds); // sorted by key: /16 before /24
    }

    @Test
    void should_ignore_what_a_restore_does_not_keep_when_asked() {
        Snapshot edited = withRedDevice("veth0", b -> b.operstate("lowerlayerdown").addresses(List.of(
                new Address("inet6", "fd00:250::1", 64, "global", List.of("nodad", "tentative"), null))));
        Namespace red = edited.namespaceNamed("red").orElseThrow();
        Snapshot right = replace(edited, new Namespace(red.id(), red.names(), red.holders(), red.init(), red.devices(),
                List.of(red.routes().get(1)), Map.of()));
        assertEquals(5, SnapshotDiff.compare(base(), right, DiffOptions.EXACT).size(),
                () -> SnapshotDiff.compare(base(), right, DiffOptions.EXACT).changes().toString());
        DiffReport lenient = SnapshotDiff.compare(base(), right, DiffOptions.AFTER_RESTORE);
        assertTrue(lenient.isEmpty(), lenient.changes()::toString);
    }

    @Test
    void should_report_added_removed_and_changed_routes() {
        Namespace red = base().namespaceNamed("red").orElseThrow();
        Route changed = new Route("inet", "10.250.9.0/24", "10.250.0.9", "br0", 0, "static", "global", "unicast", null);
        Route other = new Route("inet", "10.250.9.0/24", "10.250.0.9", "br0", 100, "boot", "global", "unicast", null);
        Snapshot right = replace(base(), red.withRoutes(List.of(red.routes().get(0), changed, other)));
        DiffReport r = SnapshotDiff.compare(base(), right);
        assertEquals(List.of(
                "~ netns:red/route:10.250.9.0/24 protocol: boot -> static",
                "+ netns:red/route:10.250.9.0/24 route: 10.250.9.0/24 via 10.250.0.9 dev br0 metric 100"),
                r.changes().stream().map(Change::toString).toList());
        Snapshot noKernel = replace(base(), red.withRoutes(List.of(red.routes().get(1))));
        assertEquals(ChangeKind.REMOVED, only(SnapshotDiff.compare(base(), noKernel)).kind());
        assertTrue(SnapshotDiff.compare(base(), noKernel, DiffOptions.DEFAULT.withIgnoreKernelRoutes(true)).isEmpty());
    }

    @Test
    void should_report_added_removed_and_changed_namespaces() {
        Snapshot s = base();
        Namespace red = s.namespaceNamed("red").orElseThrow();
        Namespace blue = new Namespace("nsfs:5", List.of("blue"), false, List.of());
        Namespace renamed = new Namespace(red.id(), List.of("red", "red-alias"), red.holders(), false, red.devices(),
                red.routes(), Map.of("sysctl.ipv4.conf.all.forwarding", "1"));
        Snapshot right = s.withNamespaces(List.of(s.namespaces().get(0), renamed, blue));
        DiffReport r = SnapshotDiff.compare(s, right, DiffOptions.EXACT);
        assertEquals(List.of(
                "~ netns:red names: red -> red,red-alias",
                "~ netns:red property:sysctl.ipv4.conf.all.forwarding: 0 -> 1",
                "+ netns:blue netns: blue (0 devices, 0 routes)"),
                r.changes().stream().map(Change::toString).toList());
        // the default leaves properties out: sources record different extras
        assertEquals(2, SnapshotDiff.compare(s, right).size());
        DiffReport gone = SnapshotDiff.compare(right, s);
        assertEquals(ChangeKind.REMOVED, gone.changes().get(gone.size() - 1).kind());
    }

    @Test
    void should_pair_unnamed_namespaces_by_holder_then_by_id() {
        Namespace a = new Namespace("nsfs:10", List.of(), List.of(new Holder(4242, "sleep")), false, List.of(),
                List.of(), Map.of());
        Namespace b = new Namespace("nsfs:20", List.of(), List.of(new Holder(4242, "sleep")), false,
                List.of(Device.builder(1, "lo", Device.LOOPBACK).build()), List.of(), Map.of());
        Source src = new Source(Source.LIVE, null, null, null, null, null);
        DiffReport r = SnapshotDiff.compare(new Snapshot(src, List.of(a), List.of()), new Snapshot(src, List.of(b), List.of()));
        assertEquals("+ netns:pid:4242/dev:lo device: loopback mtu 1500 down", only(r).toString());
    }

    @Test
    void should_be_deterministic_and_print_json() {
        Snapshot right = withRedDevice("veth0", b -> b.mtu(9000).up(false));
        DiffReport r1 = SnapshotDiff.compare(base(), right);
        DiffReport r2 = SnapshotDiff.compare(base(), right);
        assertEquals(r1, r2);
        String json = DiffJson.toJson(r1, "a.json", "b.json");
        assertEquals(json, DiffJson.toJson(r2, "a.json", "b.json"));
        assertTrue(json.contains("\"field\" : \"mtu\""), json);
        assertTrue(json.contains("\"equal\" : false"), json);
        assertFalse(DiffJson.toJson(new DiffReport(List.of()), null, null).contains("\"kind\""));
    }
}
