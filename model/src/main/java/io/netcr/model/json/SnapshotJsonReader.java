package io.netcr.model.json;

import static io.netcr.model.json.JsonFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.LinkConfig;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON tree to a snapshot. Hand-written topologies are welcome, so much is optional: a namespace
 * without an id takes its first name, a device without an ifindex gets the next free one (lo first).
 * Every structural problem is collected; the semantic checks are the image reader's own validator.
 */
final class SnapshotJsonReader {

    private final JsonFieldReader f = new JsonFieldReader();
    private final Limits limits;

    SnapshotJsonReader(Limits limits) {
        this.limits = limits;
    }

    List<Diagnostic> problems() {
        return f.problems();
    }

    Snapshot read(JsonNode root, String origin) {
        SubjectPath top = SubjectPath.ROOT;
        if (!root.isObject()) {
            f.error(Errno.EINVAL, top, "a snapshot is a JSON object, found " + JsonFieldReader.shortText(root));
            return null;
        }
        String format = f.text(root, FORMAT, top, false, FORMAT_NAME);
        if (!FORMAT_NAME.equals(format)) {
            f.error(Errno.EINVAL, top, "field 'format' is '" + format + "'; a netcr snapshot says '" + FORMAT_NAME + "'");
            return null;
        }
        int version = f.integer(root, VERSION_FIELD, top, false, VERSION);
        if (version != VERSION) {
            f.error(Errno.ENOSYS, top, "JSON snapshot version " + version + " is not supported (this netcr reads version "
                    + VERSION + "); use a newer netcr");
            return null;
        }
        Source source = source(f.object(root, SOURCE, top), origin);
        JsonNode declared = root.get(NAMESPACES);
        if (declared != null && declared.isArray() && declared.size() > limits.maxNamespaces()) {
            // Refused before one record is made of them: each would cost far more than its few bytes of text.
            f.error(Errno.E2BIG, top, "the file holds " + declared.size() + " namespaces; the limit is "
                    + limits.maxNamespaces());
            return null;
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (JsonNode n : f.array(root, NAMESPACES, top)) {
            Namespace ns = namespace(n, namespaces.size());
            if (ns != null) {
                namespaces.add(ns);
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : f.array(root, DIAGNOSTICS, top)) {
            Diagnostic diag = diagnostic(d, diagnostics.size());
            if (diag != null) {
                diagnostics.add(diag);
            }
        }
        return new Snapshot(source, namespaces, diagnostics);
    }

    private Source source(JsonNode o, String origin) {
        if (o == null) {
            return new Source(Source.JSON, null, null, null, origin, null);
        }
        SubjectPath where = SubjectPath.of("json", "source");
        Instant time = null;
        String timeText = f.text(o, TIME, where, false, null);
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (DateTimeParseException e) {
                f.error(Errno.EINVAL, where, "field 'time' is not an ISO-8601 instant (like 2026-11-29T08:00:00Z): " + timeText);
            }
        }
        return new Source(f.text(o, KIND, where, false, Source.JSON), f.text(o, HOST, where, false, null),
                f.text(o, KERNEL, where, false, null), time, origin != null ? origin : f.text(o, PATH, where, false, null),
                f.text(o, TOOL, where, false, null));
    }

    private Namespace namespace(JsonNode o, int index) {
        SubjectPath where = SubjectPath.of("json", "namespaces[" + index + "]");
        if (!o.isObject()) {
            f.error(Errno.EINVAL, where, "a namespace is a JSON object, found " + JsonFieldReader.shortText(o));
            return null;
        }
        List<String> names = f.texts(o, NAMES, where);
        String id = f.text(o, ID, where, names.isEmpty(), names.isEmpty() ? null : names.get(0));
        if (id == null) {
            return null;
        }
        SubjectPath nsPath = SubjectPath.of(SubjectPath.NETNS, names.isEmpty() ? id : names.get(0));
        List<Holder> holders = holders(o, nsPath);
        List<Device> devices = new ArrayList<>();
        List<JsonNode> deviceNodes = f.array(o, DEVICES, nsPath);
        if (deviceNodes.size() > limits.maxDevicesPerNamespace()) {
            f.error(Errno.E2BIG, nsPath, "the namespace holds " + deviceNodes.size() + " devices; the limit is "
                    + limits.maxDevicesPerNamespace());
            return null;
        }
        Set<Integer> taken = new HashSet<>();
        boolean loopbackWithoutIndex = false;
        for (JsonNode d : deviceNodes) {
            if (d.isObject() && d.get(IFINDEX) != null && d.get(IFINDEX).canConvertToInt()) {
                taken.add(d.get(IFINDEX).intValue());
            } else if (d.isObject() && d.get(NAME) != null && "lo".equals(d.get(NAME).asText())) {
                loopbackWithoutIndex = true;
            }
        }
        // As in a new namespace, lo is ifindex 1 unless the file says otherwise.
        boolean loopbackGetsOne = loopbackWithoutIndex && taken.add(1);
        int[] next = {1};
        for (JsonNode d : deviceNodes) {
            Device dev = device(d, nsPath, taken, next, loopbackGetsOne);
            if (dev != null) {
                devices.add(dev);
            }
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode r : f.array(o, ROUTES, nsPath)) {
            Route route = route(r, nsPath);
            if (route != null) {
                routes.add(route);
            }
        }
        return new Namespace(id, names, holders, f.bool(o, INIT, nsPath, false), devices, routes,
                properties(o, nsPath), StateJson.read(o, nsPath, f));
    }

    private List<Holder> holders(JsonNode o, SubjectPath where) {
        Map<Integer, String> byPid = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (JsonNode h : f.array(o, HOLDERS, where)) {
            if (!h.isObject()) {
                f.error(Errno.EINVAL, where, "a holder is an object {pid, command}, found " + JsonFieldReader.shortText(h));
                continue;
            }
            int pid = f.integer(h, PID, where, true, -1);
            if (pid > 0 && byPid.putIfAbsent(pid, f.text(h, COMMAND, where, false, null)) == null) {
                order.add(pid);
            }
        }
        for (JsonNode p : f.array(o, PIDS, where)) {
            if (!p.canConvertToInt()) {
                f.error(Errno.EINVAL, where, "field 'pids' must hold whole numbers, found " + JsonFieldReader.shortText(p));
            } else if (!byPid.containsKey(p.intValue())) {
                byPid.put(p.intValue(), null);
                order.add(p.intValue());
            }
        }
        List<Holder> holders = new ArrayList<>();
        order.forEach(pid -> holders.add(new Holder(pid, byPid.get(pid))));
        return holders;
    }

    private Device device(JsonNode o, SubjectPath nsPath, Set<Integer> taken, int[] next, boolean loopbackGetsOne) {
        if (!o.isObject()) {
            f.error(Errno.EINVAL, nsPath, "a device is a JSON object, found " + JsonFieldReader.shortText(o));
            return null;
        }
        String name = f.text(o, NAME, nsPath, true, null);
        if (name == null) {
            return null;
        }
        SubjectPath where = nsPath.child(SubjectPath.DEV, name);
        int ifindex = f.integer(o, IFINDEX, where, false, 0);
        if (o.get(IFINDEX) == null) {
            ifindex = "lo".equals(name) && loopbackGetsOne ? 1 : nextFree(taken, next);
            taken.add(ifindex);
        }
        String kind = f.text(o, KIND, where, false, "lo".equals(name) ? Device.LOOPBACK : "");
        boolean up = f.bool(o, UP, where, false);
        String mac = f.text(o, MAC, where, false, null);
        List<Address> addresses = new ArrayList<>();
        for (JsonNode a : f.array(o, ADDRESSES, where)) {
            Address addr = address(a, where);
            if (addr != null) {
                addresses.add(addr);
            }
        }
        return Device.builder(ifindex, name, kind)
                .mac(mac == null ? null : mac.toLowerCase(Locale.ROOT))
                .mtu(f.integer(o, MTU, where, false, Device.LOOPBACK.equals(kind) ? 65536 : 1500))
                .up(up)
                .operstate(f.text(o, OPERSTATE, where, false, up ? "unknown" : "down").toLowerCase(Locale.ROOT))
                .master(f.text(o, MASTER, where, false, null))
                .peer(ref(f.object(o, PEER, where), where))
                .parent(ref(f.object(o, PARENT, where), where))
                .addresses(addresses)
                .skipped(f.bool(o, SKIPPED, where, false))
                .properties(properties(o, where))
                .config(config(o, where))
                .build();
    }

    /** {@code "config": {"addr_gen_mode": ..., "data": {...}}}; values may be written as numbers or booleans. */
    private LinkConfig config(JsonNode o, SubjectPath where) {
        JsonNode c = f.object(o, CONFIG, where);
        if (c == null) {
            return LinkConfig.NONE;
        }
        Map<String, String> data = new HashMap<>();
        JsonNode d = f.object(c, DATA, where);
        if (d != null) {
            d.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    data.put(e.getKey(), e.getValue().asText());
                } else {
                    f.error(Errno.EINVAL, where, "config setting '" + e.getKey() + "' must be a string, number or "
                            + "boolean, found " + JsonFieldReader.shortText(e.getValue()));
                }
            });
        }
        return LinkConfig.of(data, f.text(c, ADDR_GEN_MODE, where, false, null));
    }

    private static int nextFree(Set<Integer> taken, int[] next) {
        while (taken.contains(next[0])) {
            next[0]++;
        }
        return next[0]++;
    }

    private DeviceRef ref(JsonNode o, SubjectPath where) {
        if (o == null) {
            return null;
        }
        return new DeviceRef(f.text(o, NAMESPACE, where, false, null), f.integer(o, IFINDEX, where, false, 0),
                f.text(o, NAME, where, false, null));
    }

    private Address address(JsonNode o, SubjectPath devPath) {
        if (!o.isObject()) {
            f.error(Errno.EINVAL, devPath, "an address is a JSON object, found " + JsonFieldReader.shortText(o));
            return null;
        }
        String text = f.text(o, ADDRESS, devPath, true, null);
        if (text == null) {
            return null;
        }
        int prefixlen = f.integer(o, PREFIXLEN, devPath, true, -1);
        SubjectPath where = devPath.child(SubjectPath.ADDR, text + "/" + prefixlen);
        String family = f.text(o, FAMILY, where, false, text.indexOf(':') >= 0 ? Address.INET6 : Address.INET);
        String canonical = IpText.parse(text).map(IpText::format).orElse(null);
        if (canonical == null) {
            f.error(Errno.EINVAL, where, "'" + text + "' is not an IP address");
            return null;
        }
        return new Address(family, canonical, prefixlen, f.text(o, SCOPE, where, false, "global"),
                f.texts(o, FLAGS, where), f.text(o, LABEL, where, false, null));
    }

    private Route route(JsonNode o, SubjectPath nsPath) {
        if (!o.isObject()) {
            f.error(Errno.EINVAL, nsPath, "a route is a JSON object, found " + JsonFieldReader.shortText(o));
            return null;
        }
        String dst = f.text(o, DST, nsPath, true, null);
        if (dst == null) {
            return null;
        }
        SubjectPath where = nsPath.child(SubjectPath.ROUTE, dst);
        String gateway = f.text(o, GATEWAY, where, false, null);
        String family = f.text(o, FAMILY, where, false,
                dst.indexOf(':') >= 0 || (gateway != null && gateway.indexOf(':') >= 0) ? Address.INET6 : Address.INET);
        return StateJson.readRouteExtras(new Route(family, dst, gateway, f.text(o, DEV, where, false, null),
                f.integer(o, METRIC, where, false, 0), f.text(o, PROTOCOL, where, false, null),
                f.text(o, SCOPE, where, false, null), f.text(o, TYPE, where, false, null),
                f.text(o, PREFSRC, where, false, null)), o, where, f);
    }

    private Diagnostic diagnostic(JsonNode o, int index) {
        SubjectPath where = SubjectPath.of("json", "diagnostics[" + index + "]");
        if (!o.isObject()) {
            f.error(Errno.EINVAL, where, "a diagnostic is a JSON object, found " + JsonFieldReader.shortText(o));
            return null;
        }
        String codeText = f.text(o, CODE, where, true, null);
        String message = f.text(o, MESSAGE, where, true, null);
        if (codeText == null || message == null) {
            return null;
        }
        Errno code = Errno.ofName(codeText).orElse(null);
        if (code == null) {
            f.error(Errno.EINVAL, where, "'" + codeText + "' is not an errno name (like EINVAL, EEXIST)");
            return null;
        }
        Severity severity = word(o, SEVERITY, where, Severity.ERROR, Severity::fromWord, "error, warning or info");
        Phase phase = word(o, PHASE, where, Phase.READ, Phase::fromWord, "read, snapshot, checkpoint, restore or diff");
        SubjectPath subject;
        try {
            subject = SubjectPath.parse(f.text(o, SUBJECT, where, false, ""));
        } catch (IllegalArgumentException e) {
            f.error(Errno.EINVAL, where, "field 'subject' is not a subject path: " + e.getMessage());
            return null;
        }
        return new Diagnostic(code, severity, subject, phase, message, f.text(o, KERNEL_MESSAGE, where, false, null));
    }

    private <T> T word(JsonNode o, String field, SubjectPath where, T fallback,
                       Function<String, T> parse, String allowed) {
        String text = f.text(o, field, where, false, null);
        if (text == null) {
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            f.error(Errno.EINVAL, where, "field '" + field + "' is '" + text + "'; it must be " + allowed);
            return fallback;
        }
    }

    private Map<String, String> properties(JsonNode o, SubjectPath where) {
        Map<String, String> props = new HashMap<>();
        JsonNode p = f.object(o, PROPERTIES, where);
        if (p != null) {
            p.fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().textValue() : e.getValue().toString()));
        }
        return props;
    }
}
