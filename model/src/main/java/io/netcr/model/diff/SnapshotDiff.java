package io.netcr.model.diff;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.LinkConfig;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two snapshots: what was added, removed or changed from the left (old) to the right (new).
 *
 * <p>Matching, never by ifindex: namespaces as {@link NamespaceMatcher} pairs them; devices by name within
 * a pair; addresses by family, address and prefix length; routes by family, destination, gateway, device
 * and metric. A veth's peer (and a macvlan's parent) is compared as the peer namespace's label plus the
 * device name, so that two hosts with other ids and ifindexes compare equal; a peer in a namespace that is
 * not in the snapshot is {@code outside/NAME}.
 *
 * <p>Use: {@code SnapshotDiff.compare(before, after)} or, after a restore,
 * {@code SnapshotDiff.compare(image, live, DiffOptions.AFTER_RESTORE).isEmpty()}. Pure function, no I/O.
 */
public final class SnapshotDiff {

    /** Text of a peer or parent whose namespace is not in the snapshot. */
    public static final String OUTSIDE = "outside";

    private static final Set<String> TRANSIENT_FLAGS = Set.of("tentative", "dadfailed", "deprecated", "optimistic");

    private final Snapshot left;
    private final Snapshot right;
    private final DiffOptions options;
    private final NamespaceMatcher matcher;
    private final Map<String, String> rightIdToLeftLabel;
    private final List<Change> out = new ArrayList<>();

