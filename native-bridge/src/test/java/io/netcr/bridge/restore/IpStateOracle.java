package io.netcr.bridge.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.bridge.discovery.KernelTopology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What `ip -d -j addr show` says of every device of a namespace (each device's link with its details and its
 * addresses), keyed by name: the independent oracle of the restore kernel tests. Only what counts down by itself
 * is left out: the addresses' remaining lifetimes and a bridge's and its ports' timers (gc_timer,
 * forward_delay_timer, ...).
 */
final class IpStateOracle {

    private IpStateOracle() {
    }

    static Map<String, JsonNode> state(KernelTopology topo, String ns) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode link : topo.ipJson(ns, "-d", "addr", "show")) {
            ObjectNode copy = link.deepCopy();
            for (JsonNode a : copy.path("addr_info")) {
                ((ObjectNode) a).remove(List.of("valid_life_time", "preferred_life_time"));
            }
            for (String part : List.of("info_data", "info_slave_data")) {
                if (copy.path("linkinfo").path(part) instanceof ObjectNode data) {
                    List<String> timers = new ArrayList<>();
                    data.fieldNames().forEachRemaining(f -> {
                        if (f.endsWith("_timer")) {
                            timers.add(f);
                        }
                    });
                    data.remove(timers);
                }
            }
            out.put(link.get("ifname").asText(), copy);
        }
        return out;
    }

    /** The addresses still in duplicate address detection ("tentative"), as DEV ADDRESS. */
    static List<String> tentative(Map<String, JsonNode> state) {
        List<String> out = new ArrayList<>();
        state.forEach((name, link) -> link.path("addr_info").forEach(a -> {
            if (a.path("tentative").asBoolean(false)) {
                out.add(name + " " + a.path("local").asText());
            }
        }));
        return out;
    }

    /** Every device's addresses, by device name. */
    static Map<String, JsonNode> addresses(Map<String, JsonNode> state) {
        Map<String, JsonNode> out = new TreeMap<>();
        state.forEach((name, link) -> out.put(name, link.path("addr_info")));
        return out;
    }

    /** The kinds in a state ("info_kind", or "loopback"). */
    static TreeSet<String> kinds(Map<String, JsonNode> state) {
        TreeSet<String> out = new TreeSet<>();
        state.values().forEach(l -> out.add(l.path("linkinfo").path("info_kind").asText("loopback")));
        return out;
    }

    /** Every device's difference, field by field, so that a failure says all of them at once. */
    static String differences(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            JsonNode b = before.get(n);
            JsonNode a = after.get(n);
            if (b == null || a == null) {
                sb.append(n).append(b == null ? ": only after\n" : ": only before\n");
                continue;
            }
            TreeSet<String> fields = new TreeSet<>();
            b.fieldNames().forEachRemaining(fields::add);
            a.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                if (!b.path(f).equals(a.path(f))) {
                    sb.append(n).append('.').append(f).append(": ").append(b.path(f)).append(" -> ").append(a.path(f))
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }
}
