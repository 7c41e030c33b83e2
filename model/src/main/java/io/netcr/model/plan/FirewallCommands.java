package io.netcr.model.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Firewall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The libnftables JSON that loads a listed ruleset again ({@code nft -j -f}), one transaction: a flush of the
 * ruleset, then an {@code add} of every object. Handles are left out (the kernel numbers objects anew, and a
 * rule given one would be placed after it); the order makes them come back as they were whenever the
 * ruleset had no gaps (was made in one go, as {@code nft -f} does): tables by handle, then in each table its
 * chains, sets, maps and stateful objects by handle, then its rules chain by chain in listing order (which is
 * their order in the chain, whatever their handles).
 */
public final class FirewallCommands {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FirewallCommands() {
    }

    /** The commands as JSON text; throws IOException naming what in the listing cannot be read. */
    public static String load(Firewall firewall) throws IOException {
        List<JsonNode> objects = firewall.objects();
        List<ObjectNode> tables = new ArrayList<>();
        Map<String, List<ObjectNode>> declared = new LinkedHashMap<>(); // per table: chains, sets, ... by handle
        Map<String, List<ObjectNode>> rules = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            String kind = o.fieldNames().next();
            JsonNode body = o.get(kind);
            if (!body.isObject()) {
                throw new IOException("a " + kind + " of the ruleset is not an object");
            }
            ObjectNode entry = F.objectNode().set(kind, body.deepCopy());
            if (kind.equals("table")) {
                tables.add(entry);
            } else if (kind.equals("rule")) {
                rules.computeIfAbsent(tableKey(body), k -> new ArrayList<>()).add(entry);
            } else {
                declared.computeIfAbsent(tableKey(body), k -> new ArrayList<>()).add(entry);
            }
        }
        Comparator<ObjectNode> byHandle = Comparator.comparingLong(FirewallCommands::handle);
        tables.sort(byHandle);
        ArrayNode commands = F.arrayNode();
        commands.addObject().putObject("flush").putNull("ruleset");
        for (ObjectNode table : tables) {
            commands.add(add(table));
        }
        for (ObjectNode table : tables) {
            String key = tableKey(table.get("table"), "name");
            List<ObjectNode> objs = new ArrayList<>(declared.getOrDefault(key, List.of()));
            objs.sort(byHandle);
            objs.forEach(x -> commands.add(add(x)));
            rules.getOrDefault(key, List.of()).forEach(x -> commands.add(add(x)));
        }
        ObjectNode root = F.objectNode();
        root.set("nftables", commands);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IOException("the commands cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** {"add": {KIND: BODY}} without the handle. */
    private static ObjectNode add(ObjectNode entry) {
        String kind = entry.fieldNames().next();
        ObjectNode body = ((ObjectNode) entry.get(kind)).deepCopy();
        body.remove("handle");
        ObjectNode add = F.objectNode();
        add.putObject("add").set(kind, body);
        return add;
    }

    private static long handle(ObjectNode entry) {
        JsonNode body = entry.elements().next();
        return body.path("handle").asLong(Long.MAX_VALUE);
    }

    /** "family table" of an object that lives in a table (its "table" field names it). */
    private static String tableKey(JsonNode body) {
        return tableKey(body, "table");
    }

    private static String tableKey(JsonNode body, String nameField) {
        return body.path("family").asText() + " " + body.path(nameField).asText();
    }
}
