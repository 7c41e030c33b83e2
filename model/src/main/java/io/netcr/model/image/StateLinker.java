package io.netcr.model.image;

import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the state records' objrefs (see {@link StateRecords}): each names a namespace (a device, for
 * DEVICE_SYSCTLS) that the image has, and no object has two records of one type. A record whose reference
 * names nothing, or that repeats one, is reported and dropped. A namespace with any of them has a state.
 */
final class StateLinker {

    /** What one namespace's records say so far. */
    private static final class Parts {
        List<PolicyRule> rules = List.of();
        List<Neighbour> neighbours = List.of();
        Map<String, String> sysctls = Map.of();
        final Map<String, Map<String, String>> deviceSysctls = new HashMap<>();
        Firewall firewall;
    }

    private final ReadLog log;
    private final Map<Integer, Wire.NamespaceRec> namespaces;
    private final Map<Wire.NamespaceRec, Parts> parts = new IdentityHashMap<>();
    /** Per record type, the objects that have one already. */
    private final Map<Integer, Map<Object, Frame>> seen = new HashMap<>();

    private StateLinker(ReadLog log, Map<Integer, Wire.NamespaceRec> namespaces) {
        this.log = log;
        this.namespaces = namespaces;
    }

    static Map<Wire.NamespaceRec, NamespaceState> link(StateRecords.Found found, Map<Integer, Wire.NamespaceRec> namespaces,
                                                       Map<Integer, Wire.DeviceRec> devices,
                                                       Map<Wire.DeviceRec, Wire.NamespaceRec> home, ReadLog log) {
        StateLinker l = new StateLinker(log, namespaces);
        found.states.forEach(r -> l.of(r.frame(), r.nsRef()));
        for (StateRecords.RulesRec r : found.rules) {
            Parts p = l.of(r.frame(), r.nsRef());
            if (p != null) {
                p.rules = r.rules();
            }
        }
        for (StateRecords.NeighboursRec r : found.neighbours) {
            Parts p = l.of(r.frame(), r.nsRef());
            if (p != null) {
                p.neighbours = r.neighbours();
            }
        }
        for (StateRecords.SysctlsRec r : found.sysctls) {
            Parts p = l.of(r.frame(), r.nsRef());
            if (p != null) {
                p.sysctls = r.sysctls();
            }
        }
        for (StateRecords.FirewallRec r : found.firewalls) {
            Parts p = l.of(r.frame(), r.nsRef());
            if (p != null) {
                p.firewall = r.firewall();
            }
        }
        for (StateRecords.DeviceSysctlsRec r : found.deviceSysctls) {
            Wire.DeviceRec dev = devices.get(r.deviceRef());
            if (dev == null) {
                log.damage(Errno.EINVAL, r.frame(), "device ref " + Integer.toUnsignedString(r.deviceRef())
                        + " names no device; its " + r.sysctls().size() + " sysctls are dropped");
            } else if (l.first(r.frame(), dev)) {
                l.parts.computeIfAbsent(home.get(dev), k -> new Parts()).deviceSysctls.put(dev.name(), r.sysctls());
            }
        }
        Map<Wire.NamespaceRec, NamespaceState> out = new IdentityHashMap<>();
        l.parts.forEach((ns, p) -> out.put(ns, new NamespaceState(p.rules, p.neighbours, p.sysctls, p.deviceSysctls,
                p.firewall)));
        return out;
    }

    /** The parts of the namespace a record names, or null (reported) when it names none or repeats a record. */
    private Parts of(Frame f, int nsRef) {
        Wire.NamespaceRec ns = namespaces.get(nsRef);
        if (ns == null) {
            log.damage(Errno.EINVAL, f, "namespace ref " + Integer.toUnsignedString(nsRef) + " names no namespace; "
                    + "the record is dropped");
            return null;
        }
        return first(f, ns) ? parts.computeIfAbsent(ns, k -> new Parts()) : null;
    }

    /** True for the first record of its type for this object; a later one is reported. */
    private boolean first(Frame f, Object owner) {
        Frame earlier = seen.computeIfAbsent(f.type(), k -> new IdentityHashMap<>()).putIfAbsent(owner, f);
        if (earlier != null) {
            log.damage(Errno.EEXIST, f, "a second " + ImageFormat.typeName(f.type()) + " record for the same "
                    + (owner instanceof Wire.DeviceRec d ? "device '" + d.name() + "'" : "namespace '"
                    + ((Wire.NamespaceRec) owner).id() + "'") + " (record " + earlier.index() + " is used); it is dropped");
            return false;
        }
        return true;
    }
}
