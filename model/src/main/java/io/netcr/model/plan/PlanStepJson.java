package io.netcr.model.plan;

import static io.netcr.model.json.StrictFields.bool;
import static io.netcr.model.json.StrictFields.integer;
import static io.netcr.model.json.StrictFields.object;
import static io.netcr.model.json.StrictFields.optionalText;
import static io.netcr.model.json.StrictFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Address;
import io.netcr.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An executable restore plan as a JSON tree that reads back into the same plan: every field of every step,
 * so that a restore interrupted by its own death can be finished later from its journal. (The dry run's
 * {@link RestorePlanJson} is for people and scripts and shows each step's iproute2 equivalent instead.)
 * Addresses and routes use the field names of the snapshot JSON. Reading throws
 * {@link IllegalArgumentException} naming the first field that is missing or wrong.
 */
public final class PlanStepJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanStepJson() {
    }

    /** {"namespaces": {image id: new name}, "steps": [...]}; the plan's diagnostics are left out. */
    public static ObjectNode planTree(RestorePlan plan) {
        ObjectNode root = F.objectNode();
        ObjectNode names = root.putObject("namespaces");
        plan.namespaceNames().forEach(names::put);
        ArrayNode steps = root.putArray("steps");
        plan.steps().forEach(s -> steps.add(stepTree(s)));
        return root;
    }

    public static RestorePlan plan(JsonNode root) {
        Map<String, String> names = new LinkedHashMap<>();
        object(root, "namespaces").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        List<PlanStep> steps = new ArrayList<>();
        JsonNode list = root.get("steps");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("plan: no 'steps' array");
        }
        for (JsonNode s : list) {
            steps.add(step(s));
        }
        return new RestorePlan(steps, List.of(), names);
    }

    public static ObjectNode stepTree(PlanStep step) {
        ObjectNode o = F.objectNode();
        o.put("kind", step.getClass().getSimpleName());
        if (step instanceof PlanStep.CreateNamespace c) {
            o.put("name", c.name());
        } else if (step instanceof PlanStep.CreateVeth v) {
            o.set("end", linkEnd(v.end()));
            o.set("peer", linkEnd(v.peer()));
        } else if (step instanceof PlanStep.CreateBridge b) {
            o.set("bridge", linkEnd(b.bridge()));
        } else if (step instanceof PlanStep.CreateLink l) {
            o.set("link", linkEnd(l.link()));
            o.put("type", l.kind());
            o.set("data", data(l.data()));
            if (l.parent() != null) {
                o.set("parent", F.objectNode().put("netns", l.parent().ns().name()).put("name", l.parent().name()));
            }
        } else if (step instanceof PlanStep.CreateTun t) {
            o.set("tun", linkEnd(t.tun()));
            o.set("data", data(t.data()));
        } else if (step instanceof PlanStep.SetAddrGenMode g) {
            o.put("netns", g.ns().name()).put("device", g.device()).put("mode", g.mode());
        } else if (step instanceof PlanStep.SetLink s) {
            o.put("netns", s.ns().name()).put("device", s.device()).put("mac", s.mac()).put("mtu", s.mtu());
        } else if (step instanceof PlanStep.SetMaster m) {
            o.put("netns", m.ns().name()).put("device", m.device()).put("master", m.master());
        } else if (step instanceof PlanStep.AddAddress a) {
            o.put("netns", a.ns().name()).put("device", a.device()).put("nodad", a.nodad());
            o.set("address", address(a.address()));
        } else if (step instanceof PlanStep.SetAddressFlags f) {
            o.put("netns", f.ns().name()).put("device", f.device());
            o.set("address", address(f.address()));
        } else if (step instanceof PlanStep.SetUp u) {
            o.put("netns", u.ns().name()).put("device", u.device());
            if (u.addrGenMode() != null) {
                o.put("addrgenmode", u.addrGenMode());
            }
        } else if (step instanceof PlanStep.AddRoute r) {
            o.put("netns", r.ns().name()).put("onlink", r.onlink());
            o.set("route", route(r.route()));
        } else {
            StateStepJson.write(step, o);
        }
        return o;
    }

    public static PlanStep step(JsonNode o) {
        try {
            return parse(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan step: " + e.getMessage(), e);
        }
    }

    private static PlanStep parse(JsonNode o) {
        String kind = text(o, "kind");
        switch (kind) {
            case "CreateNamespace":
                return new PlanStep.CreateNamespace(text(o, "name"));
            case "CreateVeth":
                return new PlanStep.CreateVeth(linkEnd(object(o, "end")), linkEnd(object(o, "peer")));
            case "CreateBridge":
                return new PlanStep.CreateBridge(linkEnd(object(o, "bridge")));
            case "SetLink":
                return new PlanStep.SetLink(ns(o), text(o, "device"), optionalText(o, "mac"), integer(o, "mtu"));
            case "SetMaster":
                return new PlanStep.SetMaster(ns(o), text(o, "device"), text(o, "master"));
            case "AddAddress":
                return new PlanStep.AddAddress(ns(o), text(o, "device"), address(object(o, "address")),
                        bool(o, "nodad"));
            case "SetAddressFlags":
                return new PlanStep.SetAddressFlags(ns(o), text(o, "device"), address(object(o, "address")));
            case "SetUp":
                return new PlanStep.SetUp(ns(o), text(o, "device"), optionalText(o, "addrgenmode"));
            case "CreateLink":
                return new PlanStep.CreateLink(linkEnd(object(o, "link")), text(o, "type"), data(o),
                        o.hasNonNull("parent") ? parent(object(o, "parent")) : null);
            case "CreateTun":
                return new PlanStep.CreateTun(linkEnd(object(o, "tun")), data(o));
            case "SetAddrGenMode":
                return new PlanStep.SetAddrGenMode(ns(o), text(o, "device"), text(o, "mode"));
            case "AddRoute":
                return new PlanStep.AddRoute(ns(o), route(object(o, "route")), bool(o, "onlink"));
            default:
                PlanStep state = StateStepJson.read(kind, o);
                if (state == null) {
                    throw new IllegalArgumentException("unknown step kind '" + kind + "' (written by a newer netcr?)");
                }
                return state;
        }
    }

    private static ObjectNode linkEnd(LinkEnd e) {
        return F.objectNode().put("netns", e.ns().name()).put("name", e.name()).put("ifindex", e.ifindex())
                .put("mac", e.mac()).put("mtu", e.mtu());
    }

    private static LinkEnd linkEnd(JsonNode o) {
        return new LinkEnd(ns(o), text(o, "name"), integer(o, "ifindex"), optionalText(o, "mac"), integer(o, "mtu"));
    }

    private static ObjectNode address(Address a) {
        ObjectNode o = F.objectNode().put("family", a.family()).put("address", a.address())
                .put("prefixlen", a.prefixlen()).put("scope", a.scope());
        ArrayNode flags = o.putArray("flags");
        a.flags().forEach(flags::add);
        return o.put("label", a.label());
    }

    private static Address address(JsonNode o) {
        List<String> flags = new ArrayList<>();
        JsonNode f = o.get("flags");
        if (f != null && f.isArray()) {
            f.forEach(x -> flags.add(x.asText()));
        }
        return new Address(text(o, "family"), text(o, "address"), integer(o, "prefixlen"), text(o, "scope"), flags,
                optionalText(o, "label"));
    }

    private static ObjectNode route(Route r) {
        ObjectNode o = F.objectNode().put("family", r.family()).put("dst", r.destination()).put("gateway", r.gateway())
                .put("dev", r.device()).put("metric", r.metric()).put("protocol", r.protocol())
                .put("scope", r.scope()).put("type", r.type()).put("prefsrc", r.prefsrc());
        StateStepJson.writeRouteExtras(r, o);
        return o;
    }

    private static Route route(JsonNode o) {
        return StateStepJson.readRouteExtras(new Route(text(o, "family"), text(o, "dst"), optionalText(o, "gateway"),
                optionalText(o, "dev"), integer(o, "metric"), text(o, "protocol"), text(o, "scope"), text(o, "type"),
                optionalText(o, "prefsrc")), o);
    }

    private static ObjectNode data(Map<String, String> data) {
        ObjectNode o = F.objectNode();
        new TreeMap<>(data).forEach(o::put);
        return o;
    }

    /** "data": settings as text (a step's kind settings). */
    private static Map<String, String> data(JsonNode step) {
        Map<String, String> out = new LinkedHashMap<>();
        object(step, "data").fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("data: '" + e.getKey() + "' is not text");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    private static LinkParent parent(JsonNode o) {
        return new LinkParent(ns(o), text(o, "name"));
    }

    /** "netns": a name, or null for the restorer's namespace. */
    private static TargetNs ns(JsonNode o) {
        return new TargetNs(optionalText(o, "netns"));
    }
}
