package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.model.Errno;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.PolicyRule;
import io.netcr.model.checkpoint.RoutingOutsideMain;
import io.netcr.model.checkpoint.TableRoute;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a checkpoint asks of each namespace beyond its main table, against the real kernel; `ip -j` is the oracle. */
class RoutingOutsideMainKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @Test
    void should_find_rules_and_table_100_routes_of_both_families_and_nothing_in_a_plain_namespace() throws Exception {
        String routed = TOPO.namespace();
        String plain = TOPO.namespace();
        for (String ns : List.of(routed, plain)) {
            TOPO.ip("-n", ns, "link", "set", "lo", "up");
            TOPO.ip("-n", ns, "addr", "add", "10.250.41.1/24", "dev", "lo"); // fills local and main, never counted
            TOPO.ip("-n", ns, "route", "add", "10.250.40.0/24", "dev", "lo");
        }
        TOPO.ip("-n", routed, "rule", "add", "from", "10.250.41.0/24", "lookup", "100", "pref", "100");
        TOPO.ip("-n", routed, "-6", "rule", "add", "from", "fd00:250:41::/64", "lookup", "100", "pref", "101");
        TOPO.ip("-n", routed, "route", "add", "10.250.43.0/24", "dev", "lo", "table", "100");
        TOPO.ip("-n", routed, "route", "add", "blackhole", "10.250.42.0/24", "table", "100");
        TOPO.ip("-n", routed, "-6", "route", "add", "blackhole", "fd00:250:42::/64", "table", "100");

        List<RoutingOutsideMain> found;
        Snapshot s;
        try (LiveDiscovery d = new LiveDiscovery("test")) {
            s = d.snapshot(Set.of(routed, plain));
            found = d.routingOutsideMain(List.of(idOf(s, routed), idOf(s, plain)));
        }

        RoutingOutsideMain.Found r = assertInstanceOf(RoutingOutsideMain.Found.class, found.get(0));
        assertEquals(idOf(s, routed), r.namespaceId());
        assertEquals(oracleCount(routed, "rule", "show"), r.rules().size(), "every rule of both families: " + r.rules());
        List<PolicyRule> added = r.rules().stream().filter(x -> !x.isKernelDefault()).toList();
        assertEquals(List.of(new PolicyRule("inet", 100, "from 10.250.41.0/24", "lookup 100"),
                new PolicyRule("inet6", 101, "from fd00:250:41::/64", "lookup 100")), added);
        assertEquals(3, oracleCount(routed, "route", "show", "table", "100"));
        assertEquals(List.of(new TableRoute("inet", "100", "10.250.42.0/24"), new TableRoute("inet", "100", "10.250.43.0/24"),
                new TableRoute("inet6", "100", "fd00:250:42::/64")), r.routes().stream()
                .sorted(java.util.Comparator.comparing(TableRoute::family).thenComparing(TableRoute::destination)).toList());

        RoutingOutsideMain.Found p = assertInstanceOf(RoutingOutsideMain.Found.class, found.get(1));
        assertEquals(oracleCount(plain, "rule", "show"), p.rules().size());
        assertTrue(p.rules().stream().allMatch(PolicyRule::isKernelDefault), p.rules().toString());
        assertEquals(List.of(), p.routes(), "local and main are never counted");
    }

    @Test
    void should_say_a_namespace_it_does_not_hold_cannot_be_asked() throws Exception {
        try (LiveDiscovery d = new LiveDiscovery("test")) {
            d.snapshot(Set.of());
            RoutingOutsideMain.Unknown u = assertInstanceOf(RoutingOutsideMain.Unknown.class,
                    d.routingOutsideMain(List.of("nsfs:1")).get(0));
            assertEquals(Errno.ENOENT, u.code());
        }
    }

    private static String idOf(Snapshot s, String name) {
        return s.namespaceNamed(name).orElseThrow().id();
    }

    /** How many entries `ip -j` lists for IPv4 and IPv6 together. */
    private static int oracleCount(String ns, String... args) throws Exception {
        JsonNode v4 = TOPO.ipJson(ns, args);
        String[] six = new String[args.length + 1];
        six[0] = "-6";
        System.arraycopy(args, 0, six, 1, args.length);
        JsonNode v6 = TOPO.ipJson(ns, six);
        return v4.size() + v6.size();
    }
}
