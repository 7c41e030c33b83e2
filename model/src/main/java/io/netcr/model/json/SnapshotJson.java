package io.netcr.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;

/**
 * TEMPORARY STAND-IN, written on branch native so that `netcr snapshot --json` can run; the real
 * mapper (same class, same signature) lands from the model work and replaces this file at merge.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotJson() {
    }

    public static String toJson(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode().put("format", "netcr-snapshot").put("version", 1);
        ObjectNode src = root.putObject("source").put("kind", s.source().kind()).put("host", s.source().host())
                .put("kernel", s.source().kernel()).put("tool", s.source().tool());
        src.put("time", s.source().time() == null ? null : s.source().time().toString());
        ArrayNode nss = root.putArray("namespaces");
        for (Namespace n : s.namespaces()) {
            ObjectNode o = nss.addObject().put("id", n.id()).put("init", n.init());
            n.names().forEach(o.putArray("names")::add);
            n.holders().forEach(h -> o.withArray("pids").add(h.pid()));
            o.withArray("pids");
            ArrayNode devs = o.putArray("devices");
            for (Device d : n.devices()) {
                ObjectNode dv = devs.addObject().put("ifindex", d.ifindex()).put("name", d.name()).put("kind", d.kind())
                        .put("mac", d.mac()).put("mtu", d.mtu()).put("up", d.up()).put("operstate", d.operstate())
                        .put("master", d.master());
                ref(dv, "peer", d.peer());
                ref(dv, "parent", d.parent());
                ArrayNode as = dv.putArray("addresses");
                for (Address a : d.addresses()) {
                    ObjectNode ao = as.addObject().put("family", a.family()).put("address", a.address())
                            .put("prefixlen", a.prefixlen()).put("scope", a.scope());
                    a.flags().forEach(ao.putArray("flags")::add);
                    ao.put("label", a.label());
                }
            }
            ArrayNode rs = o.putArray("routes");
            for (Route r : n.routes()) {
                rs.addObject().put("family", r.family()).put("destination", r.destination()).put("gateway", r.gateway())
                        .put("device", r.device()).put("metric", r.metric()).put("protocol", r.protocol())
                        .put("scope", r.scope()).put("type", r.type()).put("prefsrc", r.prefsrc());
            }
        }
        ArrayNode ds = root.putArray("diagnostics");
        for (Diagnostic d : s.diagnostics()) {
            ds.addObject().put("code", d.code().name()).put("severity", d.severity().word())
                    .put("subject", d.subject().toString()).put("phase", d.phase().word()).put("message", d.message());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ref(ObjectNode parent, String field, DeviceRef r) {
        if (r == null) {
            parent.putNull(field);
        } else {
            parent.putObject(field).put("namespace", r.namespace()).put("ifindex", r.ifindex()).put("name", r.name());
        }
    }
}
