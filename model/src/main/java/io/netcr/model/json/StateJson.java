package io.netcr.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.Address;
import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.PolicyRuleFields;
import io.netcr.model.Route;
import io.netcr.model.SubjectPath;
import io.netcr.model.Sysctls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's {@code state} and a route's fields beyond the main table's (docs/json.md), written and read
 * for the snapshot JSON. A secret sysctl ({@code stable_secret}, {@code tcp_fastopen_key}) is written with the
 * value null and never its value: JSON is for people and scripts, and a JSON made from an image does not
 * restore those keys. The firewall's ruleset is embedded as the JSON object libnftables listed.
 */
final class StateJson {

    static final String STATE = "state";
    static final String RULES = "rules";
    static final String NEIGHBOURS = "neighbours";
    static final String SYSCTLS = "sysctls";
    static final String DEVICE_SYSCTLS = "device_sysctls";
    static final String FIREWALL = "firewall";
    static final String FIREWALL_FORMAT = "nftables-json";

    /**
     * Only reading a firewall needs a mapper: made on first use, so that writing a snapshot's JSON (every
     * {@code netcr snapshot --json}) does not load Jackson's databind, a few hundred classes.
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private StateJson() {
    }

    // ---- writing

    static void writeRouteExtras(Route r, JsonGenerator g) throws IOException {
        if (!r.isMain()) {
            g.writeStringField("table", r.table());
        }
        if (r.tos() != 0) {
            g.writeNumberField("tos", r.tos());
        }
        if (!r.flags().isEmpty()) {
            g.writeArrayFieldStart(JsonFields.FLAGS);
            for (String f : r.flags()) {
                g.writeString(f);
            }
            g.writeEndArray();
        }
        if (r.pref() != null) {
            g.writeStringField("pref", r.pref());
        }
        if (!r.metrics().isEmpty()) {
            g.writeObjectFieldStart("metrics");
            for (Map.Entry<String, String> e : r.metrics().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }

    static void write(NamespaceState st, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(STATE);
        g.writeArrayFieldStart(RULES);
        for (PolicyRule r : st.rules()) {
            g.writeStartObject();
            g.writeStringField(JsonFields.FAMILY, r.family());
            g.writeNumberField("priority", r.priority());
            g.writeStringField("action", r.action().kind());
            for (Map.Entry<String, String> e : PolicyRuleFields.fields(r).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart(NEIGHBOURS);
        for (Neighbour n : st.neighbours()) {
            g.writeStartObject();
            g.writeStringField(JsonFields.FAMILY, n.family());
            g.writeStringField(JsonFields.ADDRESS, n.address());
            g.writeStringField(JsonFields.DEV, n.device());
            g.writeStringField("lladdr", n.lladdr());
            strings(g, "states", n.states());
            strings(g, JsonFields.FLAGS, n.flags());
            g.writeEndObject();
        }
        g.writeEndArray();
        sysctls(g, SYSCTLS, st.sysctls());
        g.writeObjectFieldStart(DEVICE_SYSCTLS);
        for (Map.Entry<String, Map<String, String>> d : st.deviceSysctls().entrySet()) {
            sysctls(g, d.getKey(), d.getValue());
        }
        g.writeEndObject();
        if (st.firewall() != null) {
            g.writeObjectFieldStart(FIREWALL);
            g.writeStringField("format", FIREWALL_FORMAT);
            g.writeBooleanField(JsonFields.SKIPPED, st.firewall().skipped());
            g.writeFieldName("ruleset");
            g.writeRawValue(st.firewall().ruleset());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void sysctls(JsonGenerator g, String field, Map<String, String> keys) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            g.writeStringField(e.getKey(), Sysctls.isSecret(e.getKey()) ? null : e.getValue());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    // ---- reading

    /** The route with the extras of its JSON object (none: the main table, as in every older file). */
    static Route readRouteExtras(Route r, JsonNode o, SubjectPath where, JsonFieldReader f) {
        Map<String, String> metrics = new LinkedHashMap<>();
        JsonNode m = f.object(o, "metrics", where);
        if (m != null) {
            m.fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asText()));
        }
        return new Route(r.family(), r.destination(), r.gateway(), r.device(), r.metric(), r.protocol(), r.scope(),
                r.type(), r.prefsrc(), f.text(o, "table", where, false, Route.MAIN), f.integer(o, "tos", where, false, 0),
                f.texts(o, JsonFields.FLAGS, where), f.text(o, "pref", where, false, null), metrics);
    }

    /** The namespace's state, or null when the object has none (not recorded). */
    static NamespaceState read(JsonNode ns, SubjectPath where, JsonFieldReader f) {
        JsonNode o = f.object(ns, STATE, where);
        if (o == null) {
            return null;
        }
        List<PolicyRule> rules = new ArrayList<>();
        for (JsonNode r : f.array(o, RULES, where)) {
            PolicyRule rule = rule(r, where, f);
            if (rule != null) {
                rules.add(rule);
            }
        }
        List<Neighbour> neighbours = new ArrayList<>();
        for (JsonNode n : f.array(o, NEIGHBOURS, where)) {
            if (!n.isObject()) {
                f.error(Errno.EINVAL, where, "a neighbour is a JSON object, found " + JsonFieldReader.shortText(n));
                continue;
            }
            String address = f.text(n, JsonFields.ADDRESS, where, true, null);
            String dev = f.text(n, JsonFields.DEV, where, true, null);
            if (address != null && dev != null) {
                neighbours.add(new Neighbour(f.text(n, JsonFields.FAMILY, where, false,
                        address.indexOf(':') >= 0 ? Address.INET6 : Address.INET), address, dev,
                        f.text(n, "lladdr", where, false, null), f.texts(n, "states", where),
                        f.texts(n, JsonFields.FLAGS, where)));
            }
        }
        Map<String, String> sysctls = sysctls(f.object(o, SYSCTLS, where), where, f);
        Map<String, Map<String, String>> devices = new LinkedHashMap<>();
        JsonNode d = f.object(o, DEVICE_SYSCTLS, where);
        if (d != null) {
            d.fields().forEachRemaining(e -> devices.put(e.getKey(), sysctls(e.getValue().isObject() ? e.getValue()
                    : null, where.child(SubjectPath.DEV, e.getKey()), f)));
        }
        return new NamespaceState(rules, neighbours, sysctls, devices, firewall(f.object(o, FIREWALL, where), where, f));
    }

    private static PolicyRule rule(JsonNode r, SubjectPath where, JsonFieldReader f) {
        if (!r.isObject()) {
            f.error(Errno.EINVAL, where, "a rule is a JSON object, found " + JsonFieldReader.shortText(r));
            return null;
        }
        JsonNode p = r.get("priority");
        if (p == null || !p.isIntegralNumber() || p.asLong() < 0 || p.asLong() > PolicyRule.MAX_PRIORITY) {
            f.error(Errno.EINVAL, where, "a rule's field 'priority' must be a whole number from 0 to "
                    + PolicyRule.MAX_PRIORITY + ", found " + (p == null ? "none" : JsonFieldReader.shortText(p)));
            return null;
        }
        SubjectPath at = where.child("rule", Long.toString(p.asLong()));
        String action = f.text(r, "action", at, true, null);
        if (action == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        r.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(JsonFields.FAMILY) && !e.getKey().equals("priority") && !e.getKey().equals("action")) {
                fields.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
            }
        });
        String family = f.text(r, JsonFields.FAMILY, at, false, Address.INET);
        try {
            return PolicyRuleFields.rule(family, p.asLong(), action, fields);
        } catch (IllegalArgumentException e) {
            f.error(Errno.EINVAL, at, "rule: " + e.getMessage());
            return null;
        }
    }

    /** Keys and their text values; a null value (a secret left out of the file) leaves the key out. */
    private static Map<String, String> sysctls(JsonNode o, SubjectPath where, JsonFieldReader f) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        o.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            } else if (!e.getValue().isNull()) {
                f.error(Errno.EINVAL, where, "sysctl '" + e.getKey() + "' must be a string, found "
                        + JsonFieldReader.shortText(e.getValue()));
            }
        });
        return out;
    }

    private static Firewall firewall(JsonNode o, SubjectPath where, JsonFieldReader f) {
        if (o == null) {
            return null;
        }
        String format = f.text(o, "format", where, false, FIREWALL_FORMAT);
        if (!FIREWALL_FORMAT.equals(format)) {
            f.error(Errno.EINVAL, where, "firewall format '" + format + "' is not " + FIREWALL_FORMAT);
            return null;
        }
        JsonNode ruleset = o.get("ruleset");
        if (ruleset == null || !ruleset.isObject()) {
            f.error(Errno.EINVAL, where, "field 'ruleset' of the firewall must be the object nft -j list ruleset prints");
            return null;
        }
        try {
            return new Firewall(Mapper.MAPPER.writeValueAsString(ruleset), f.bool(o, JsonFields.SKIPPED, where, false));
        } catch (IOException e) {
            f.error(Errno.EINVAL, where, "the firewall's ruleset cannot be written back as text: " + e.getMessage());
            return null;
        }
    }
}
