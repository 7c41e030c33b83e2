package io.netcr.app.graph;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The objects of a snapshot by their subject path, and each veth's peer: what selection needs. */
public final class SnapshotIndex {

    private final Snapshot snapshot;
    private final Map<SubjectPath, Object> objects = new LinkedHashMap<>();
    private final Map<SubjectPath, Namespace> namespaceOf = new HashMap<>();

    public SnapshotIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Namespace ns : snapshot.namespaces()) {
            SubjectPath nsPath = SubjectPath.of(ns);
            objects.put(nsPath, ns);
            for (Device d : ns.devices()) {
                SubjectPath dev = SubjectPath.of(ns, d);
                objects.put(dev, d);
                namespaceOf.put(dev, ns);
                for (Address a : d.addresses()) {
                    objects.put(addressPath(ns, d, a), a);
                }
            }
        }
    }

    public static SubjectPath addressPath(Namespace ns, Device d, Address a) {
        return SubjectPath.of(ns, d).child(SubjectPath.ADDR, a.cidr());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Every namespace, device and address path, namespaces first within each namespace's block. */
    public Map<SubjectPath, Object> objects() {
        return objects;
    }

    /** The namespace, device or address at this path. */
    public Optional<Object> find(SubjectPath path) {
        return Optional.ofNullable(objects.get(path));
    }

    public Optional<Namespace> namespaceOfDevice(SubjectPath device) {
        return Optional.ofNullable(namespaceOf.get(device));
    }

    /** The path of the device at the other end of a veth, when it is in the snapshot. */
    public Optional<SubjectPath> peerOf(SubjectPath device) {
        Object o = objects.get(device);
        if (!(o instanceof Device d) || d.peer() == null) {
            return Optional.empty();
        }
        DeviceRef ref = d.peer();
        return Optional.ofNullable(ref.namespace()).flatMap(snapshot::namespace).flatMap(ns ->
                (ref.ifindex() > 0 ? ns.device(ref.ifindex()) : Optional.<Device>empty())
                        .or(() -> ref.name() == null ? Optional.empty() : ns.device(ref.name()))
                        .map(peer -> SubjectPath.of(ns, peer)));
    }

    /** How a reference reads to a person: {@code web/eth0}, or what is known of it when it is outside. */
    public String describe(DeviceRef ref) {
        if (ref == null) {
            return "";
        }
        String ns = ref.namespace() == null ? "?" : snapshot.namespace(ref.namespace()).map(Namespace::label)
                .orElse(ref.namespace() + " (not in snapshot)");
        return ns + "/" + (ref.name() != null ? ref.name() : "#" + ref.ifindex());
    }
}
