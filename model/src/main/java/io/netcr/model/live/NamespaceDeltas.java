package io.netcr.model.live;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Holder;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.diff.ChangeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed in one namespace between two readings, as {@link Delta}s: devices matched by ifindex (a
 * rename is a changed name, as the kernel sees it), addresses by family, address and prefix length,
 * routes by family, destination, gateway, device and metric. A namespace that appears brings its devices,
 * addresses and routes as added; one that goes is one removal (its contents go with it). Pure function.
 */
public final class NamespaceDeltas {

    private final Function<String, String> labelOf;
    private final List<Delta> out = new ArrayList<>();
    private String id;
    private String label;

    /** @param labelOf the label of a namespace by id (for peers and parents), null when unknown */
    private NamespaceDeltas(Function<String, String> labelOf) {
        this.labelOf = labelOf;
    }

    /** The deltas from {@code before} to {@code after}; either may be null (added, removed). */
    public static List<Delta> between(Namespace before, Namespace after, Function<String, String> labelOf) {
        NamespaceDeltas d = new NamespaceDeltas(labelOf);
        d.run(before, after);
        return d.out;
    }

    private void run(Namespace a, Namespace b) {
        Namespace any = b != null ? b : a;
        id = any.id();
        label = any.label();
        if (b == null) {
            out.add(new Delta(Delta.Kind.NAMESPACE, ChangeKind.REMOVED, id, label, null, a.label(), List.of()));
            return;
        }
        if (a == null) {
            out.add(new Delta(Delta.Kind.NAMESPACE, ChangeKind.ADDED, id, label, null, b.label(), List.of()));
        } else {
            List<Delta.Field> f = new ArrayList<>();
            field(f, "names", String.join(",", a.names()), String.join(",", b.names()));
            field(f, "holders", holders(a), holders(b));
            changed(Delta.Kind.NAMESPACE, null, a.label(), f);
        }
        devices(a == null ? List.of() : a.devices(), b.devices());
        routes(a == null ? List.of() : a.routes(), b.routes());
    }

    private void devices(List<Device> before, List<Device> after) {
        Map<Integer, Device> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(d.ifindex(), d));
        for (Device d : after) {
            Device o = old.remove(d.ifindex());
            if (o == null) {
                out.add(new Delta(Delta.Kind.DEVICE, ChangeKind.ADDED, id, label, null, d.name(), List.of()));
                addresses(d.name(), List.of(), d.addresses());
            } else if (!o.equals(d)) { // (most of a namespace is as it was: a hub of 1000 veths, one changed)
                device(o, d);
                addresses(d.name(), o.addresses(), d.addresses());
            }
        }
        for (Device o : old.values()) {
            out.add(new Delta(Delta.Kind.DEVICE, ChangeKind.REMOVED, id, label, null, o.name(), List.of()));
        }
    }

    private void device(Device a, Device b) {
        List<Delta.Field> f = new ArrayList<>();
        field(f, "name", a.name(), b.name());
        field(f, "kind", a.kind(), b.kind());
        field(f, "mac", a.mac(), b.mac());
        field(f, "mtu", Integer.toString(a.mtu()), Integer.toString(b.mtu()));
        field(f, "up", Boolean.toString(a.up()), Boolean.toString(b.up()));
        field(f, "operstate", a.operstate(), b.operstate());
        field(f, "master", a.master(), b.master());
        field(f, "peer", ref(a.peer()), ref(b.peer()));
        field(f, "parent", ref(a.parent()), ref(b.parent()));
        for (String key : keys(a.properties(), b.properties())) {
            field(f, "property:" + key, a.properties().get(key), b.properties().get(key));
        }
        changed(Delta.Kind.DEVICE, null, b.name(), f);
    }

    private void addresses(String device, List<Address> before, List<Address> after) {
        Map<String, Address> old = new TreeMap<>();
        before.forEach(x -> old.put(key(x), x));
        for (Address y : after) {
            Address x = old.remove(key(y));
            if (x == null) {
                out.add(new Delta(Delta.Kind.ADDRESS, ChangeKind.ADDED, id, label, device, y.cidr(), List.of()));
            } else {
                List<Delta.Field> f = new ArrayList<>();
                field(f, "scope", x.scope(), y.scope());
                field(f, "flags", String.join(",", x.flags()), String.join(",", y.flags()));
                field(f, "label", x.label(), y.label());
                changed(Delta.Kind.ADDRESS, device, y.cidr(), f);
            }
        }
        for (Address x : old.values()) {
            out.add(new Delta(Delta.Kind.ADDRESS, ChangeKind.REMOVED, id, label, device, x.cidr(), List.of()));
        }
    }

    private void routes(List<Route> before, List<Route> after) {
        Map<String, Route> old = new TreeMap<>();
        before.forEach(r -> old.put(key(r), r));
        for (Route y : after) {
            Route x = old.remove(key(y));
            if (x == null) {
                out.add(new Delta(Delta.Kind.ROUTE, ChangeKind.ADDED, id, label, null, y.describe(), List.of()));
            } else {
                List<Delta.Field> f = new ArrayList<>();
                field(f, "protocol", x.protocol(), y.protocol());
                field(f, "scope", x.scope(), y.scope());
                field(f, "type", x.type(), y.type());
                field(f, "prefsrc", x.prefsrc(), y.prefsrc());
                changed(Delta.Kind.ROUTE, null, x.describe(), f);
            }
        }
        for (Route x : old.values()) {
            out.add(new Delta(Delta.Kind.ROUTE, ChangeKind.REMOVED, id, label, null, x.describe(), List.of()));
        }
    }

    private void changed(Delta.Kind kind, String device, String name, List<Delta.Field> fields) {
        if (!fields.isEmpty()) {
            out.add(new Delta(kind, ChangeKind.CHANGED, id, label, device, name, fields));
        }
    }

    private static void field(List<Delta.Field> f, String name, String a, String b) {
        if (!Objects.equals(a, b)) {
            f.add(new Delta.Field(name, a, b));
        }
    }

    private String ref(DeviceRef r) {
        if (r == null) {
            return null;
        }
        String name = r.name() != null ? r.name() : "#" + r.ifindex();
        String ns = r.namespace() == null ? "?" : labelOf.apply(r.namespace());
        return (ns == null ? r.namespace() : ns) + "/" + name;
    }

    private static String holders(Namespace n) {
        return String.join(",", n.holders().stream().map(Holder::pid).map(String::valueOf).toList());
    }

    private static Set<String> keys(Map<String, String> a, Map<String, String> b) {
        Set<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static String key(Address a) {
        return a.family() + " " + a.cidr();
    }

    private static String key(Route r) {
        return r.family() + " " + r.destination() + " " + r.gateway() + " " + r.device() + " " + r.metric();
    }
}