    private SnapshotDiff(Snapshot left, Snapshot right, DiffOptions options) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.options = Objects.requireNonNull(options, "options");
        this.matcher = new NamespaceMatcher(left.namespaces(), right.namespaces());
        this.rightIdToLeftLabel = matcher.rightIdToLeftLabel();
    }

    public static DiffReport compare(Snapshot left, Snapshot right) {
        return compare(left, right, DiffOptions.defaults());
    }

    public static DiffReport compare(Snapshot left, Snapshot right, DiffOptions options) {
        SnapshotDiff d = new SnapshotDiff(left, right, options);
        d.run();
        return new DiffReport(d.out);
    }

    private void run() {
        for (Namespace a : left.namespaces()) {
            Namespace b = matcher.rightOf(a);
            if (b == null) {
                out.add(Change.removed(SubjectPath.of(a), Change.NETNS, namespaceText(a)));
            } else {
                namespace(a, b);
            }
        }
        for (Namespace b : matcher.unpairedRight(right.namespaces())) {
            out.add(Change.added(SubjectPath.of(b), Change.NETNS, namespaceText(b)));
        }
    }

    private void namespace(Namespace a, Namespace b) {
        SubjectPath at = SubjectPath.of(a);
        field(at, "names", String.join(",", new TreeSet<>(a.names())), String.join(",", new TreeSet<>(b.names())));
        field(at, "init", Boolean.toString(a.init()), Boolean.toString(b.init()));
        if (!options.ignoreProperties()) {
            properties(at, a.properties(), b.properties());
        }
        Map<String, Device> devA = byKey(a.devices(), Device::name);
        Map<String, Device> devB = byKey(b.devices(), Device::name);
        for (String name : union(devA.keySet(), devB.keySet())) {
            Device da = devA.get(name);
            Device db = devB.get(name);
            SubjectPath dp = at.child(SubjectPath.DEV, name);
            if (db == null) {
                out.add(Change.removed(dp, Change.DEVICE, deviceText(da)));
            } else if (da == null) {
                out.add(Change.added(dp, Change.DEVICE, deviceText(db)));
            } else {
                device(dp, da, db);
            }
        }
        boolean bothRecorded = a.hasState() && b.hasState();
        // A snapshot holds the main table only: other tables are compared where both sides recorded them.
        routes(at, bothRecorded ? a.routes() : mainOnly(a.routes()), bothRecorded ? b.routes() : mainOnly(b.routes()));
        if (bothRecorded) {
            StateDiff.compare(at, a.state(), b.state(), out);
        }
    }

    private static List<Route> mainOnly(List<Route> routes) {
        return routes.stream().filter(Route::isMain).toList();
    }

    private void device(SubjectPath at, Device a, Device b) {
        field(at, "kind", a.kind(), b.kind());
        if (!options.ignoreIfindex()) {
            field(at, "ifindex", Integer.toString(a.ifindex()), Integer.toString(b.ifindex()));
        }
        if (!options.ignoreMac()) {
            field(at, "mac", a.mac(), b.mac());
        }
        field(at, "mtu", Integer.toString(a.mtu()), Integer.toString(b.mtu()));
        field(at, "up", Boolean.toString(a.up()), Boolean.toString(b.up()));
        if (!options.ignoreOperstate()) {
            field(at, "operstate", a.operstate(), b.operstate());
        }
        field(at, "master", a.master(), b.master());
        field(at, "peer", refText(left, a.peer(), null), refText(right, b.peer(), rightIdToLeftLabel));
        field(at, "parent", refText(left, a.parent(), null), refText(right, b.parent(), rightIdToLeftLabel));
        field(at, "skipped", Boolean.toString(a.skipped()), Boolean.toString(b.skipped()));
        if (!options.ignoreProperties()) {
            properties(at, a.properties(), b.properties());
        }
        config(at, a.config(), b.config());
        addresses(at, a.addresses(), b.addresses());
    }

    private void addresses(SubjectPath dev, List<Address> a, List<Address> b) {
        Map<String, Address> inA = byKey(kept(a), SnapshotDiff::addressKey);
        Map<String, Address> inB = byKey(kept(b), SnapshotDiff::addressKey);
        for (String key : union(inA.keySet(), inB.keySet())) {
            Address x = inA.get(key);
            Address y = inB.get(key);
            SubjectPath at = dev.child(SubjectPath.ADDR, (x != null ? x : y).cidr());
            if (y == null) {
                out.add(Change.removed(at, Change.ADDRESS, x.describe()));
            } else if (x == null) {
                out.add(Change.added(at, Change.ADDRESS, y.describe()));
            } else {
                field(at, "scope", x.scope(), y.scope());
                field(at, "flags", flagsText(x.flags()), flagsText(y.flags()));
                field(at, "label", x.label(), y.label());
            }
        }
    }

    private List<Address> kept(List<Address> all) {
        return options.ignoreLinkLocal() ? all.stream().filter(x -> !(x.isInet6() && x.isLinkLocal())).toList() : all;
    }

    private void routes(SubjectPath ns, List<Route> a, List<Route> b) {
        Map<String, Route> inA = byKey(keptRoutes(a), SnapshotDiff::routeKey);
        Map<String, Route> inB = byKey(keptRoutes(b), SnapshotDiff::routeKey);
        for (String key : union(inA.keySet(), inB.keySet())) {
            Route x = inA.get(key);
            Route y = inB.get(key);
            SubjectPath at = ns.child(SubjectPath.ROUTE, (x != null ? x : y).destination());
            if (y == null) {
                out.add(Change.removed(at, Change.ROUTE, x.describe()));
            } else if (x == null) {
                out.add(Change.added(at, Change.ROUTE, y.describe()));
            } else {
                at = ns.child(SubjectPath.ROUTE, x.destination());
                field(at, "protocol", x.protocol(), y.protocol());
                field(at, "scope", x.scope(), y.scope());
                field(at, "type", x.type(), y.type());
                field(at, "prefsrc", x.prefsrc(), y.prefsrc());
                field(at, "flags", flagsText(x.flags()), flagsText(y.flags()));
                field(at, "metrics", x.metrics().isEmpty() ? null : x.metrics().toString(),
                        y.metrics().isEmpty() ? null : y.metrics().toString());
                if (x.pref() != null && y.pref() != null) { // a hand-written route says none; the kernel says medium
                    field(at, "pref", x.pref(), y.pref());
                }
            }
        }
    }

    private List<Route> keptRoutes(List<Route> all) {
        return all.stream()
                .filter(r -> !(options.ignoreKernelRoutes() && r.isKernelMade()))
                .filter(r -> !(options.ignoreLinkLocal() && r.isInet6() && r.isLinkLocal()))
                .toList();
    }

    private void properties(SubjectPath at, Map<String, String> a, Map<String, String> b) {
        for (String key : union(new TreeSet<>(a.keySet()), new TreeSet<>(b.keySet()))) {
            field(at, Change.PROPERTY_PREFIX + key, a.get(key), b.get(key));
        }
    }

    /**
     * A device's kind settings, key by key, and its address generation mode when both sides know it (an image
     * made before netcr recorded it knows none).
     */
    private void config(SubjectPath at, LinkConfig a, LinkConfig b) {
        if (a.addrGenMode() != null && b.addrGenMode() != null) {
            field(at, "addr_gen_mode", a.addrGenMode(), b.addrGenMode());
        }
        for (String key : union(new TreeSet<>(a.data().keySet()), new TreeSet<>(b.data().keySet()))) {
            field(at, Change.CONFIG_PREFIX + key, a.data().get(key), b.data().get(key));
        }
    }

    private void field(SubjectPath at, String name, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(Change.changed(at, name, a, b));
        }
    }

    private String flagsText(List<String> flags) {
        TreeSet<String> s = new TreeSet<>(flags);
        if (options.ignoreTransientFlags()) {
            s.removeAll(TRANSIENT_FLAGS);
        }
        return s.isEmpty() ? null : String.join(",", s);
    }

    /**
     * Objects by key, sorted by key; a key seen again gets "#2", "#3" so duplicates pair up in order
     * instead of hiding one another.
     */
    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new TreeMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (T t : items) {
            String k = key.apply(t);
            int n = seen.merge(k, 1, Integer::sum);
            m.put(n == 1 ? k : k + "#" + n, t);
        }
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(Comparator.naturalOrder());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    static String addressKey(Address a) {
        return a.family() + " " + a.address() + "/" + a.prefixlen();
    }

    static String routeKey(Route r) {
        return r.family() + " " + r.destination() + (r.tos() != 0 ? " tos " + r.tos() : "") + " via " + r.gateway()
                + " dev " + r.device() + " metric " + r.metric() + (r.isMain() ? "" : " table " + r.table());
    }

    /**
     * A peer or parent as {@code LABEL/NAME}: the label of its namespace in that snapshot (for the right
     * snapshot, the label of the paired left namespace, so that renamed ids still compare equal);
     * {@code outside/NAME} when its namespace is not in the snapshot, {@code ?/NAME} when unresolved.
     */
    static String refText(Snapshot s, DeviceRef r, Map<String, String> relabel) {
        if (r == null) {
            return null;
        }
        String name = r.name() != null ? r.name() : "#" + r.ifindex();
        if (!r.isResolved()) {
            return "?/" + name;
        }
        if (relabel != null && relabel.containsKey(r.namespace())) {
            return relabel.get(r.namespace()) + "/" + name;
        }
        return s.namespace(r.namespace()).map(n -> n.label() + "/" + name).orElse(OUTSIDE + "/" + name);
    }

    static String namespaceText(Namespace n) {
        return n.label() + " (" + n.devices().size() + " devices, " + n.routes().size() + " routes)";
    }

    static String deviceText(Device d) {
        StringBuilder sb = new StringBuilder(d.kind().isEmpty() ? "-" : d.kind());
        sb.append(" mtu ").append(d.mtu()).append(d.up() ? " up" : " down");
        if (d.mac() != null) {
            sb.append(' ').append(d.mac());
        }
        if (!d.addresses().isEmpty()) {
            sb.append(' ').append(d.addresses().stream().map(Address::cidr).toList());
        }
        return sb.toString();
    }

}
