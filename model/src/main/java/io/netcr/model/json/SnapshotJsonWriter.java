package io.netcr.model.json;

import static io.netcr.model.json.JsonFields.*;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshot to JSON, streamed field by field: a thousand namespaces are megabytes of text, and building a
 * tree first costs more than writing them. Field order is fixed, so equal snapshots give equal text.
 */
final class SnapshotJsonWriter {

    private SnapshotJsonWriter() {
    }

    static void write(Snapshot s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(FORMAT, FORMAT_NAME);
        g.writeNumberField(VERSION_FIELD, VERSION);
        g.writeFieldName(SOURCE);
        source(s.source(), g);
        g.writeArrayFieldStart(NAMESPACES);
        for (Namespace ns : s.namespaces()) {
            namespace(ns, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart(DIAGNOSTICS);
        for (Diagnostic d : s.diagnostics()) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : diagnosticFields(d).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void source(Source src, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(KIND, src.kind());
        g.writeStringField(HOST, src.host());
        g.writeStringField(KERNEL, src.kernel());
        g.writeStringField(TIME, src.time() == null ? null : src.time().toString());
        g.writeStringField(PATH, src.path());
        g.writeStringField(TOOL, src.tool());
        g.writeEndObject();
    }

    private static void namespace(Namespace ns, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(ID, ns.id());
        g.writeArrayFieldStart(NAMES);
        for (String name : ns.names()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeArrayFieldStart(PIDS);
        for (Holder h : ns.holders()) {
            g.writeNumber(h.pid());
        }
        g.writeEndArray();
        g.writeArrayFieldStart(HOLDERS);
        for (Holder h : ns.holders()) {
            g.writeStartObject();
            g.writeNumberField(PID, h.pid());
            g.writeStringField(COMMAND, h.command());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField(INIT, ns.init());
        g.writeArrayFieldStart(DEVICES);
        for (Device d : ns.devices()) {
            device(d, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart(ROUTES);
        for (Route r : ns.routes()) {
            route(r, g);
        }
        g.writeEndArray();
        properties(ns.properties(), g);
        if (ns.hasState()) {
            StateJson.write(ns.state(), g);
        }
        g.writeEndObject();
    }

    private static void device(Device d, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField(IFINDEX, d.ifindex());
        g.writeStringField(NAME, d.name());
        g.writeStringField(KIND, d.kind());
        g.writeStringField(MAC, d.mac());
        g.writeNumberField(MTU, d.mtu());
        g.writeBooleanField(UP, d.up());
        g.writeStringField(OPERSTATE, d.operstate());
        g.writeStringField(MASTER, d.master());
        ref(PEER, d.peer(), g);
        ref(PARENT, d.parent(), g);
        g.writeArrayFieldStart(ADDRESSES);
        for (Address a : d.addresses()) {
            address(a, g);
        }
        g.writeEndArray();
        g.writeBooleanField(SKIPPED, d.skipped());
        properties(d.properties(), g);
        if (!d.config().isEmpty()) {
            g.writeObjectFieldStart(CONFIG);
            g.writeStringField(ADDR_GEN_MODE, d.config().addrGenMode());
            g.writeObjectFieldStart(DATA);
            for (Map.Entry<String, String> e : d.config().data().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void ref(String field, DeviceRef r, JsonGenerator g) throws IOException {
        g.writeFieldName(field);
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField(NAMESPACE, r.namespace());
        g.writeNumberField(IFINDEX, r.ifindex());
        g.writeStringField(NAME, r.name());
        g.writeEndObject();
    }

    private static void address(Address a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(FAMILY, a.family());
        g.writeStringField(ADDRESS, a.address());
        g.writeNumberField(PREFIXLEN, a.prefixlen());
        g.writeStringField(SCOPE, a.scope());
        g.writeArrayFieldStart(FLAGS);
        for (String flag : a.flags()) {
            g.writeString(flag);
        }
        g.writeEndArray();
        g.writeStringField(LABEL, a.label());
        g.writeEndObject();
    }

    private static void route(Route r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField(FAMILY, r.family());
        g.writeStringField(DST, r.destination());
        g.writeStringField(GATEWAY, r.gateway());
        g.writeStringField(DEV, r.device());
        g.writeNumberField(METRIC, r.metric());
        g.writeStringField(PROTOCOL, r.protocol());
        g.writeStringField(SCOPE, r.scope());
        g.writeStringField(TYPE, r.type());
        g.writeStringField(PREFSRC, r.prefsrc());
        StateJson.writeRouteExtras(r, g);
        g.writeEndObject();
    }

    /** A diagnostic's fields in their order (all text): streamed here, and as a tree for other documents. */
    static Map<String, String> diagnosticFields(Diagnostic d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CODE, d.code().name());
        m.put(SEVERITY, d.severity().word());
        m.put(SUBJECT, d.subject().toString());
        m.put(PHASE, d.phase().word());
        m.put(MESSAGE, d.message());
        m.put(KERNEL_MESSAGE, d.kernelMessage());
        return m;
    }

    /** One diagnostic as a tree, for documents built as trees (restore plans and results). */
    static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        diagnosticFields(d).forEach(o::put);
        return o;
    }

    private static void properties(Map<String, String> props, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(PROPERTIES);
        for (Map.Entry<String, String> e : props.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
