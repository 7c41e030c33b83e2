package io.netcr.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Restore plans of the kinds beyond veth and bridge: creation, parents, order, names and their refusals. */
class KindPlannerTest {

    private static final String LAB = "nsfs:20";

    /**
     * An image of namespace "lab" as a checkpoint records it: a veth pair p0/p1, a vlan on a macvlan on p0 (a
     * chain, listed before its parents), a vxlan on p1, a tap, an ifb, the ipip module's tunl0, and a macvlan on
     * the restorer's eth0 (recorded in the init namespace, outside the set).
     */
    static Snapshot image(Device... extra) {
        Device eth0 = Device.builder(2, "eth0", "").mac("52:54:00:00:00:01").up(true).build();
        Namespace init = new Namespace("nsfs:1", List.of(), List.of(), true, List.of(eth0), List.of(), Map.of());
        List<Device> devs = new ArrayList<>(List.of(Topologies.lo(),
                Device.builder(7, "vl0", "vlan").mac("02:00:0a:fa:00:07").mtu(1500).up(true)
                        .parent(new DeviceRef(LAB, 6, "mv0")).config(LinkConfig.of(Map.of("id", "100",
                                "protocol", "802.1Q"), "eui64")).build(),
                Device.builder(2, "p0", "veth").mac("02:00:0a:fa:00:02").up(true).peer(new DeviceRef(LAB, 3, "p1"))
                        .config(LinkConfig.of(Map.of(), "eui64"))
                        .addresses(List.of(new Address("inet6", "fe80::aff:fefa:2", 64, "link", List.of("permanent"),
                                null))).build(),
                Device.builder(3, "p1", "veth").mac("02:00:0a:fa:00:03").up(false).peer(new DeviceRef(LAB, 2, "p0"))
                        .config(LinkConfig.of(Map.of(), "eui64")).build(),
                Device.builder(6, "mv0", "macvlan").mac("02:00:0a:fa:00:06").up(true)
                        .parent(new DeviceRef(LAB, 2, "p0")).config(LinkConfig.of(Map.of("mode", "bridge"), "none"))
                        .build(),
                Device.builder(8, "vx0", "vxlan").mac("02:00:0a:fa:00:08").mtu(1450).up(true)
                        .parent(new DeviceRef(LAB, 3, "p1")).config(LinkConfig.of(Map.of("id", "42",
                                "ttl_inherit", "true"), "eui64")).build(),
                Device.builder(9, "tp0", "tun").mac("02:00:0a:fa:00:09").mtu(1400).up(true)
                        .config(LinkConfig.of(Map.of("type", "tap", "owner", "1000", "persist", "true"), "eui64"))
                        .build(),
                Device.builder(10, "ifb0", "ifb").mac("02:00:0a:fa:00:0a").up(false).build(),
                Device.builder(11, "tunl0", "ipip").mtu(1480).up(true).addresses(List.of(Address.of("10.250.11.1/32")))
                        .build(),
                Device.builder(12, "mo0", "macvlan").mac("02:00:0a:fa:00:0c").up(false)
                        .parent(new DeviceRef("nsfs:1", 2, "eth0")).config(LinkConfig.of(Map.of("mode", "private"), null))
                        .build()));
        devs.addAll(List.of(extra));
        Namespace lab = new Namespace(LAB, List.of("lab"), List.of(), false, devs, List.of(), Map.of());
        return new Snapshot(new Source(Source.IMAGE, "h", null, null, null, null), List.of(init, lab), List.of());
    }

    private static List<String> steps(RestorePlan p) {
        return p.steps().stream().map(PlanStep::describe).toList();
    }

