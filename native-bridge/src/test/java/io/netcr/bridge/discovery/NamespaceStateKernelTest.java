package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.bridge.criu.CriuSysctls;
import io.netcr.bridge.netns.NamespaceThreads;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Sysctls;
import io.netcr.model.checkpoint.NamespaceReading;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a checkpoint reads of a namespace beyond a snapshot ({@link LiveDiscovery#checkpointState}), against the
 * real kernel; `ip -j`, `nft -j`, `find` and `sysctl` are the oracles.
 */
class NamespaceStateKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    /** CRIU's devconfs4 and devconfs6 (criu/net.c): a checkpoint holds at least these, as CRIU does. */
    static final List<String> CRIU_IPV4 = CriuSysctls.DEVCONFS4;
    static final List<String> CRIU_IPV6 = CriuSysctls.DEVCONFS6.stream()
            .filter(k -> !k.equals("stable_secret")).toList(); // unset, it cannot be read (EIO), so it has no value

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_read_rules_routes_of_every_table_neighbours_sysctls_firewall_and_what_cannot_be_restored()
            throws Exception {
        String ns = TOPO.namespace();
        String peer = TOPO.namespace();
        TOPO.ip("-n", ns, "link", "set", "lo", "up");
        TOPO.ip("-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", peer);
        TOPO.ip("-n", ns, "addr", "add", "10.250.41.1/24", "dev", "eth0");
        TOPO.ip("-n", ns, "link", "set", "eth0", "up");
        TOPO.ip("-n", ns, "rule", "add", "from", "10.250.41.0/24", "lookup", "100", "pref", "100");
        TOPO.ip("-n", ns, "rule", "add", "not", "to", "10.250.44.0/24", "iif", "eth0", "fwmark", "0x7/0xff", "ipproto",
                "tcp", "dport", "8000-8080", "lookup", "main", "suppress_prefixlength", "0", "pref", "200");
        TOPO.ip("-n", ns, "-6", "rule", "add", "from", "fd00:250:41::/64", "lookup", "100", "pref", "101");
        TOPO.ip("-n", ns, "route", "add", "10.250.43.0/24", "via", "10.250.41.2", "table", "100", "metric", "7");
        TOPO.ip("-n", ns, "route", "add", "blackhole", "10.250.42.0/24", "table", "100");
        TOPO.ip("-n", ns, "route", "add", "10.250.45.0/24", "via", "10.250.41.2", "mtu", "1400");
        TOPO.ip("-n", ns, "-6", "route", "add", "unreachable", "fd00:250:42::/64", "table", "200");
        TOPO.ip("-n", ns, "neigh", "add", "10.250.41.9", "lladdr", "02:00:00:00:41:09", "dev", "eth0", "nud", "permanent");
        run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv4.conf.eth0.rp_filter=2");
        run("ip", "netns", "exec", ns, "nft", "add table inet f; add chain inet f input { type filter hook input "
                + "priority 0; policy accept; }; add rule inet f input tcp dport 22 counter accept");
        run("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", "eth0", "root", "handle", "1:", "pfifo");
        int nsFd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        List<NamespaceReading> found;
        try (ServerSocket listening = NamespaceThreads.runIn(nsFd,
                () -> new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")))) {
            try (LiveDiscovery d = new LiveDiscovery("test")) {
                Snapshot s = d.snapshot(Set.of(ns));
                found = d.checkpointState(List.of(s.namespaceNamed(ns).orElseThrow()));
            }
        } finally {
            Sys.closeQuietly(nsFd);
        }
        NamespaceReading.Found f = assertInstanceOf(NamespaceReading.Found.class, found.get(0), found::toString);

        assertEquals(TOPO.ipJson(ns, "rule").size() + TOPO.ipJson(ns, "-6", "rule").size(), f.rules().size());
        List<String> added = f.rules().stream().filter(r -> !r.isKernelDefault()).map(PolicyRule::describe).toList();
        assertEquals(List.of("pref 100: from 10.250.41.0/24 lookup 100",
                "pref 200: not from all to 10.250.44.0/24 fwmark 0x7/0xff iif eth0 ipproto tcp dport 8000-8080 lookup main "
                        + "suppress_prefixlength 0",
                "pref 101: from fd00:250:41::/64 lookup 100 (IPv6)"), added);

        List<String> expected = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : TOPO.ipJson(ns, family, "route", "show", "table", "all")) {
                if (!"kernel".equals(r.path("protocol").asText())) {
                    expected.add(r.path("dst").asText() + " " + r.path("table").asText("main"));
                }
            }
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(f.routes().stream().map(r -> oracleWords(r)).toList()),
                "every route but the kernel's, of every table");
        assertTrue(f.routes().stream().anyMatch(r -> r.metrics().equals(Map.of("mtu", "1400"))), f.routes()::toString);
        assertEquals(List.of("10.250.41.9 dev eth0 lladdr 02:00:00:00:41:09 PERMANENT"),
                f.neighbours().stream().map(Neighbour::describe).toList());

        assertEquals("1", f.sysctls().get("ipv4/ip_forward"));
        assertEquals("2", f.deviceSysctls().get("eth0").get("ipv4/conf/rp_filter"));
        Set<String> oracle = new TreeSet<>(List.of(run("ip", "netns", "exec", ns, "find", "/proc/sys/net/ipv4",
                "/proc/sys/net/ipv6", "/proc/sys/net/unix", "-type", "f", "-perm", "-u+rw").strip().split("\n")));
        oracle.removeIf(p -> p.endsWith("/stable_secret")); // unset: reading it is EIO, so it has no value
        Set<String> read = new TreeSet<>();
        f.sysctls().keySet().forEach(k -> read.add("/proc/sys/net/" + k));
        f.deviceSysctls().forEach((dev, keys) -> keys.keySet().forEach(k -> read.add("/proc/sys/net/"
                + Sysctls.deviceKey(k, dev))));
        assertEquals(oracle, read, "every key root may read and write");
        for (String dir : List.of("all", "default")) {
            CRIU_IPV4.forEach(k -> assertTrue(f.sysctls().containsKey("ipv4/conf/" + dir + "/" + k), k));
            CRIU_IPV6.forEach(k -> assertTrue(f.sysctls().containsKey("ipv6/conf/" + dir + "/" + k), k));
        }
        CRIU_IPV4.forEach(k -> assertTrue(f.deviceSysctls().get("lo").containsKey("ipv4/conf/" + k), k));
        CRIU_IPV6.forEach(k -> assertTrue(f.deviceSysctls().get("eth0").containsKey("ipv6/conf/" + k), k));
        assertEquals(run("ip", "netns", "exec", ns, "sysctl", "-n", "net.ipv4.conf.eth0.arp_ignore").strip(),
                f.deviceSysctls().get("eth0").get("ipv4/conf/arp_ignore"));

        assertEquals(JSON.readTree(run("ip", "netns", "exec", ns, "nft", "-j", "list", "ruleset")),
                JSON.readTree(f.firewall()), "the ruleset as nft -j lists it");
        assertNull(f.firewallRefusal(), "libnftables loads it back");
        assertEquals(List.of("pfifo 1: dev eth0 root"), f.unrestorable().qdiscs());
        assertEquals(1, f.unrestorable().sockets().get("tcp"), f.unrestorable().sockets()::toString);
        assertEquals(List.of(), f.gaps());
    }

    @Test
    void should_say_a_namespace_it_does_not_hold_cannot_be_asked() throws Exception {
        try (LiveDiscovery d = new LiveDiscovery("test")) {
            d.snapshot(Set.of());
            NamespaceReading.Unknown u = assertInstanceOf(NamespaceReading.Unknown.class,
                    d.checkpointState(List.of(new io.netcr.model.Namespace("nsfs:1", List.of(), false, List.of()))).get(0));
            assertEquals(Errno.ENOENT, u.code());
        }
    }

    /** A route as the oracle's two words: {@code dst table} ({@code default} for a default route). */
    private static String oracleWords(Route r) {
        return r.destination().replaceAll("/(32|128)$", "") + " " + r.table();
    }

    private static String run(String... cmd) {
        return KernelTopology.run(List.of(cmd), true);
    }
}
