package io.netcr.model.json;

import static io.netcr.model.json.JsonFields.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Holder;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.util.Map;

/** Snapshot to a JSON tree. Field order is fixed, so equal snapshots give equal text. */
final class SnapshotJsonWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SnapshotJsonWriter() {
    }

    static ObjectNode tree(Snapshot s) {
        ObjectNode root = F.objectNode();
        root.put(FORMAT, FORMAT_NAME);
        root.put(VERSION_FIELD, VERSION);
        root.set(SOURCE, source(s.source()));
        ArrayNode namespaces = root.putArray(NAMESPACES);
        s.namespaces().forEach(ns -> namespaces.add(namespace(ns)));
        ArrayNode diagnostics = root.putArray(DIAGNOSTICS);
        s.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
        return root;
    }

    private static ObjectNode source(Source src) {
        ObjectNode o = F.objectNode();
        o.put(KIND, src.kind());
        o.put(HOST, src.host());
        o.put(KERNEL, src.kernel());
        o.put(TIME, src.time() == null ? null : src.time().toString());
        o.put(PATH, src.path());
        o.put(TOOL, src.tool());
        return o;
    }

    private static ObjectNode namespace(Namespace ns) {
        ObjectNode o = F.objectNode();
        o.put(ID, ns.id());
        ArrayNode names = o.putArray(NAMES);
        ns.names().forEach(names::add);
        ArrayNode pids = o.putArray(PIDS);
        ns.holders().forEach(h -> pids.add(h.pid()));
        ArrayNode holders = o.putArray(HOLDERS);
        for (Holder h : ns.holders()) {
            holders.addObject().put(PID, h.pid()).put(COMMAND, h.command());
        }
        o.put(INIT, ns.init());
        ArrayNode devices = o.putArray(DEVICES);
        ns.devices().forEach(d -> devices.add(device(d)));
        ArrayNode routes = o.putArray(ROUTES);
        ns.routes().forEach(r -> routes.add(route(r)));
        o.set(PROPERTIES, properties(ns.properties()));
        return o;
    }

    private static ObjectNode device(Device d) {
        ObjectNode o = F.objectNode();
        o.put(IFINDEX, d.ifindex());
        o.put(NAME, d.name());
        o.put(KIND, d.kind());
        o.put(MAC, d.mac());
        o.put(MTU, d.mtu());
        o.put(UP, d.up());
        o.put(OPERSTATE, d.operstate());
        o.put(MASTER, d.master());
        o.set(PEER, ref(d.peer()));
        o.set(PARENT, ref(d.parent()));
        ArrayNode addresses = o.putArray(ADDRESSES);
        d.addresses().forEach(a -> addresses.add(address(a)));
        o.put(SKIPPED, d.skipped());
        o.set(PROPERTIES, properties(d.properties()));
        return o;
    }

    private static ObjectNode ref(DeviceRef r) {
        if (r == null) {
            return null;
        }
        ObjectNode o = F.objectNode();
        o.put(NAMESPACE, r.namespace());
        o.put(IFINDEX, r.ifindex());
        o.put(NAME, r.name());
        return o;
    }

    private static ObjectNode address(Address a) {
        ObjectNode o = F.objectNode();
        o.put(FAMILY, a.family());
        o.put(ADDRESS, a.address());
        o.put(PREFIXLEN, a.prefixlen());
        o.put(SCOPE, a.scope());
        ArrayNode flags = o.putArray(FLAGS);
        a.flags().forEach(flags::add);
        o.put(LABEL, a.label());
        return o;
    }

    private static ObjectNode route(Route r) {
        ObjectNode o = F.objectNode();
        o.put(FAMILY, r.family());
        o.put(DST, r.destination());
        o.put(GATEWAY, r.gateway());
        o.put(DEV, r.device());
        o.put(METRIC, r.metric());
        o.put(PROTOCOL, r.protocol());
        o.put(SCOPE, r.scope());
        o.put(TYPE, r.type());
        o.put(PREFSRC, r.prefsrc());
        return o;
    }

    static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode o = F.objectNode();
        o.put(CODE, d.code().name());
        o.put(SEVERITY, d.severity().word());
        o.put(SUBJECT, d.subject().toString());
        o.put(PHASE, d.phase().word());
        o.put(MESSAGE, d.message());
        o.put(KERNEL_MESSAGE, d.kernelMessage());
        return o;
    }

    private static ObjectNode properties(Map<String, String> props) {
        ObjectNode o = F.objectNode();
        props.forEach(o::put);
        return o;
    }
}
