package io.netcr.model.validate;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;

import java.util.Optional;

/**
 * References from a device to a device elsewhere (a veth's peer, a macvlan's parent), by namespace id
 * and ifindex. A reference into a namespace that is not in the snapshot is external (the host half of
 * a container's veth) and is taken on trust; one into a namespace that is in the snapshot must name a
 * device there, and a peer must point back.
 */
final class PeerChecks {

    private PeerChecks() {
    }

    static void check(Snapshot s, DeviceIndex index, Findings f) {
        for (Namespace ns : s.namespaces()) {
            for (Device d : ns.devices()) {
                SubjectPath at = SubjectPath.of(ns, d);
                checkRef(index, d.peer(), "peer", at, f).ifPresent(target -> {
                    if (target == d) {
                        f.error(Errno.EINVAL, at, "device is its own peer");
                    } else if (!DeviceIndex.pointsBack(ns, d, target.peer())) {
                        f.error(Errno.EINVAL, at, "peer " + describe(d.peer()) + " does not name this device as its peer"
                                + " (it names " + describe(target.peer()) + ")");
                    }
                });
                checkRef(index, d.parent(), "parent", at, f);
            }
        }
    }

    private static Optional<Device> checkRef(DeviceIndex index, DeviceRef ref, String what, SubjectPath at,
                                             Findings f) {
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.ifindex() < 0) {
            f.error(Errno.EINVAL, at, what + " ifindex " + ref.ifindex() + " is negative");
        }
        if (!index.isInside(ref)) {
            return Optional.empty(); // unresolved or outside the snapshot: nothing to compare with
        }
        Optional<Device> target = index.target(ref);
        if (target.isEmpty()) {
            f.error(Errno.EINVAL, at, what + " " + describe(ref) + " names a namespace of this snapshot that has no"
                    + " device with ifindex " + ref.ifindex());
            return Optional.empty();
        }
        if (ref.name() != null && !ref.name().equals(target.get().name())) {
            f.error(Errno.EINVAL, at, what + " " + describe(ref) + " is named '" + target.get().name() + "' in its namespace");
        }
        return target;
    }

    static String describe(DeviceRef r) {
        if (r == null) {
            return "(none)";
        }
        String name = r.name() == null ? "#" + r.ifindex() : r.name() + "#" + r.ifindex();
        return r.isResolved() ? r.namespace() + "/" + name : "unresolved " + name;
    }
}
