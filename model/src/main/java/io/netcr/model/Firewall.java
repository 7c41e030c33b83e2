package io.netcr.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A namespace's nftables ruleset (on Debian 12 it holds iptables-nft's rules too), as libnftables lists it in
 * JSON ({@code nft -j list ruleset}): {@code {"nftables": [{"metainfo": ...}, {"table": ...}, {"chain": ...},
 * {"rule": ...}, ...]}}. A restore loads it again in one transaction.
 *
 * @param ruleset the JSON text as libnftables printed it
 * @param skipped true when the checkpoint found that libnftables cannot load it back (an iptables-nft rule
 *                with an xtables extension, say) and recorded it without restoring it (--skip-unsupported)
 */
public record Firewall(String ruleset, boolean skipped) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The object kinds of a ruleset listing, in the order a load makes them (rules last). */
    public static final List<String> OBJECTS = List.of("table", "chain", "set", "map", "flowtable", "counter", "quota",
            "ct helper", "limit", "ct timeout", "ct expectation", "secmark", "synproxy", "element", "rule");

    public Firewall {
        Objects.requireNonNull(ruleset, "ruleset");
    }

    /** The listing's objects ({@code {"table": {...}}} each), metainfo left out; throws for text that is not one. */
    public List<JsonNode> objects() throws IOException {
        JsonNode root = JSON.readTree(ruleset);
        JsonNode list = root == null ? null : root.get("nftables");
        if (list == null || !list.isArray()) {
            throw new IOException("not an nftables listing: no \"nftables\" array");
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : list) {
            if (!o.isObject() || o.size() != 1) {
                throw new IOException("not an nftables listing: an entry is not an object of one kind");
            }
            if (!o.has("metainfo")) {
                out.add(o);
            }
        }
        return out;
    }

    /** How many objects of a kind ("table", "chain", "rule", ...) it holds; -1 when the text cannot be read. */
    public int count(String kind) {
        try {
            return (int) objects().stream().filter(o -> o.has(kind)).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** "2 tables (inet filter, ip nat), 5 chains, 7 rules", or why it cannot be read. */
    public String summary() {
        List<JsonNode> objects;
        try {
            objects = objects();
        } catch (IOException e) {
            return "an unreadable ruleset (" + e.getMessage() + ")";
        }
        List<String> tables = new ArrayList<>();
        int chains = 0;
        int rules = 0;
        int sets = 0;
        for (JsonNode o : objects) {
            if (o.has("table")) {
                tables.add(o.get("table").path("family").asText() + " " + o.get("table").path("name").asText());
            } else if (o.has("chain")) {
                chains++;
            } else if (o.has("rule")) {
                rules++;
            } else if (o.has("set") || o.has("map")) {
                sets++;
            }
        }
        return plural(tables.size(), "table") + (tables.isEmpty() ? "" : " (" + String.join(", ", tables) + ")") + ", "
                + plural(chains, "chain") + ", " + plural(rules, "rule") + (sets > 0 ? ", " + plural(sets, "set") : "")
                + (skipped ? "; not restorable, recorded only" : "");
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
