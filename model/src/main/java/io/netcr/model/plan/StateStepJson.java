package io.netcr.model.plan;

import static io.netcr.model.json.StrictFields.integer;
import static io.netcr.model.json.StrictFields.number;
import static io.netcr.model.json.StrictFields.object;
import static io.netcr.model.json.StrictFields.optionalText;
import static io.netcr.model.json.StrictFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.PolicyRuleFields;
import io.netcr.model.Route;
import io.netcr.model.Sysctls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a namespace's state ({@link PlanStep.SetSysctls}, {@link PlanStep.LoadFirewall},
 * {@link PlanStep.AddRule}, {@link PlanStep.AddNeighbour}) and a route's fields beyond version 1's, as
 * {@link PlanStepJson} writes them into the restore journal and reads them back. A secret sysctl's value is
 * never written: it is null in the journal, and a finish cannot write it (it says so).
 */
final class StateStepJson {

    private static final JsonNode NONE = JsonNodeFactory.instance.objectNode();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateStepJson() {
    }

    /** The fields of one of the state steps into {@code o}; false when the step is not one of them. */
    static boolean write(PlanStep step, ObjectNode o) {
        if (step instanceof PlanStep.SetSysctls s) {
            o.put("netns", s.ns().name());
            ArrayNode writes = o.putArray("writes");
            for (PlanStep.SysctlWrite w : s.writes()) {
                writes.addObject().put("key", w.key()).put("value", Sysctls.isSecret(w.key()) ? null : w.value());
            }
        } else if (step instanceof PlanStep.LoadFirewall f) {
            o.put("netns", f.ns().name()).put("commands", f.commands()).put("summary", f.summary());
        } else if (step instanceof PlanStep.AddRule r) {
            o.put("netns", r.ns().name());
            ObjectNode rule = o.putObject("rule").put("family", r.rule().family()).put("priority", r.rule().priority())
                    .put("action", r.rule().action().kind());
            ObjectNode fields = rule.putObject("fields");
            PolicyRuleFields.fields(r.rule()).forEach(fields::put);
        } else if (step instanceof PlanStep.AddNeighbour n) {
            o.put("netns", n.ns().name());
            Neighbour x = n.neighbour();
            ObjectNode nb = o.putObject("neighbour").put("family", x.family()).put("address", x.address())
                    .put("device", x.device()).put("lladdr", x.lladdr());
            x.states().forEach(nb.putArray("states")::add);
            x.flags().forEach(nb.putArray("flags")::add);
        } else {
            return false;
        }
        return true;
    }

    /** The step of this kind, or null when the kind is not one of the state steps. */
    static PlanStep read(String kind, JsonNode o) {
        switch (kind) {
            case "SetSysctls": {
                List<PlanStep.SysctlWrite> writes = new ArrayList<>();
                JsonNode list = o.get("writes");
                if (list == null || !list.isArray()) {
                    throw new IllegalArgumentException("'writes' is missing or not an array");
                }
                for (JsonNode w : list) {
                    String key = text(w, "key");
                    String problem = Sysctls.deviceOf(key).isPresent()
                            ? Sysctls.deviceKeyProblem(Sysctls.deviceRelative(key)).orElse(null)
                            : Sysctls.keyProblem(key).orElse(null);
                    if (problem != null) {
                        throw new IllegalArgumentException("sysctl " + problem);
                    }
                    writes.add(new PlanStep.SysctlWrite(key, optionalText(w, "value")));
                }
                return new PlanStep.SetSysctls(ns(o), writes);
            }
            case "LoadFirewall":
                return new PlanStep.LoadFirewall(ns(o), text(o, "commands"), text(o, "summary"));
            case "AddRule": {
                JsonNode r = object(o, "rule");
                Map<String, String> fields = new LinkedHashMap<>();
                object(r, "fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
                PolicyRule rule = PolicyRuleFields.rule(text(r, "family"), number(r, "priority"), text(r, "action"), fields);
                return new PlanStep.AddRule(ns(o), rule);
            }
            case "AddNeighbour": {
                JsonNode n = object(o, "neighbour");
                return new PlanStep.AddNeighbour(ns(o), new Neighbour(text(n, "family"), text(n, "address"),
                        text(n, "device"), optionalText(n, "lladdr"), texts(n, "states"), texts(n, "flags")));
            }
            default:
                return null;
        }
    }

    /** A route's fields beyond version 1's: table, tos, flags, preference, metrics (when not the usual). */
    static void writeRouteExtras(Route r, ObjectNode o) {
        o.put("table", r.table());
        if (r.tos() != 0) {
            o.put("tos", r.tos());
        }
        if (!r.flags().isEmpty()) {
            r.flags().forEach(o.putArray("flags")::add);
        }
        if (r.pref() != null) {
            o.put("pref", r.pref());
        }
        if (!r.metrics().isEmpty()) {
            ObjectNode m = o.putObject("metrics");
            r.metrics().forEach(m::put);
        }
    }

    /** The route with its extras read back; a journal of an older netcr has none (the main table then). */
    static Route readRouteExtras(Route base, JsonNode o) {
        Map<String, String> metrics = new LinkedHashMap<>();
        o.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asText()));
        String table = optionalText(o, "table");
        return new Route(base.family(), base.destination(), base.gateway(), base.device(), base.metric(),
                base.protocol(), base.scope(), base.type(), base.prefsrc(), table == null ? Route.MAIN : table,
                o.has("tos") ? integer(o, "tos") : 0, texts(o, "flags"), optionalText(o, "pref"), metrics);
    }

    private static List<String> texts(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        JsonNode list = o.get(field);
        if (list != null && list.isArray()) {
            list.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static TargetNs ns(JsonNode o) {
        return new TargetNs(text(o, "netns"));
    }
}
