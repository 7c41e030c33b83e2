package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Errno;
import io.netcr.model.LinkConfig;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the objrefs of decoded records into a snapshot. Every reference is checked before it is
 * used: that it names an object, and an object of the right type (the init-namespace reference first,
 * as the seed's reviewer asked). An object whose own reference is broken (a device whose namespace
 * reference names nothing) is dropped; a broken reference to another object (a master, a peer) is
 * dropped from the object that holds it.
 */
final class ImageLinker {

    private final ReadLog log;
    /** objref -> NamespaceRec or DeviceRec, the first record that claimed it. */
    private final Map<Integer, Object> objects = new HashMap<>();
    private final Map<Integer, Wire.NamespaceRec> namespaces = new LinkedHashMap<>();
    /** The devices kept, by objref, with the namespace each lives in. */
    private final Map<Integer, Wire.DeviceRec> devices = new LinkedHashMap<>();
    private final Map<Wire.DeviceRec, Wire.NamespaceRec> home = new IdentityHashMap<>();
    /** The devices kept, per namespace, in file order. */
    private final Map<Wire.NamespaceRec, List<Wire.DeviceRec>> members = new IdentityHashMap<>();

    private ImageLinker(ReadLog log) {
        this.log = log;
    }

    static Snapshot link(Decoded d, String origin, SubjectPath file, ReadLog log) {
        return new ImageLinker(log).run(d, origin, file);
    }

    private Snapshot run(Decoded d, String origin, SubjectPath file) {
        Wire.SourceRec src = source(d, file);
        // In file order, so that of two records claiming one objref the earlier keeps it.
        List<Object> all = new ArrayList<>(d.namespaces);
        all.addAll(d.devices);
        all.sort(Comparator.comparingInt(o -> frameOf(o).index()));
        List<Wire.DeviceRec> claimed = new ArrayList<>();
        for (Object o : all) {
            if (o instanceof Wire.NamespaceRec ns && register(ns.ref(), ns, ns.frame())) {
                namespaces.put(ns.ref(), ns);
            } else if (o instanceof Wire.DeviceRec dev && register(dev.ref(), dev, dev.frame())) {
                claimed.add(dev);
            }
        }
        checkInit(src);
        for (Wire.DeviceRec dev : claimed) {
            placeDevice(dev);
        }
        Map<Wire.DeviceRec, List<Address>> addresses = addresses(d);
        Map<Wire.DeviceRec, LinkConfig> configs = configs(d);
        Map<Wire.NamespaceRec, List<Route>> routes = routes(d);
        Map<Wire.NamespaceRec, NamespaceState> states = StateLinker.link(d.state, namespaces, devices, home, log);
        List<Namespace> built = new ArrayList<>();
        for (Wire.NamespaceRec ns : namespaces.values()) {
            List<Device> devs = new ArrayList<>();
            for (Wire.DeviceRec dev : members.getOrDefault(ns, List.of())) {
                devs.add(device(dev, ns, addresses.getOrDefault(dev, List.of()), configs.get(dev)));
            }
            built.add(new Namespace(ns.id(), ns.names(), ns.holders(), ns.init(), devs,
                    routes.getOrDefault(ns, List.of()), ns.properties(), states.get(ns)));
        }
        Source source = src == null ? new Source(Source.IMAGE, null, null, null, origin, null)
                : new Source(Source.IMAGE, src.host(), src.kernel(), src.time(), origin, src.tool());
        return new Snapshot(source, built, d.diagnostics);
    }

    private Wire.SourceRec source(Decoded d, SubjectPath file) {
        if (d.sources.isEmpty()) {
            log.error(Errno.EBADMSG, file, "the image has no readable source record: host, kernel, time and the"
                    + " init namespace are unknown");
            return null;
        }
        for (Wire.SourceRec extra : d.sources.subList(1, d.sources.size())) {
            log.damage(Errno.EEXIST, extra.frame(), "a second source record; record "
                    + d.sources.get(0).frame().index() + " is the one used");
        }
        return d.sources.get(0);
    }

    /** Claims an objref; false (and reported) when it is 0 or already taken. */
    private boolean register(int ref, Object rec, Frame f) {
        if (ref == 0) {
            log.damage(Errno.EINVAL, f, "objref 0 is reserved for 'none'; the object is dropped");
            return false;
        }
        Object earlier = objects.putIfAbsent(ref, rec);
        if (earlier != null) {
            log.damage(Errno.EEXIST, f, "objref " + u(ref) + " is already used by record " + frameOf(earlier).index()
                    + "; this " + ImageFormat.typeName(f.type()) + " is dropped");
            return false;
        }
        return true;
    }

    private void checkInit(Wire.SourceRec src) {
        int ref = src == null ? 0 : src.initRef();
        if (ref != 0) {
            Object o = objects.get(ref);
            if (o == null) {
                log.damage(Errno.EINVAL, src.frame(), "init namespace ref " + u(ref) + " names no object");
            } else if (!(o instanceof Wire.NamespaceRec ns)) {
                log.damage(Errno.EINVAL, src.frame(), "init namespace ref " + u(ref) + " names a "
                        + ImageFormat.typeName(frameOf(o).type()) + ", not a namespace");
            } else if (!ns.init()) {
                log.damage(Errno.EINVAL, src.frame(), "init namespace ref " + u(ref) + " names namespace '" + ns.id()
                        + "', which is not marked init");
            }
        }
        for (Wire.NamespaceRec ns : namespaces.values()) {
            if (ns.init() && ns.ref() != ref && src != null) {
                log.error(Errno.EINVAL, path(ns), ReadLog.where(ns.frame()) + "the namespace is marked init but the"
                        + " source's init namespace ref is " + u(ref) + ", not " + u(ns.ref()));
            }
        }
    }

