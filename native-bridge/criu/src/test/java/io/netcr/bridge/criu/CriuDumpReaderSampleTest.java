package io.netcr.bridge.criu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real CRIU 4.2 dump of a namespace with a loopback and a veth whose peer is outside, compared field
 * by field with {@code ip -j link/addr/route} of the same namespace, saved beside it.
 *
 * <p>Not compared, because CRIU does not record them: qdisc, txqlen, group, broadcast address, min/max
 * MTU, GSO/GRO limits, queue counts, promiscuity, address lifetimes; and the peer's nsid ({@code
 * link_netnsid}) of a peer outside the dump: CRIU keeps only the peer's ifindex. operstate is derived
 * from the flags CRIU keeps, and lo's all-zero MAC is supplied (CRIU skips lo's address).
 */
class CriuDumpReaderSampleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Namespace ns;
    static Snapshot snapshot;

    @BeforeAll
    static void read() {
        ReadResult r = CriuDumpReader.read(CriuSamples.vethExternal(), ReadMode.STRICT);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        snapshot = r.snapshot();
        assertNotNull(snapshot);
        assertEquals(1, snapshot.namespaces().size());
        ns = snapshot.namespaces().get(0);
    }

    @Test
    void should_name_the_source_and_namespace_as_criu() {
        assertEquals(Source.CRIU, snapshot.source().kind());
        assertEquals(CriuSamples.vethExternal().toString(), snapshot.source().path());
        assertEquals("criu:netns-9", ns.id());
        assertFalse(ns.init());
    }

    @Test
    void should_read_every_link_as_ip_link_shows_it() throws IOException {
        JsonNode links = JSON.readTree(CriuSamples.oracle("link").toFile());
        assertEquals(links.size(), ns.devices().size());
        for (JsonNode l : links) {
            String name = l.get("ifname").asText();
            Device d = ns.device(name).orElseThrow(() -> new AssertionError("no device " + name));
            assertEquals(l.get("ifindex").asInt(), d.ifindex(), name);
            assertEquals(l.get("mtu").asInt(), d.mtu(), name);
            assertEquals(l.get("address").asText(), d.mac(), name);
            assertEquals(contains(l.get("flags"), "UP"), d.up(), name);
            assertEquals(l.get("operstate").asText().toLowerCase(Locale.ROOT), d.operstate(), name);
            String kind = l.has("linkinfo") ? l.get("linkinfo").get("info_kind").asText()
                    : "loopback".equals(l.get("link_type").asText()) ? Device.LOOPBACK : "";
            assertEquals(kind, d.kind(), name);
            if (l.has("link_index")) {
                assertNotNull(d.peer(), name);
                assertEquals(l.get("link_index").asInt(), d.peer().ifindex(), name);
                // link_netnsid names a namespace outside the dump; CRIU keeps no id for it
                assertTrue(l.has("link_netnsid"));
                assertEquals(CriuDumpReader.OUTSIDE_ID, d.peer().namespace(), name);
                assertNull(d.peer().name(), name);
            } else {
                assertNull(d.peer(), name);
            }
        }
    }

    @Test
    void should_read_every_address_as_ip_addr_shows_it() throws IOException {
        JsonNode links = JSON.readTree(CriuSamples.oracle("addr").toFile());
        for (JsonNode l : links) {
            String name = l.get("ifname").asText();
            Device d = ns.device(name).orElseThrow();
            JsonNode infos = l.get("addr_info");
            assertEquals(infos.size(), d.addresses().size(), name + " " + d.addresses());
            for (int i = 0; i < infos.size(); i++) {
                JsonNode a = infos.get(i);
                Address x = d.addresses().get(i);
                String what = name + " " + a.get("local").asText();
                assertEquals(a.get("family").asText(), x.family(), what);
                assertEquals(a.get("local").asText(), x.address(), what);
                assertEquals(a.get("prefixlen").asInt(), x.prefixlen(), what);
                assertEquals(a.get("scope").asText(), x.scope(), what);
                String label = a.has("label") && !a.get("label").asText().equals(name) ? a.get("label").asText() : null;
                assertEquals(label, x.label(), what);
                assertEquals(trueFlags(a), withoutPermanent(x.flags()), what);
                // ip -j says "dynamic" for addresses with a lifetime; the rest are permanent
                assertEquals(!a.has("dynamic"), x.flags().contains("permanent"), what);
            }
        }
    }

    @Test
    void should_read_every_main_table_route_as_ip_route_shows_it() throws IOException {
        JsonNode routes = JSON.readTree(CriuSamples.oracle("route").toFile());
        List<Route> inet = ns.routes().stream().filter(r -> r.family().equals("inet")).toList();
        assertEquals(routes.size(), inet.size(), inet::toString);
        for (int i = 0; i < routes.size(); i++) {
            JsonNode j = routes.get(i);
            Route r = inet.get(i);
            assertEquals(j.get("dst").asText(), r.destination());
            assertEquals(text(j, "gateway"), r.gateway());
            assertEquals(text(j, "dev"), r.device());
            assertEquals(j.has("protocol") ? j.get("protocol").asText() : "boot", r.protocol());
            assertEquals(j.has("scope") ? j.get("scope").asText() : "global", r.scope());
            assertEquals(j.has("type") ? j.get("type").asText() : "unicast", r.type());
            assertEquals(text(j, "prefsrc"), r.prefsrc());
            assertEquals(j.has("metric") ? j.get("metric").asInt() : 0, r.metric());
        }
        // IPv6 main-table routes come from route6-9.img (the oracle holds IPv4 only)
        assertTrue(ns.routes().stream().anyMatch(r -> r.family().equals("inet6") && r.destination().equals("fd79::/64")),
                ns.routes()::toString);
    }

    @Test
    void should_keep_what_netcr_does_not_model_as_properties() {
        Map<String, String> p = ns.properties();
        assertTrue(p.containsKey("sysctl.ipv4.conf.all.forwarding"), p.keySet()::toString);
        assertTrue(p.containsKey("sysctl.ipv6.conf.default.disable_ipv6"), p.keySet()::toString);
        assertTrue(p.containsKey("sysctl.ipv4.conf.ck0.rp_filter"), p.keySet()::toString);
        assertEquals("10", p.get("sysctl.unix.max_dgram_qlen"));
        assertTrue(p.get("nftables").startsWith("table ip filter {"), p.get("nftables"));
        assertEquals("713", p.get("nftables.bytes"));
        assertFalse(p.containsKey("iptables"), "an empty iptables image adds nothing");
        assertTrue(p.values().stream().anyMatch(v -> v.contains("lookup main")), p::toString);
        assertEquals("VETH", ns.device("ck0").orElseThrow().properties().get("criu.type"));
    }

    private static boolean contains(JsonNode array, String word) {
        for (JsonNode n : array) {
            if (n.asText().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The flag words ip -j prints as {@code "word": true}. */
    private static TreeSet<String> trueFlags(JsonNode a) {
        TreeSet<String> s = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isBoolean() && e.getValue().asBoolean()) {
                s.add(e.getKey());
            }
        }
        return s;
    }

    private static TreeSet<String> withoutPermanent(List<String> flags) {
        TreeSet<String> s = new TreeSet<>(new ArrayList<>(flags));
        s.remove("permanent");
        return s;
    }

    private static String text(JsonNode j, String field) {
        return j.has(field) ? j.get(field).asText() : null;
    }
}
