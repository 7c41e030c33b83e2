package io.netcr.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The host as `ip -j` sees it, restricted to one test's objects (every name holding its tag): the links,
 * addresses and routes (all tables, both families) of this namespace, and the names under /run/netns.
 * Two captures are equal when the host is, for those objects: an independent oracle, no netcr code.
 */
final class HostOracle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostOracle() {
    }

    static String capture(String tag) {
        return capture(tag, null);
    }

    /** As {@link #capture(String)}, with the links, addresses and routes of the named namespace {@code netns}. */
    static String capture(String tag, String netns) {
        List<String> in = netns == null ? List.of() : List.of("-n", netns);
        ObjectNode o = JSON.createObjectNode();
        o.set("links", only(ip(in, "-j", "link", "show"), "ifname", tag));
        o.set("addrs", only(ip(in, "-j", "addr", "show"), "ifname", tag));
        o.set("routes4", only(ip(in, "-j", "-4", "route", "show", "table", "all"), "dev", tag));
        o.set("routes6", only(ip(in, "-j", "-6", "route", "show", "table", "all"), "dev", tag));
        ArrayNode ns = o.putArray("netns");
        run(List.of("ip", "netns", "list")).lines().map(l -> l.split(" ")[0]).filter(n -> n.contains(tag)).sorted()
                .forEach(ns::add);
        return o.toPrettyString();
    }

    private static ArrayNode only(JsonNode all, String field, String tag) {
        ArrayNode kept = JSON.createArrayNode();
        all.forEach(n -> {
            if (n.path(field).asText("").contains(tag)) {
                kept.add(n);
            }
        });
        return kept;
    }

    private static JsonNode ip(List<String> in, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(in);
        cmd.addAll(List.of(args));
        try {
            return JSON.readTree(run(cmd));
        } catch (IOException e) {
            throw new IllegalStateException("ip -j gave no JSON: " + cmd, e);
        }
    }

    static String run(List<String> cmd) {
        return Commands.check(cmd);
    }
}
