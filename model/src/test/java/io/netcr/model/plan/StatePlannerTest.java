package io.netcr.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which sysctls a restore writes and in what order (the checked facts: every key that differs from a new
 * namespace's, ip_forward before anything it rewrites, a device's disable_ipv6 before its IPv6 mtu, never
 * addr_gen_mode), and where the state's steps go in the plan.
 */
class StatePlannerTest {

    /** A new namespace here, as the host view's probe reads it: IPv4 conf/all and conf/default as the host's. */
    private static final SysctlBaseline BASELINE = new SysctlBaseline(
            Map.of("ipv4/ip_forward", "0", "ipv4/conf/all/forwarding", "0", "ipv4/conf/default/forwarding", "0",
                    "ipv4/conf/all/accept_redirects", "1", "ipv4/conf/all/log_martians", "0", "ipv4/tcp_syncookies", "1",
                    "ipv6/conf/all/addr_gen_mode", "0"),
            Map.of(Device.VETH, Map.of("ipv4/conf/forwarding", "0", "ipv4/conf/rp_filter", "0",
                            "ipv6/conf/disable_ipv6", "0", "ipv6/conf/mtu", "1500", "ipv6/conf/addr_gen_mode", "0"),
                    Device.LOOPBACK, Map.of("ipv4/conf/forwarding", "0", "ipv6/conf/mtu", "65536")));

    /** red of {@link Topologies} as a router: forwarding on but on lo, rp_filter 2 and IPv6 off on veth0. */
    private static Snapshot image() {
        Snapshot image = CheckpointSelector.select(Topologies.host(), List.of("red"), false,
                new CheckpointOptions(true, 4096)).image();
        NamespaceState st = new NamespaceState(List.of(), List.of(),
                Map.of("ipv4/ip_forward", "1", "ipv4/conf/all/forwarding", "1", "ipv4/conf/default/forwarding", "1",
                        "ipv4/conf/all/accept_redirects", "0", "ipv4/conf/all/log_martians", "0",
                        "ipv4/tcp_syncookies", "0", "ipv6/conf/all/addr_gen_mode", "1"),
                Map.of("lo", Map.of("ipv4/conf/forwarding", "0", "ipv6/conf/mtu", "65536"),
                        "veth0", Map.of("ipv4/conf/forwarding", "1", "ipv4/conf/rp_filter", "2",
                                "ipv6/conf/disable_ipv6", "1", "ipv6/conf/mtu", "1500", "ipv6/conf/addr_gen_mode", "1")),
                null);
        List<Namespace> namespaces = new ArrayList<>();
        image.namespaces().forEach(n -> namespaces.add(n.names().contains("red") ? n.withState(st) : n));
        return image.withNamespaces(namespaces);
    }

    private static RestorePlan plan() {
        Snapshot host = Topologies.emptyHost();
        List<Namespace> withBaseline = new ArrayList<>(host.namespaces());
        withBaseline.add(BASELINE.asHostNamespace());
        return RestorePlanner.plan(image(), host.withNamespaces(withBaseline), RestoreOptions.none());
    }

    @Test
    void should_write_what_differs_from_a_new_namespace_and_what_an_earlier_write_rewrites_in_order() {
        RestorePlan plan = plan();
        PlanStep.SetSysctls set = plan.steps().stream().filter(s -> s instanceof PlanStep.SetSysctls)
                .map(s -> (PlanStep.SetSysctls) s).findFirst().orElseThrow();

        assertEquals(List.of(
                "ipv4/ip_forward=1", // rewrites every forwarding and conf/all/accept_redirects: first
                "ipv4/conf/all/forwarding=1",
                "ipv4/conf/all/accept_redirects=0",
                "ipv4/conf/default/forwarding=1",
                "ipv4/tcp_syncookies=0",
                "ipv4/conf/lo/forwarding=0", // as a new namespace's, but ip_forward=1 sets it: written after
                "ipv4/conf/veth0/forwarding=1",
                "ipv6/conf/veth0/disable_ipv6=1",
                "ipv4/conf/veth0/rp_filter=2",
                "ipv6/conf/veth0/mtu=1500"), // IPv6 off and on again resets it to the link's: last
                set.writes().stream().map(w -> w.key() + "=" + w.value()).toList());
    }

    @Test
    void should_never_write_addr_gen_mode_and_say_so_where_a_namespace_key_differs() {
        RestorePlan plan = plan();

        assertTrue(plan.steps().stream().filter(s -> s instanceof PlanStep.SetSysctls)
                .flatMap(s -> ((PlanStep.SetSysctls) s).writes().stream()).noneMatch(w -> w.key().endsWith("addr_gen_mode")));
        List<Diagnostic> said = plan.diagnostics().stream().filter(d -> d.subject().toString().contains("addr_gen_mode"))
                .toList();
        // the device's own mode is not a sysctl write: it comes back over rtnetlink (SetAddrGenMode, SetUp)
        assertEquals(List.of("netns:red/sysctl:net.ipv6.conf.all.addr_gen_mode"),
                said.stream().map(d -> d.subject().toString()).toList());
        assertTrue(said.stream().allMatch(d -> !d.isError() && d.code() == Errno.ENOSYS), said::toString);
    }

    @Test
    void should_set_sysctls_before_addresses_and_links_up() {
        List<PlanStep> steps = plan().steps();
        int sysctls = indexOf(steps, PlanStep.SetSysctls.class);
        assertTrue(sysctls >= 0 && sysctls < indexOf(steps, PlanStep.AddAddress.class)
                && sysctls < indexOf(steps, PlanStep.SetUp.class), steps::toString);
    }

    private static int indexOf(List<PlanStep> steps, Class<?> kind) {
        for (int i = 0; i < steps.size(); i++) {
            if (kind.isInstance(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
