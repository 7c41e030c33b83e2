package io.netcr.model.validate;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups of namespaces by id and devices by ifindex or name, built once. The model's own finders scan
 * lists, which makes checking every reference of a snapshot quadratic; a hostile file with a hundred
 * thousand devices must not turn that into minutes. Where ids, names or indexes repeat, the first one
 * wins, as with the model's finders.
 */
public final class DeviceIndex {

    private final Map<String, Namespace> byId = new HashMap<>();
    private final Map<Namespace, Map<Integer, Device>> byIndex = new IdentityHashMap<>();
    private final Map<Namespace, Map<String, Device>> byName = new IdentityHashMap<>();

    public DeviceIndex(Snapshot s) {
        for (Namespace ns : s.namespaces()) {
            byId.putIfAbsent(ns.id(), ns);
            Map<Integer, Device> indexes = new HashMap<>();
            Map<String, Device> names = new HashMap<>();
            for (Device d : ns.devices()) {
                indexes.putIfAbsent(d.ifindex(), d);
                names.putIfAbsent(d.name(), d);
            }
            byIndex.put(ns, indexes);
            byName.put(ns, names);
        }
    }

    public Optional<Namespace> namespace(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Device> device(Namespace ns, int ifindex) {
        return Optional.ofNullable(byIndex.getOrDefault(ns, Map.of()).get(ifindex));
    }

    public Optional<Device> device(Namespace ns, String name) {
        return Optional.ofNullable(byName.getOrDefault(ns, Map.of()).get(name));
    }

    /** True when the reference names a namespace of the snapshot (whether or not the device is there). */
    public boolean isInside(DeviceRef ref) {
        return ref != null && ref.isResolved() && byId.containsKey(ref.namespace());
    }

    /** The device a resolved reference names, when its namespace is in the snapshot and has it. */
    public Optional<Device> target(DeviceRef ref) {
        if (!isInside(ref)) {
            return Optional.empty();
        }
        return device(byId.get(ref.namespace()), ref.ifindex());
    }

    /** True when device {@code d} of {@code ns} has a peer in the snapshot that names it back. */
    public boolean peerIsSymmetric(Namespace ns, Device d) {
        return target(d.peer()).map(t -> t != d && pointsBack(ns, d, t.peer())).orElse(false);
    }

    static boolean pointsBack(Namespace ns, Device d, DeviceRef back) {
        return back != null && ns.id().equals(back.namespace()) && back.ifindex() == d.ifindex();
    }
}
