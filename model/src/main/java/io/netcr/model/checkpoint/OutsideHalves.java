package io.netcr.model.checkpoint;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the outside halves of veth pairs that cross the edge of a checkpointed set. The image keeps
 * them in its init namespace record (the seed's {@code init_netns_ref}), because restore recreates them
 * in the restorer's namespace and configures them as they were (the step CRIU users had to do by hand).
 */
final class OutsideHalves {

    private final Snapshot live;
    private final String initId;
    private final Map<String, Device> byName = new LinkedHashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    OutsideHalves(Snapshot live, String initId) {
        this.live = live;
        this.initId = initId;
    }

    List<Diagnostic> problems() {
        return problems;
    }

    /** Records the outside peer of {@code d} (a veth of {@code ns}) and returns the reference to it. */
    DeviceRef recordPeerOf(Namespace ns, Device d) {
        DeviceRef peer = d.peer();
        Namespace peerNs = live.namespace(peer.namespace()).orElse(null);
        Device other = peerNs == null ? null : peerNs.device(peer.ifindex()).orElse(null);
        if (other == null) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.of(ns, d), Phase.CHECKPOINT, "the peer of veth "
                    + d.name() + " (" + peer.name() + ") vanished while checkpointing; try again"));
            return peer;
        }
        Device.Builder half = other.toBuilder().peer(new DeviceRef(ns.id(), d.ifindex(), d.name()));
        if (!peerNs.init() && other.master() != null) {
            half.master(null); // its bridge is in a namespace the image does not restore
        }
        Device existing = byName.get(other.name());
        if (existing != null) {
            problems.add(Diagnostic.error(Errno.EEXIST, SubjectPath.of(ns, d), Phase.CHECKPOINT, "the outside halves of "
                    + "two veth pairs are both called " + other.name() + "; restore would put both in one namespace. "
                    + "Add the namespace holding " + other.name() + " to the set, or rename one of them"));
            return new DeviceRef(initId, other.ifindex(), other.name());
        }
        int ifindex = freeIfindex(other.ifindex());
        byName.put(other.name(), half.ifindex(ifindex).build());
        if (peerNs.init() && other.master() != null) {
            peerNs.device(other.master()).ifPresent(m -> byName.putIfAbsent(m.name(), m.toBuilder().ifindex(freeIfindex(m.ifindex())).build()));
        }
        return new DeviceRef(initId, ifindex, other.name());
    }

    /**
     * Records the device {@code d} (a macvlan, vlan, vxlan, ... of {@code ns}) sits on outside the set, so that a
     * restore finds it again by name in the restorer's namespace (and {@code --rename dev:OLD=NEW} can map it),
     * and returns the reference to it. Unlike an outside half it is not made by the restore, so only what
     * names it is kept: no addresses, master or peer.
     */
    DeviceRef recordParentOf(Namespace ns, Device d) {
        DeviceRef parent = d.parent();
        Device other = live.namespace(parent.namespace()).flatMap(n -> n.device(parent.ifindex())).orElse(null);
        if (other == null) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.of(ns, d), Phase.CHECKPOINT, "the device "
                    + d.name() + " sits on (" + parent.name() + ") vanished while checkpointing; try again"));
            return parent;
        }
        Device existing = byName.get(other.name());
        if (existing != null) {
            return new DeviceRef(initId, existing.ifindex(), existing.name()); // an outside half, or shared
        }
        int ifindex = freeIfindex(other.ifindex());
        byName.put(other.name(), other.toBuilder().ifindex(ifindex).addresses(List.of()).master(null).peer(null)
                .parent(null).build());
        return new DeviceRef(initId, ifindex, other.name());
    }

    private int freeIfindex(int wanted) {
        int index = wanted;
        while (isTaken(index)) {
            index++;
        }
        return index;
    }

    private boolean isTaken(int ifindex) {
        return byName.values().stream().anyMatch(x -> x.ifindex() == ifindex);
    }

    /** The image's record of the init namespace: the outside halves, their bridges and their routes. */
    Namespace initNamespace(Namespace liveInit) {
        List<Route> routes = liveInit == null ? List.of() : liveInit.routes().stream()
                .filter(r -> !r.isKernelMade() && r.device() != null && byName.containsKey(r.device()))
                .toList();
        return new Namespace(initId, liveInit == null ? List.of() : liveInit.names(), List.of(), true,
                List.copyOf(byName.values()), routes, Map.of());
    }
}
