package io.netcr.model.validate;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotValidatorTest {

    private static final Source SRC = new Source(Source.JSON, null, null, null, null, null);

    /** red/veth0 (2) <-> blue/veth0 (2); blue has a bridge br0 with port veth0. */
    private static Snapshot good() {
        Device red0 = veth(2, "veth0", new DeviceRef("b", 2, "veth0")).toBuilder()
                .addresses(List.of(Address.of("10.0.0.1/24"), Address.of("fd00::1/64"))).build();
        Device blue0 = veth(2, "veth0", new DeviceRef("r", 2, "veth0")).toBuilder().master("br0").build();
        Device br0 = Device.builder(3, "br0", Device.BRIDGE).mac("02:00:00:00:00:03").build();
        return new Snapshot(SRC, List.of(new Namespace("r", List.of("red"), true, List.of(red0)),
                new Namespace("b", List.of("blue"), false, List.of(blue0, br0))), List.of());
    }

    private static Device veth(int ifindex, String name, DeviceRef peer) {
        return Device.builder(ifindex, name, Device.VETH).mac("02:00:00:00:00:0" + ifindex).peer(peer).build();
    }

    @Test
    void should_check_a_devices_settings_against_its_kind() {
        Device vx = Device.builder(4, "vx0", "vxlan").mac("02:00:00:00:00:04").config(LinkConfig.of(Map.of("id",
                "16777216", "ttl", "5", "warp", "9"), "sometimes")).build();
        Device odd = Device.builder(5, "gv0", "geneve").config(LinkConfig.of(Map.of("id", "1"), null)).build();
        Snapshot s = good().withNamespaces(List.of(good().namespaces().get(0).withDevices(List.of(
                good().namespaces().get(0).devices().get(0), vx, odd)), good().namespaces().get(1)));
        List<String> found = validate(s).stream().map(d -> d.code() + " " + d.subject() + " " + d.message()).toList();
        assertTrue(found.contains("EINVAL netns:red/dev:vx0 address generation mode 'sometimes' is not one of eui64, "
                + "none, stable_secret, random"), found.toString());
        assertTrue(found.contains("EINVAL netns:red/dev:vx0 vxlan setting id is '16777216'; it must be a whole number "
                + "from 0 to 16777215"), found.toString());
        assertTrue(found.contains("ENOSYS netns:red/dev:vx0 settings this netcr does not know for a vxlan: warp; a "
                + "restore cannot set them"), found.toString());
        assertTrue(found.contains("ENOSYS netns:red/dev:gv0 netcr knows no settings of geneve devices (id); a restore "
                + "cannot set them"), found.toString());
    }

    @Test
    void should_accept_a_consistent_snapshot() {
        assertEquals(List.of(), validate(good()));
    }

    @Test
    void should_refuse_namespace_names_that_are_not_one_path_component() {
        for (String bad : new String[] {"../../etc/x", "..", ".", "", "a/b", "a\0b"}) {
            assertFinds(withNsName(bad), Errno.EINVAL, "netns:" + SubjectPath.of("x", bad).toString().substring(2));
        }
        assertFinds(withNsName("n".repeat(256)), Errno.ENAMETOOLONG, null);
        assertEquals(List.of(), validate(withNsName("n".repeat(255))));
    }

    @Test
    void should_apply_the_kernels_device_name_rules() {
        assertEquals(List.of(), validate(renameRedVeth("abcdefghijklmno")), "15 bytes fit IFNAMSIZ");
        assertFinds(renameRedVeth("abcdefghijklmnop"), Errno.ENAMETOOLONG, "netns:red/dev:abcdefghijklmnop");
        assertFinds(renameRedVeth("ééééééééé"), Errno.ENAMETOOLONG, null); // 9 characters, 18 bytes
        for (String bad : new String[] {"a b", "a/b", "a:b", ".", "..", "", "tab\t"}) {
            assertFinds(renameRedVeth(bad), Errno.EINVAL, null);
        }
    }

    @Test
    void should_find_duplicate_ids_names_and_indexes() {
        Snapshot s = good();
        Namespace red = s.namespaces().get(0);
        assertFinds(s.withNamespaces(List.of(red, new Namespace("r", List.of("other"), false, List.of()))),
                Errno.EEXIST, "netns:other");
        Device twin = red.devices().get(0).toBuilder().ifindex(9).peer(null).build();
        assertFinds(replace(s, 0, ns -> ns.withDevices(List.of(red.devices().get(0), twin))), Errno.EEXIST,
                "netns:red/dev:veth0");
        Device sameIndex = Device.builder(2, "dummy0", "dummy").build();
        assertFinds(replace(s, 0, ns -> ns.withDevices(List.of(red.devices().get(0), sameIndex))), Errno.EEXIST,
                "netns:red/dev:dummy0");
    }

    @Test
    void should_allow_at_most_one_init_namespace() {
        Snapshot s = replace(good(), 1, ns -> new Namespace(ns.id(), ns.names(), true, ns.devices()));
        assertFinds(s, Errno.EINVAL, "netns:blue");
    }

    @Test
    void should_check_mac_text_and_ethernet_length() {
        assertFinds(redVeth(d -> d.toBuilder().mac("02:AA:00:00:00:01").build()), Errno.EINVAL, "netns:red/dev:veth0");
        assertFinds(redVeth(d -> d.toBuilder().mac("02:aa:00:00").build()), Errno.EINVAL, "netns:red/dev:veth0");
        assertFinds(redVeth(d -> d.toBuilder().mac("").build()), Errno.EINVAL, "netns:red/dev:veth0");
        String ipoib = String.join(":", java.util.Collections.nCopies(20, "0a"));
        Snapshot withIpoib = replace(good(), 0, ns -> {
            List<Device> devs = new ArrayList<>(ns.devices());
            devs.add(Device.builder(5, "ib0", "ipoib").mac(ipoib).build());
            return ns.withDevices(devs);
        });
        assertEquals(List.of(), validate(withIpoib), "20-byte hardware addresses exist");
    }

    @Test
    void should_require_a_master_in_the_same_namespace() {
        assertFinds(redVeth(d -> d.toBuilder().master("br0").build()), Errno.EINVAL, "netns:red/dev:veth0");
    }

    @Test
    void should_require_peers_to_point_back_across_namespaces() {
        Snapshot s = redVeth(d -> d.toBuilder().peer(new DeviceRef("b", 3, "br0")).build());
        List<Diagnostic> found = validate(s);
        assertTrue(found.stream().anyMatch(d -> d.subject().toString().equals("netns:red/dev:veth0")
                && d.message().contains("does not name this device")), found::toString);
        assertTrue(found.stream().anyMatch(d -> d.subject().toString().equals("netns:blue/dev:veth0")), found::toString);
        assertFinds(redVeth(d -> d.toBuilder().peer(new DeviceRef("b", 42, "gone")).build()), Errno.EINVAL,
                "netns:red/dev:veth0");
        assertFinds(redVeth(d -> d.toBuilder().peer(new DeviceRef("b", 2, "wrongname")).build()), Errno.EINVAL,
                "netns:red/dev:veth0");
    }

    @Test
    void should_take_external_and_unresolved_peers_on_trust() {
        Snapshot s = good();
        Snapshot external = s.withNamespaces(List.of(s.namespaces().get(0))); // blue is not in the snapshot
        assertEquals(List.of(), validate(external));
        assertEquals(List.of(), validate(redVeth(d -> d.toBuilder().peer(new DeviceRef(null, 0, null)).build()))
                .stream().filter(x -> x.subject().toString().startsWith("netns:red")).toList());
    }

    @Test
    void should_check_address_family_prefix_text_flags_and_duplicates() {
        assertFinds(withAddress(new Address("ipx", "1.2.3.4", 8, null, null, null)), Errno.EAFNOSUPPORT,
                "netns:red/dev:veth0/addr:1.2.3.4/8");
        assertFinds(withAddress(new Address("inet", "10.0.0.9", 33, null, null, null)), Errno.EINVAL,
                "netns:red/dev:veth0/addr:10.0.0.9/33");
        assertFinds(withAddress(new Address("inet6", "10.0.0.9", 64, null, null, null)), Errno.EINVAL, null);
        assertFinds(withAddress(new Address("inet6", "FD00:0::2", 64, null, null, null)), Errno.EINVAL, null);
        assertFinds(withAddress(new Address("inet", "10.0.0.9", 24, null, List.of("sticky"), null)), Errno.EINVAL, null);
        assertFinds(withAddress(new Address("inet", "10.0.0.9", 24, "galaxy", null, null)), Errno.EINVAL, null);
        assertFinds(withAddress(Address.of("10.0.0.1/24")), Errno.EEXIST, "netns:red/dev:veth0/addr:10.0.0.1/24");
    }

    @Test
    void should_report_too_many_addresses_as_e2big() {
        Snapshot s = good();
        Limits two = Limits.defaults().withMaxAddressesPerDevice(2);
        assertEquals(List.of(), SnapshotValidator.validate(s, Phase.READ, two));
        Limits one = Limits.defaults().withMaxAddressesPerDevice(1);
        List<Diagnostic> found = SnapshotValidator.validate(s, Phase.RESTORE, one);
        assertEquals(1, found.size(), found::toString);
        assertEquals(Errno.E2BIG, found.get(0).code());
        assertEquals(Phase.RESTORE, found.get(0).phase());
        assertEquals("netns:red/dev:veth0", found.get(0).subject().toString());
    }

    // --- helpers ---

    private static List<Diagnostic> validate(Snapshot s) {
        return SnapshotValidator.validate(s, Phase.READ, Limits.defaults());
    }

    private static void assertFinds(Snapshot s, Errno code, String subject) {
        List<Diagnostic> found = validate(s);
        assertTrue(found.stream().anyMatch(d -> d.code() == code && d.isError()
                && (subject == null || d.subject().toString().equals(subject))),
                () -> "expected " + code + " at " + subject + " in " + found);
    }

    private static Snapshot replace(Snapshot s, int index, UnaryOperator<Namespace> change) {
        List<Namespace> all = new ArrayList<>(s.namespaces());
        all.set(index, change.apply(all.get(index)));
        return s.withNamespaces(all);
    }

    private static Snapshot withNsName(String name) {
        return replace(good(), 0, ns -> new Namespace(ns.id(), List.of(name), ns.holders(), ns.init(), ns.devices(),
                ns.routes(), ns.properties()));
    }

    private static Snapshot redVeth(UnaryOperator<Device> change) {
        return replace(good(), 0, ns -> ns.withDevices(List.of(change.apply(ns.devices().get(0)))));
    }

    /** Renames red's veth0 and the reference blue's veth0 holds to it, so only the name is at fault. */
    private static Snapshot renameRedVeth(String name) {
        Snapshot s = redVeth(d -> d.toBuilder().name(name).build());
        return replace(s, 1, ns -> ns.withDevices(List.of(ns.devices().get(0).toBuilder()
                .peer(new DeviceRef("r", 2, name)).build(), ns.devices().get(1))));
    }

    private static Snapshot withAddress(Address a) {
        return redVeth(d -> {
            List<Address> all = new ArrayList<>(d.addresses());
            all.add(a);
            return d.toBuilder().addresses(all).build();
        });
    }
}
