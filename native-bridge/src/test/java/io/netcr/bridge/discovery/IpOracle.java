package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Compares a snapshot's namespace with what `ip -j` says about the same namespace, field by field. */
final class IpOracle {

    private static final List<String> NOT_FLAGS = List.of("family", "local", "address", "prefixlen", "scope", "label",
            "valid_life_time", "preferred_life_time", "broadcast", "dynamic");

    private IpOracle() {
    }

    /** Every device of {@code ns} against `ip -j -d link show` and `ip -j addr show` run in {@code where}. */
    static void assertMatches(KernelTopology topo, String where, Namespace ns) throws IOException {
        JsonNode links = topo.ipJson(where, "-d", "link", "show");
        JsonNode addrs = topo.ipJson(where, "addr", "show");
        assertEquals(links.size(), ns.devices().size(), where + ": device count");
        for (JsonNode l : links) {
            Device d = ns.device(l.get("ifindex").asInt()).orElse(null);
            assertNotNull(d, where + ": no device with ifindex " + l.get("ifindex"));
            assertDevice(where, l, d, ns);
        }
        for (JsonNode a : addrs) {
            Device d = ns.device(a.get("ifindex").asInt()).orElseThrow();
            assertAddresses(where + "/" + d.name(), a.get("addr_info"), d.addresses(), d.name());
        }
    }

    static void assertDevice(String where, JsonNode l, Device d, Namespace ns) {
        String at = where + "/" + d.name() + ": ";
        assertEquals(l.get("ifname").asText(), d.name(), at + "name");
        JsonNode info = l.path("linkinfo");
        List<String> flags = new ArrayList<>();
        l.get("flags").forEach(f -> flags.add(f.asText()));
        String kind = info.path("info_kind").asText(flags.contains("LOOPBACK") ? "loopback" : "");
        assertEquals(kind, d.kind(), at + "kind");
        assertEquals(l.has("address") && !"none".equals(l.path("link_type").asText()) ? l.get("address").asText() : null,
                d.mac(), at + "mac");
        assertEquals(l.get("mtu").asInt(), d.mtu(), at + "mtu");
        assertEquals(flags.contains("UP"), d.up(), at + "up");
        assertEquals(l.get("operstate").asText().toLowerCase(Locale.ROOT), d.operstate(), at + "operstate");
        assertEquals(l.has("master") ? l.get("master").asText() : null, d.master(), at + "master");
        var ref = d.isVeth() ? d.peer() : d.parent();
        if (l.has("link_index")) {
            assertNotNull(ref, at + "peer/parent");
            assertEquals(l.get("link_index").asInt(), ref.ifindex(), at + "link_index");
            assertEquals(l.get("link_netnsid").asText(), d.properties().get("link_netnsid"), at + "link_netnsid");
        } else if (l.has("link") || info.path("info_data").has("link")) {
            String lower = l.has("link") ? l.get("link").asText() : info.get("info_data").get("link").asText();
            assertNotNull(ref, at + "peer/parent");
            assertEquals(lower, ref.name(), at + "link");
            assertEquals(ns.id(), ref.namespace(), at + "link namespace");
        } else {
            assertEquals(null, ref, at + "no link");
        }
    }

    static void assertAddresses(String at, JsonNode ipAddrs, List<Address> ours, String devName) {
        assertEquals(ipAddrs.size(), ours.size(), at + ": address count");
        for (int i = 0; i < ours.size(); i++) {
            JsonNode a = ipAddrs.get(i);
            Address o = ours.get(i);
            String where = at + " address " + i + ": ";
            assertEquals(a.get("family").asText(), o.family(), where + "family");
            assertEquals(IpText.canonical(a.get("local").asText()), o.address(), where + "address");
            assertEquals(a.get("prefixlen").asInt(), o.prefixlen(), where + "prefixlen");
            assertEquals(a.get("scope").asText(), o.scope(), where + "scope");
            String label = a.has("label") ? a.get("label").asText() : null;
            assertEquals(devName.equals(label) ? null : label, o.label(), where + "label");
            TreeSet<String> flags = new TreeSet<>();
            a.fieldNames().forEachRemaining(f -> {
                if (!NOT_FLAGS.contains(f) && a.get(f).isBoolean() && a.get(f).asBoolean()) {
                    flags.add(f);
                }
            });
            if (!a.has("dynamic")) {
                flags.add("permanent");
            }
            assertEquals(new ArrayList<>(flags), o.flags(), where + "flags");
        }
    }

    /** Main-table routes against `ip -j route show table main` (both families). */
    static void assertRoutes(KernelTopology topo, String where, Namespace ns) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : topo.ipJson(where, family, "route", "show", "table", "main")) {
                String dst = r.get("dst").asText();
                if (!dst.equals("default") && !dst.contains("/")) {
                    dst += family.equals("-4") ? "/32" : "/128";
                }
                expected.add(String.join(" ", dst, r.path("gateway").asText("-"), r.path("dev").asText("-"),
                        Integer.toString(r.path("metric").asInt(0)), r.path("protocol").asText("boot"),
                        r.path("scope").asText("global"), r.path("type").asText("unicast"),
                        r.path("prefsrc").asText("-")));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Route r : ns.routes()) {
            actual.add(String.join(" ", r.destination(), r.gateway() == null ? "-" : r.gateway(),
                    r.device() == null ? "-" : r.device(), Integer.toString(r.metric()), r.protocol(), r.scope(),
                    r.type(), r.prefsrc() == null ? "-" : r.prefsrc()));
        }
        assertEquals(expected, actual, where + ": routes");
    }
}