    private void placeDevice(Wire.DeviceRec dev) {
        Object o = objects.get(dev.nsRef());
        if (o instanceof Wire.NamespaceRec ns && namespaces.get(dev.nsRef()) == ns) {
            devices.put(dev.ref(), dev);
            home.put(dev, ns);
            members.computeIfAbsent(ns, k -> new ArrayList<>()).add(dev);
            return;
        }
        String what = o == null ? "names no object" : "names a " + ImageFormat.typeName(frameOf(o).type())
                + ", not a namespace";
        log.error(Errno.EINVAL, ReadLog.record(dev.frame().index()).child(SubjectPath.DEV, dev.name()),
                ReadLog.where(dev.frame()) + "device '" + dev.name() + "': namespace ref " + u(dev.nsRef()) + " " + what
                        + "; the device is dropped");
    }

    private Device device(Wire.DeviceRec dev, Wire.NamespaceRec ns, List<Address> addresses, LinkConfig config) {
        SubjectPath at = path(ns).child(SubjectPath.DEV, dev.name());
        String master = null;
        if (dev.masterRef() != 0) {
            Wire.DeviceRec m = devices.get(dev.masterRef());
            if (m == null || home.get(m) != ns) {
                log.error(Errno.EINVAL, at, ReadLog.where(dev.frame()) + "master ref " + u(dev.masterRef())
                        + (m == null ? " names no device" : " names a device of another namespace")
                        + "; the master is dropped");
            } else {
                master = m.name();
            }
        }
        return Device.builder(dev.ifindex(), dev.name(), dev.kind()).mac(dev.mac()).mtu(dev.mtu()).up(dev.up())
                .operstate(dev.operstate()).master(master).peer(ref(dev, dev.peer(), "peer", at))
                .parent(ref(dev, dev.parent(), "parent", at)).addresses(addresses).skipped(dev.skipped())
                .properties(dev.properties()).config(config).build();
    }

    private DeviceRef ref(Wire.DeviceRec dev, Wire.RefRec r, String what, SubjectPath at) {
        switch (r.tag()) {
            case ImageFormat.REF_NONE:
                return null;
            case ImageFormat.REF_EXTERNAL:
                return new DeviceRef(r.namespace(), r.ifindex(), r.name());
            case ImageFormat.REF_UNRESOLVED:
                return new DeviceRef(null, r.ifindex(), r.name());
            default:
                Wire.DeviceRec t = devices.get(r.objref());
                if (t == null) {
                    log.error(Errno.EINVAL, at, ReadLog.where(dev.frame()) + what + " ref " + u(r.objref())
                            + " names no device; the " + what + " is kept as unresolved");
                    return new DeviceRef(null, 0, null);
                }
                return new DeviceRef(home.get(t).id(), t.ifindex(), t.name());
        }
    }

    private Map<Wire.DeviceRec, List<Address>> addresses(Decoded d) {
        Map<Wire.DeviceRec, List<Address>> out = new IdentityHashMap<>();
        for (Wire.AddressesRec list : d.addresses) {
            Wire.DeviceRec dev = devices.get(list.deviceRef());
            if (dev == null) {
                log.damage(Errno.EINVAL, list.frame(), "device ref " + u(list.deviceRef()) + " names no device; "
                        + list.addresses().size() + " addresses are dropped");
            } else if (out.putIfAbsent(dev, list.addresses()) != null) {
                log.damage(Errno.EEXIST, list.frame(), "a second address list for device '" + dev.name()
                        + "'; it is dropped");
            }
        }
        return out;
    }

    /** Each device's LINK record: one at most, naming a device that was kept. */
    private Map<Wire.DeviceRec, LinkConfig> configs(Decoded d) {
        Map<Wire.DeviceRec, LinkConfig> out = new IdentityHashMap<>();
        for (Wire.LinkRec link : d.links) {
            Wire.DeviceRec dev = devices.get(link.deviceRef());
            if (dev == null) {
                log.damage(Errno.EINVAL, link.frame(), "device ref " + u(link.deviceRef()) + " names no device; its "
                        + "settings are dropped");
            } else if (out.putIfAbsent(dev, link.config()) != null) {
                log.damage(Errno.EEXIST, link.frame(), "a second link record for device '" + dev.name()
                        + "'; it is dropped");
            }
        }
        return out;
    }

    private Map<Wire.NamespaceRec, List<Route>> routes(Decoded d) {
        Map<Wire.NamespaceRec, List<Route>> out = new IdentityHashMap<>();
        for (Wire.RoutesRec list : d.routes) {
            Wire.NamespaceRec ns = namespaces.get(list.nsRef());
            if (ns == null) {
                log.damage(Errno.EINVAL, list.frame(), "namespace ref " + u(list.nsRef()) + " names no namespace; "
                        + list.routes().size() + " routes are dropped");
            } else if (out.putIfAbsent(ns, list.routes()) != null) {
                log.damage(Errno.EEXIST, list.frame(), "a second route list for namespace '" + ns.id()
                        + "'; it is dropped");
            }
        }
        return out;
    }

    private static SubjectPath path(Wire.NamespaceRec ns) {
        return SubjectPath.of(new Namespace(ns.id(), ns.names(), ns.holders(), ns.init(), null, null, null));
    }

    /** Objrefs are u32 in the file and int here; print them as the file has them. */
    private static String u(int ref) {
        return Integer.toUnsignedString(ref);
    }

    private static Frame frameOf(Object rec) {
        return rec instanceof Wire.NamespaceRec ns ? ns.frame() : ((Wire.DeviceRec) rec).frame();
    }
}
