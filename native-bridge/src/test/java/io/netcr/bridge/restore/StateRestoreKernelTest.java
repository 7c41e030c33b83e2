package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.RestorePlanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of a namespace (every routing table, policy rules, permanent neighbours, sysctls, the nftables
 * ruleset) through checkpoint, delete and restore, against the real kernel; `ip -j`, `sysctl -a` and
 * `nft -j list ruleset` inside the namespaces are the oracles. Also: a failure at any step, and a kernel
 * refusal of a sysctl or of the ruleset, leave nothing of the restore behind.
 */
class StateRestoreKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    static final RestoreSweep SWEEP = new RestoreSweep();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A router namespace between two hosts, A and B. */
    record Routed(String r, String a, String b) {
        List<String> namespaces() {
            return List.of(r, a, b);
        }
    }

    /**
     * R forwards between A (ra–ha) and B (rb–hb): forwarding on (IPv4 and IPv6) but not on lo's IPv4 (written after ip_forward, which sets every device's), other
     * per-device and namespace-wide sysctls, IPv6 off on rb; tables 100 and 200 with every route type and
     * metrics; IPv4 and IPv6 rules with several selectors; permanent neighbours of both families; an nft
     * filter (a set, a policy drop, a counter) and a NAT table.
     */
    Routed build() throws Exception {
        String r = TOPO.namespace();
        String a = TOPO.namespace();
        String b = TOPO.namespace();
        TOPO.ip("-n", r, "link", "add", "ra", "mtu", "1400", "type", "veth", "peer", "name", "ha", "mtu", "1400",
                "netns", a);
        TOPO.ip("-n", r, "link", "add", "rb", "type", "veth", "peer", "name", "hb", "netns", b);
        sysctl(r, "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1", "net.ipv4.conf.lo.forwarding=0",
                "net.ipv4.conf.ra.rp_filter=2", "net.ipv4.conf.all.log_martians=1",
                "net.ipv4.conf.default.accept_source_route=1", "net.ipv6.conf.ra.mtu=1300",
                "net.ipv4.neigh.rb.gc_stale_time=120", "net.ipv6.conf.rb.disable_ipv6=1", "net.ipv4.tcp_syncookies=0",
                "net.ipv4.ip_local_port_range=20000 40000");
        TOPO.ip("-n", r, "addr", "add", "10.250.61.1/24", "dev", "ra");
        TOPO.ip("-n", r, "addr", "add", "fd00:250:61::1/64", "dev", "ra", "nodad");
        TOPO.ip("-n", r, "addr", "add", "10.250.62.1/24", "dev", "rb");
        TOPO.ip("-n", a, "addr", "add", "10.250.61.2/24", "dev", "ha");
        TOPO.ip("-n", b, "addr", "add", "10.250.62.2/24", "dev", "hb");
        for (String[] up : new String[][] {{r, "lo"}, {r, "ra"}, {r, "rb"}, {a, "lo"}, {a, "ha"}, {b, "lo"}, {b, "hb"}}) {
            TOPO.ip("-n", up[0], "link", "set", up[1], "up");
        }
        TOPO.ip("-n", a, "route", "add", "default", "via", "10.250.61.1");
        TOPO.ip("-n", b, "route", "add", "default", "via", "10.250.62.1");
        TOPO.ip("-n", r, "route", "add", "10.250.70.0/24", "via", "10.250.62.2", "table", "100", "metric", "5");
        TOPO.ip("-n", r, "route", "add", "blackhole", "10.250.71.0/24", "table", "100");
        TOPO.ip("-n", r, "route", "add", "prohibit", "10.250.72.0/24", "table", "200");
        TOPO.ip("-n", r, "route", "add", "local", "10.250.74.0/24", "dev", "lo", "table", "100");
        TOPO.ip("-n", r, "route", "add", "10.250.75.0/24", "via", "10.250.61.2", "mtu", "1300", "advmss", "1260");
        TOPO.ip("-n", r, "-6", "route", "add", "unreachable", "fd00:250:73::/64", "table", "200");
        TOPO.ip("-n", r, "-6", "route", "add", "fd00:250:76::/64", "via", "fd00:250:61::2", "table", "100", "metric", "9");
        TOPO.ip("-n", r, "rule", "add", "from", "10.250.61.0/24", "lookup", "100", "pref", "100");
        TOPO.ip("-n", r, "rule", "add", "fwmark", "0x7/0xff", "iif", "ra", "lookup", "200", "pref", "200");
        TOPO.ip("-n", r, "rule", "add", "not", "to", "10.250.44.0/24", "ipproto", "tcp", "dport", "8000-8080",
                "lookup", "main", "suppress_prefixlength", "0", "pref", "300");
        TOPO.ip("-n", r, "rule", "add", "to", "10.250.72.0/24", "prohibit", "pref", "400");
        TOPO.ip("-n", r, "-6", "rule", "add", "from", "fd00:250:61::/64", "lookup", "200", "pref", "101");
        TOPO.ip("-n", r, "neigh", "add", "10.250.61.9", "lladdr", "02:00:00:00:61:09", "dev", "ra", "nud", "permanent");
        TOPO.ip("-n", r, "-6", "neigh", "add", "fd00:250:61::9", "lladdr", "02:00:00:00:61:0a", "dev", "ra", "nud",
                "permanent");
        Path rules = dir.resolve("router.nft");
        Files.writeString(rules, String.join("\n",
                "table inet filter {",
                "  set allowed { type ipv4_addr; elements = { 10.250.61.2, 10.250.62.2 } }",
                "  chain input { type filter hook input priority 0; policy drop;",
                "    ct state established,related accept",
                "    iif lo accept",
                "    ip saddr @allowed tcp dport 22 counter accept",
                "    meta l4proto icmp accept",
                "  }",
                "  chain forward { type filter hook forward priority 0; policy accept;",
                "    iifname \"ra\" oifname \"rb\" accept",
                "  }",
                "}",
                "table ip nat {",
                "  chain prerouting { type nat hook prerouting priority -100;",
                "    tcp dport 8080 dnat to 10.250.62.2:80",
                "  }",
                "  chain postrouting { type nat hook postrouting priority 100;",
                "    oifname \"rb\" masquerade",
                "  }",
                "}", ""), StandardCharsets.UTF_8);
        KernelTopology.run(List.of("ip", "netns", "exec", r, "nft", "-f", rules.toString()), true);
        return new Routed(r, a, b);
    }

    @Test
    void should_restore_tables_rules_neighbours_sysctls_and_firewall_as_the_oracles_saw_them() throws Exception {
        Routed t = build();
        Map<String, Map<String, JsonNode>> before = new LinkedHashMap<>();
        for (String ns : t.namespaces()) {
            before.put(ns, oracle(ns));
        }
        assertTrue(pingsThroughRouter(t), "A reaches B through the router before the checkpoint");
        Snapshot image = RestoreKernelTest.checkpoint(t.namespaces(), dir.resolve("router.netcr"));
        for (String ns : t.namespaces()) {
            TOPO.ip("netns", "del", ns);
        }
        RestorePlan plan = RestorePlanner.plan(image, HostView.forPlanning(), RestoreOptions.none());
        assertTrue(plan.isExecutable(), () -> "plan: " + plan.diagnostics());

        RestoreResult result = PlanExecutor.execute(plan, PlanExecutor.Options.defaults());

        assertTrue(result.success(), () -> "restore: " + result.diagnostics());
        for (String ns : t.namespaces()) {
            Map<String, JsonNode> after = oracle(ns);
            for (Map.Entry<String, JsonNode> e : before.get(ns).entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), ns + ": " + e.getKey() + " after the restore");
            }
        }
        assertTrue(pingsThroughRouter(t), "A reaches B through the restored router (forwarding, NAT)");
    }

    private static boolean pingsThroughRouter(Routed t) {
        return KernelTopology.run(List.of("ip", "netns", "exec", t.a(), "ping", "-c1", "-W2", "10.250.62.2"), false)
                .contains("1 received");
    }

    @Test
    void should_leave_nothing_when_any_step_fails() throws Exception {
        Routed t = build();
        Snapshot image = RestoreKernelTest.checkpoint(t.namespaces(), dir.resolve("router.netcr"));
        RestorePlan plan = RestoreKernelTest.prefixedPlan(image, SWEEP.prefix());
        List<Class<?>> kinds = plan.steps().stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertTrue(kinds.containsAll(List.of(PlanStep.SetSysctls.class, PlanStep.LoadFirewall.class,
                PlanStep.AddRule.class, PlanStep.AddNeighbour.class)), () -> "the plan restores the state: " + kinds);

        for (int k = 1; k <= plan.steps().size(); k++) {
            RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults().failingBefore(k));

            assertFalse(r.success(), "step " + k);
            int step = k;
            assertEquals(1, r.diagnostics().size(), () -> "undo problems at step " + step + ": " + r.diagnostics());
            assertNothingLeft("a failure at step " + k);
        }
    }

    @Test
    void should_roll_back_everything_when_the_kernel_refuses_a_sysctl() throws Exception {
        Routed t = build();
        Snapshot image = RestoreKernelTest.checkpoint(t.namespaces(), dir.resolve("router.netcr"));
        Snapshot bad = withRouterState(image, t.r(), st -> {
            Map<String, String> sysctls = new TreeMap<>(st.sysctls());
            sysctls.put("ipv4/ip_forward", "many"); // the kernel reads an integer: EINVAL
            return st.withSysctls(sysctls, st.deviceSysctls());
        });

        Diagnostic d = refused(bad);

        assertEquals(Errno.EINVAL, d.code(), d.toString());
        assertEquals("netns:" + SWEEP.prefix() + t.r() + "/sysctl:net.ipv4.ip_forward", d.subject().toString());
        assertTrue(d.message().contains("net.ipv4.ip_forward=many"), d.message());
        assertNothingLeft("a refused sysctl");
    }

    @Test
    void should_roll_back_everything_when_the_kernel_refuses_the_firewall() throws Exception {
        Routed t = build();
        Snapshot image = RestoreKernelTest.checkpoint(t.namespaces(), dir.resolve("router.netcr"));
        Snapshot bad = withRouterState(image, t.r(), st -> {
            try {
                ArrayNode objects = JSON.createArrayNode();
                st.firewall().objects().forEach(objects::add);
                // a rule that jumps to a chain the ruleset does not have: the kernel refuses the transaction
                objects.addObject().putObject("rule").put("family", "inet").put("table", "filter")
                        .put("chain", "forward").putArray("expr").addObject().putObject("jump")
                        .put("target", "missing");
                return st.withFirewall(new Firewall(JSON.createObjectNode().set("nftables", objects).toString(), false));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        Diagnostic d = refused(bad);

        assertEquals("netns:" + SWEEP.prefix() + t.r() + "/firewall:nftables", d.subject().toString());
        assertEquals(Errno.EINVAL, d.code(), d.toString());
        assertTrue(d.message().contains("libnftables refused the ruleset"), d.message());
        assertNothingLeft("a refused ruleset");
    }

    /** Restores {@code image} under the sweep's prefix; it must fail, undo everything, and say why once. */
    private Diagnostic refused(Snapshot image) throws Exception {
        RestorePlan plan = RestoreKernelTest.prefixedPlan(image, SWEEP.prefix());
        RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults());
        assertFalse(r.success());
        assertEquals(1, r.diagnostics().size(), () -> "undo problems: " + r.diagnostics());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Phase.RESTORE, d.phase());
        assertTrue(d.message().contains("everything the restore had done was undone"), d.message());
        return d;
    }

    private void assertNothingLeft(String after) throws Exception {
        List<String> left = HostView.namedNamespaces(Path.of("/run/netns")).stream()
                .filter(n -> n.startsWith(SWEEP.prefix())).toList();
        assertEquals(List.of(), left, "namespaces of the restore left after " + after);
    }

    private static Snapshot withRouterState(Snapshot image, String router,
                                            UnaryOperator<io.netcr.model.NamespaceState> change) {
        List<Namespace> changed = new ArrayList<>();
        for (Namespace n : image.namespaces()) {
            changed.add(n.names().contains(router) ? n.withState(change.apply(n.state())) : n);
        }
        return image.withNamespaces(changed);
    }

    /**
     * What the oracles say of a namespace: `ip -j` routes of every table and rules (IPv4, IPv6), permanent
     * neighbours, `sysctl -a` under net.ipv4 and net.ipv6, `nft -j list ruleset`. IPv6 link-local addresses and
     * their routes are left out: the kernel makes them from the MAC, in its own time (issue 15 §3).
     */
    private static Map<String, JsonNode> oracle(String ns) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put("ip -4 route show table all", TOPO.ipJson(ns, "-4", "route", "show", "table", "all"));
        out.put("ip -6 route show table all", withoutLinkLocal(TOPO.ipJson(ns, "-6", "route", "show", "table", "all")));
        out.put("ip -4 rule", TOPO.ipJson(ns, "-4", "rule"));
        out.put("ip -6 rule", TOPO.ipJson(ns, "-6", "rule"));
        out.put("ip neigh show nud permanent", TOPO.ipJson(ns, "neigh", "show", "nud", "permanent"));
        ArrayNode sysctls = JSON.createArrayNode();
        Arrays.stream(KernelTopology.run(List.of("ip", "netns", "exec", ns, "sh", "-c", "sysctl -a 2>/dev/null"), true)
                .split("\n")).filter(l -> l.startsWith("net.ipv4.") || l.startsWith("net.ipv6.")).sorted()
                .forEach(sysctls::add);
        out.put("sysctl -a", sysctls);
        out.put("nft -j list ruleset", JSON.readTree(KernelTopology.run(List.of("ip", "netns", "exec", ns, "nft", "-j",
                "list", "ruleset"), true)));
        return out;
    }

    private static JsonNode withoutLinkLocal(JsonNode routes) {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode r : routes) {
            if (!r.path("dst").asText().startsWith("fe80")) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static void sysctl(String ns, String... settings) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "sysctl", "-qw"));
        cmd.addAll(List.of(settings));
        KernelTopology.run(cmd, true);
    }
}