    private static List<String> errors(RestorePlan p) {
        return p.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code() + " " + d.subject() + ": "
                + d.message()).toList();
    }

    @Test
    void should_create_each_kind_after_its_parent_and_configure_the_fallback_device() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.emptyHost(), RestoreOptions.none());
        assertEquals(List.of(), errors(plan));
        List<String> s = steps(plan);
        int p0 = s.indexOf("ip -n lab link add p0 index 2 address 02:00:0a:fa:00:02 mtu 1500 type veth peer name p1 "
                + "index 3 address 02:00:0a:fa:00:03 mtu 1500 netns lab");
        int mv0 = s.indexOf("ip -n lab link add link p0 name mv0 index 6 address 02:00:0a:fa:00:06 mtu 1500 type "
                + "macvlan mode bridge");
        int vl0 = s.indexOf("ip -n lab link add link mv0 name vl0 index 7 address 02:00:0a:fa:00:07 mtu 1500 type vlan "
                + "protocol 802.1Q id 100");
        int vx0 = s.indexOf("ip -n lab link add link p1 name vx0 index 8 address 02:00:0a:fa:00:08 mtu 1450 type vxlan "
                + "id 42 ttl inherit");
        int tun = s.indexOf("ip -n lab tuntap add dev tp0 mode tap user 1000");
        assertTrue(p0 > 0 && p0 < mv0 && mv0 < vl0 && p0 < vx0, "each after its parent: " + s);
        assertEquals("ip -n lab link set tp0 address 02:00:0a:fa:00:09 mtu 1400", s.get(tun + 1),
                "a tun's MAC and MTU right after it is made");
        assertTrue(s.contains("ip link add link eth0 name mo0 index 12 address 02:00:0a:fa:00:0c mtu 1500 netns lab "
                + "type macvlan mode private"), "made from the restorer's namespace, on its eth0, into lab: " + s);
        assertTrue(s.contains("ip -n lab link set tunl0 mtu 1480"), s.toString());
        assertTrue(s.stream().noneMatch(x -> x.contains("add") && x.contains("tunl0 ")), "the fallback device is made "
                + "by its module, never by the restore");
        assertTrue(plan.diagnostics().stream().anyMatch(d -> d.subject().toString().equals("netns:lab/dev:tunl0")
                && d.message().contains("ipip module's own device")));
    }

    @Test
    void should_give_each_device_the_images_link_locals_under_mode_none_and_its_mode_as_it_comes_up() {
        List<String> s = steps(RestorePlanner.plan(image(), Topologies.emptyHost(), RestoreOptions.none()));
        int none = s.indexOf("ip -n lab link set p0 addrgenmode none");
        int linkLocal = s.indexOf("ip -n lab -6 addr add fe80::aff:fefa:2/64 dev p0 scope link nodad");
        int up = s.indexOf("ip -n lab link set p0 up addrgenmode eui64");
        assertTrue(none > 0 && none < linkLocal && linkLocal < up, s.toString());
        assertTrue(s.contains("ip -n lab link set p1 addrgenmode eui64"), "p1 stays down: its own mode at once");
        assertTrue(s.contains("ip -n lab link set mv0 addrgenmode none") && s.contains("ip -n lab link set mv0 up"),
                "mode none: nothing more as it comes up");
        assertFalse(s.stream().anyMatch(x -> x.contains("lo addrgenmode") || x.contains("tunl0 addrgenmode")
                || x.contains("mo0 addrgenmode")), "lo, the fallback and a device without IPv6 keep theirs: " + s);
    }

    @Test
    void should_refuse_a_parent_the_restorer_lacks_and_take_another_by_rename() {
        Snapshot bare = new Snapshot(Topologies.emptyHost().source(), List.of(new Namespace("nsfs:1", List.of(),
                List.of(), true, List.of(Topologies.lo(), Device.builder(3, "eth1", "").up(true).build()), List.of(),
                Map.of())), List.of());
        RestorePlan refused = RestorePlanner.plan(image(), bare, RestoreOptions.none());
        assertEquals(List.of("ENODEV netns:lab/dev:mo0: mo0 (macvlan) sits on eth0, which this namespace does not "
                + "have; restore with --rename dev:eth0=NEW naming the device it should sit on here"), errors(refused));
        RestorePlan renamed = RestorePlanner.plan(image(), bare, new RestoreOptions(Map.of("dev:eth0", "eth1"), "pfx"));
        assertEquals(List.of(), errors(renamed));
        assertTrue(steps(renamed).contains("ip link add link eth1 name mo0 index 12 address 02:00:0a:fa:00:0c mtu 1500 "
                + "netns pfxlab type macvlan mode private"), "the host's own device: no prefix");
    }

    @Test
    void should_refuse_settings_it_cannot_set_and_parents_in_a_loop() {
        Device future = Device.builder(20, "vx9", "vxlan").config(LinkConfig.of(Map.of("id", "1", "hyperdrive",
                "on"), null)).build();
        Device a = Device.builder(21, "la", "vlan").parent(new DeviceRef(LAB, 22, "lb")).build();
        Device b = Device.builder(22, "lb", "vlan").parent(new DeviceRef(LAB, 21, "la")).build();
        Device orphan = Device.builder(23, "mq", "macvlan").build();
        List<String> errors = errors(RestorePlanner.plan(image(future, a, b, orphan), Topologies.emptyHost(),
                RestoreOptions.none()));
        assertTrue(errors.contains("ENOSYS netns:lab/dev:vx9: vx9 has settings this netcr cannot set (hyperdrive; "
                + "written by a newer netcr?); restored without them it would not be the device that was checkpointed"),
                errors.toString());
        assertTrue(errors.contains("EINVAL netns:lab/dev:la: la and its parents sit on one another in a loop; the image "
                + "is damaged"), errors.toString());
        assertTrue(errors.contains("EINVAL netns:lab/dev:mq: the device mq sits on is not recorded, and a macvlan "
                + "cannot be made without it"), errors.toString());
    }

    @Test
    void should_make_a_macvlan_on_an_outside_half_after_the_restore_made_it() {
        Device half = Device.builder(5, "h0", "veth").mac("02:00:0a:fa:00:15").up(true)
                .peer(new DeviceRef(LAB, 30, "in0")).build();
        Device in0 = Device.builder(30, "in0", "veth").up(true).peer(new DeviceRef("nsfs:1", 5, "h0")).build();
        Device onHalf = Device.builder(31, "mh0", "macvlan").up(false).parent(new DeviceRef("nsfs:1", 5, "h0"))
                .config(LinkConfig.of(Map.of("mode", "vepa"), null)).build();
        Snapshot img = image(in0, onHalf);
        Namespace init = img.namespaces().get(0);
        img = img.withNamespaces(List.of(init.withDevices(List.of(init.devices().get(0), half)),
                img.namespaces().get(1)));
        RestorePlan plan = RestorePlanner.plan(img, Topologies.emptyHost(), RestoreOptions.none());
        assertEquals(List.of(), errors(plan));
        List<String> s = steps(plan);
        int veth = s.indexOf(s.stream().filter(x -> x.startsWith("ip -n lab link add in0")).findFirst().orElseThrow());
        int mac = s.indexOf("ip link add link h0 name mh0 index 31 mtu 1500 netns lab type macvlan mode vepa");
        assertTrue(veth > 0 && veth < mac, s.toString());
    }

    @Test
    void should_warn_that_a_tun_a_process_held_comes_back_persistent() {
        Device held = Device.builder(40, "tq0", "tun").config(LinkConfig.of(Map.of("type", "tun", "persist", "false"),
                null)).build();
        RestorePlan plan = RestorePlanner.plan(image(held), Topologies.emptyHost(), RestoreOptions.none());
        assertTrue(plan.isExecutable());
        assertTrue(plan.diagnostics().stream().anyMatch(d -> d.subject().toString().equals("netns:lab/dev:tq0")
                && d.message().contains("restored as a persistent device")), plan.diagnostics().toString());
    }
}
