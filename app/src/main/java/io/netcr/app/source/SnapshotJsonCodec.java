package io.netcr.app.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * STAND-IN for {@code io.netcr.model.json.SnapshotJson}, which the main line is writing: reads and writes
 * the documented {@code netcr-snapshot} JSON form (version 1) with Jackson's tree model. Lenient on
 * read (missing fields take the record defaults) because it only serves the workbench until the merge.
 */
public final class SnapshotJsonCodec {

    public static final String FORMAT = "netcr-snapshot";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotJsonCodec() {
    }

    /** Parses the JSON text; throws IOException with a readable message when it is not a snapshot. */
    public static Snapshot fromJson(String text) throws IOException {
        JsonNode root = MAPPER.readTree(text);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a netcr snapshot (\"format\" is not \"" + FORMAT + "\")");
        }
        JsonNode src = root.path("source");
        String time = str(src, "time");
        Source source = new Source(src.path("kind").asText(Source.JSON), str(src, "host"), str(src, "kernel"),
                time == null ? null : Instant.parse(time), str(src, "path"), str(src, "tool"));
        List<Namespace> namespaces = new ArrayList<>();
        for (JsonNode ns : root.path("namespaces")) {
            namespaces.add(namespace(ns));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : root.path("diagnostics")) {
            diagnostics.add(new Diagnostic(Errno.ofName(d.path("code").asText()).orElse(Errno.EINVAL),
                    Severity.fromWord(d.path("severity").asText("error")),
                    SubjectPath.parse(d.path("subject").asText("")),
                    Phase.fromWord(d.path("phase").asText("read")),
                    d.path("message").asText(""), str(d, "kernel_message")));
        }
        return new Snapshot(source, namespaces, diagnostics);
    }

    private static Namespace namespace(JsonNode ns) {
        List<String> names = new ArrayList<>();
        ns.path("names").forEach(n -> names.add(n.asText()));
        List<Holder> holders = new ArrayList<>();
        ns.path("pids").forEach(p -> holders.add(new Holder(p.asInt(), null)));
        List<Device> devices = new ArrayList<>();
        for (JsonNode d : ns.path("devices")) {
            devices.add(device(d));
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode r : ns.path("routes")) {
            routes.add(new Route(r.path("family").asText("inet"), r.path("destination").asText("default"),
                    str(r, "gateway"), str(r, "device"), r.path("metric").asInt(), str(r, "protocol"),
                    str(r, "scope"), str(r, "type"), str(r, "prefsrc")));
        }
        return new Namespace(ns.path("id").asText(), names, holders, ns.path("init").asBoolean(), devices, routes,
                stringMap(ns.path("properties")));
    }

    private static Device device(JsonNode d) {
        List<Address> addresses = new ArrayList<>();
        for (JsonNode a : d.path("addresses")) {
            List<String> flags = new ArrayList<>();
            a.path("flags").forEach(f -> flags.add(f.asText()));
            addresses.add(new Address(a.path("family").asText(Address.INET), a.path("address").asText(),
                    a.path("prefixlen").asInt(), str(a, "scope"), flags, str(a, "label")));
        }
        return Device.builder(d.path("ifindex").asInt(), d.path("name").asText(), str(d, "kind"))
                .mac(str(d, "mac")).mtu(d.path("mtu").asInt(1500)).up(d.path("up").asBoolean())
                .operstate(str(d, "operstate")).master(str(d, "master"))
                .peer(ref(d.path("peer"))).parent(ref(d.path("parent")))
                .addresses(addresses).skipped(d.path("skipped").asBoolean())
                .properties(stringMap(d.path("properties"))).build();
    }

    private static DeviceRef ref(JsonNode r) {
        if (r.isMissingNode() || r.isNull()) {
            return null;
        }
        return new DeviceRef(str(r, "namespace"), r.path("ifindex").asInt(), str(r, "name"));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String str(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The snapshot as indented JSON text, in the same form {@link #fromJson} reads. */
    public static String toJson(Snapshot s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ObjectNode src = root.putObject("source");
        src.put("kind", s.source().kind());
        src.put("host", s.source().host());
        src.put("kernel", s.source().kernel());
        src.put("time", s.source().time() == null ? null : s.source().time().toString());
        src.put("path", s.source().path());
        src.put("tool", s.source().tool());
        ArrayNode nss = root.putArray("namespaces");
        for (Namespace ns : s.namespaces()) {
            ObjectNode n = nss.addObject();
            n.put("id", ns.id());
            ns.names().forEach(n.putArray("names")::add);
            ArrayNode pids = n.putArray("pids");
            ns.holders().forEach(h -> pids.add(h.pid()));
            n.put("init", ns.init());
            ArrayNode devs = n.putArray("devices");
            ns.devices().forEach(d -> writeDevice(devs.addObject(), d));
            ArrayNode routes = n.putArray("routes");
            for (Route r : ns.routes()) {
                ObjectNode o = routes.addObject();
                o.put("family", r.family()).put("destination", r.destination()).put("gateway", r.gateway())
                        .put("device", r.device()).put("metric", r.metric()).put("protocol", r.protocol())
                        .put("scope", r.scope()).put("type", r.type()).put("prefsrc", r.prefsrc());
            }
        }
        ArrayNode diags = root.putArray("diagnostics");
        for (Diagnostic d : s.diagnostics()) {
            diags.addObject().put("code", d.code().name()).put("severity", d.severity().word())
                    .put("subject", d.subject().toString()).put("phase", d.phase().word())
                    .put("message", d.message()).put("kernel_message", d.kernelMessage());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON from a tree", e);
        }
    }

    private static void writeDevice(ObjectNode o, Device d) {
        o.put("ifindex", d.ifindex()).put("name", d.name()).put("kind", d.kind()).put("mac", d.mac())
                .put("mtu", d.mtu()).put("up", d.up()).put("operstate", d.operstate()).put("master", d.master());
        writeRef(o, "peer", d.peer());
        writeRef(o, "parent", d.parent());
        ArrayNode addrs = o.putArray("addresses");
        for (Address a : d.addresses()) {
            ObjectNode ao = addrs.addObject();
            ao.put("family", a.family()).put("address", a.address()).put("prefixlen", a.prefixlen())
                    .put("scope", a.scope());
            a.flags().forEach(ao.putArray("flags")::add);
            ao.put("label", a.label());
        }
        if (d.skipped()) {
            o.put("skipped", true);
        }
        if (!d.properties().isEmpty()) {
            ObjectNode p = o.putObject("properties");
            d.properties().forEach(p::put);
        }
    }

    private static void writeRef(ObjectNode o, String field, DeviceRef r) {
        if (r == null) {
            o.putNull(field);
        } else {
            o.putObject(field).put("namespace", r.namespace()).put("ifindex", r.ifindex()).put("name", r.name());
        }
    }
}
