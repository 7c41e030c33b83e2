package io.netcr.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {

    private static Snapshot image() {
        return CheckpointSelector.select(Topologies.host(), List.of("red", "blue"), false,
                new CheckpointOptions(true, 4096)).image();
    }

    private static List<String> errors(RestorePlan p) {
        return p.diagnostics().stream().filter(d -> d.isError()).map(d -> d.code() + " " + d.subject()).toList();
    }

    @Test
    void should_plan_namespaces_devices_addresses_states_and_routes_in_that_order() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.emptyHost(), RestoreOptions.none());
        assertEquals(List.of(), errors(plan));
        List<String> steps = plan.steps().stream().map(PlanStep::describe).toList();
        assertEquals(List.of(
                "ip netns add red",
                "ip netns add blue",
                "ip -n red link add veth0 index 2 address 02:00:00:00:02:05 mtu 1500 type veth peer name vethh index 4 address 02:00:00:00:04:05 mtu 1500 netns (restorer)",
                "ip -n red link add veth1 index 3 address 02:00:00:00:03:05 mtu 1500 type veth peer name veth2 index 2 address 02:00:00:00:02:05 mtu 1500 netns blue",
                "ip -n blue link add br0 index 3 address 02:00:00:00:0b:00 mtu 9000 type bridge",
                "ip -n blue link add veth3 index 4 address 02:00:00:00:04:05 mtu 9000 type veth peer name veth4 address 02:00:00:00:02:05 mtu 1500 netns (restorer)",
                "ip -n red link set veth0 addrgenmode none",
                "ip -n blue link set veth3 master br0",
                "ip -n red addr add 10.250.100.1/32 dev lo",
                "ip -n red addr add 10.250.1.2/24 dev veth0",
                "ip -n red -6 addr add fd00:250:1::2/64 dev veth0 nodad",
                "ip addr add 10.250.1.1/24 dev vethh",
                "ip -n red addr add 10.250.2.1/24 dev veth1",
                "ip -n blue addr add 10.250.2.2/24 dev veth2",
                "ip -n red link set lo up",
                "ip -n red link set veth0 up addrgenmode eui64",
                "ip link set vethh up",
                "ip -n red link set veth1 up",
                "ip -n blue link set veth2 up",
                "ip -n blue link set lo up",
                "ip -n blue link set br0 up",
                "ip -n blue link set veth3 up",
                "ip -n red -6 addr replace fd00:250:1::2/64 dev veth0",
                "ip -n red route add default via 10.250.1.1 dev veth0 proto static",
                "ip route add 10.250.9.0/24 via 10.250.1.2 dev vethh proto static"), steps,
                "veth4's old ifindex is eth0's on this host, so the kernel chooses; brh is missing, so no master; veth0 "
                        + "had IPv6 in an image that knows no address generation mode: none at creation, eui64 as it comes up; "
                        + "its address, added with nodad, gets the image's flags (no nodad) once it is up");
        assertTrue(plan.diagnostics().stream().anyMatch(d -> d.subject().toString().equals("netns:red/dev:gv0")),
                "the skipped geneve device is mentioned");
        assertEquals(Map.of("nsfs:10", "red", "nsfs:11", "blue"), plan.namespaceNames());
    }

    @Test
    void should_warn_when_the_host_lacks_the_bridge_an_outside_half_was_on() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.emptyHost(), RestoreOptions.none());
        assertTrue(plan.diagnostics().stream().anyMatch(d -> !d.isError() && d.subject().toString().equals("netns:init/dev:vethh")
                && d.message().contains("brh")), plan.diagnostics().toString());
    }

    @Test
    void should_refuse_names_that_exist_before_any_change_and_say_how_to_fix_it() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.host(), RestoreOptions.none());
        assertFalse(plan.isExecutable());
        assertEquals(List.of("EEXIST netns:red", "EEXIST netns:blue", "EEXIST netns:init/dev:vethh"), errors(plan),
                "veth4 lives in green on the host, so its name is free in this namespace");
        assertTrue(plan.diagnostics().get(0).message().contains("--rename red=NEW or --prefix PFX"));
    }

    @Test
    void should_restore_beside_the_original_with_a_prefix() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.host(), new RestoreOptions(Map.of(), "x-"));
        assertEquals(List.of(), errors(plan));
        assertEquals(Map.of("nsfs:10", "x-red", "nsfs:11", "x-blue"), plan.namespaceNames());
        assertTrue(plan.steps().stream().map(PlanStep::describe).anyMatch(s -> s.contains("peer name x-vethh address")),
                "ifindex 4 is taken on the host, so the kernel chooses");
    }

    @Test
    void should_apply_renames_and_report_renames_that_match_nothing() {
        RestorePlan plan = RestorePlanner.plan(image(), Topologies.host(), new RestoreOptions(
                Map.of("red", "red2", "blue", "blue2", "dev:vethh", "vh2", "dev:veth4", "v4b", "purple", "x"), ""));
        assertEquals(List.of("EINVAL "), errors(plan));
        assertEquals("red2", plan.namespaceNames().get("nsfs:10"));
    }

    @Test
    void should_refuse_hostile_and_too_long_names() {
        Snapshot img = image();
        List<Namespace> ns = new ArrayList<>(img.namespaces());
        Namespace red = ns.get(1);
        ns.set(1, new Namespace(red.id(), List.of("../../etc/x"), red.holders(), false, red.devices(), red.routes(), Map.of()));
        RestorePlan plan = RestorePlanner.plan(img.withNamespaces(ns), Topologies.emptyHost(),
                new RestoreOptions(Map.of(), "a-very-long-"));
        List<String> errors = errors(plan);
        assertTrue(errors.contains("EINVAL netns:..%2F..%2Fetc%2Fx"), errors.toString());
        assertTrue(errors.contains("ENAMETOOLONG netns:init/dev:vethh"), errors.toString());
        assertTrue(plan.steps().stream().noneMatch(s -> s.describe().contains("etc")));
    }

    @Test
    void should_refuse_kinds_it_cannot_create() {
        Snapshot img = image();
        List<Namespace> ns = new ArrayList<>(img.namespaces());
        Namespace red = ns.get(1);
        List<Device> devices = new ArrayList<>(red.devices());
        devices.add(Device.builder(9, "wg0", "wireguard").build());
        ns.set(1, red.withDevices(devices));
        RestorePlan plan = RestorePlanner.plan(img.withNamespaces(ns), Topologies.emptyHost(), RestoreOptions.none());
        assertEquals(List.of("ENOSYS netns:red/dev:wg0"), errors(plan));
    }
}
