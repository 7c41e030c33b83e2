package io.netcr.app.graph;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link Topology} of a snapshot: what is drawn, and what joins what. */
public final class TopologyBuilder {

    private final Snapshot snapshot;
    private final Map<SubjectPath, Topology.Node> externals = new LinkedHashMap<>();
    private final List<Topology.Edge> edges = new ArrayList<>();
    /** Veth pairs already drawn, keyed by both ends sorted, so that each pair gives one edge. */
    private final Set<List<String>> pairs = new HashSet<>();

    private TopologyBuilder(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public static Topology build(Snapshot snapshot) {
        return new TopologyBuilder(snapshot).build();
    }

    private Topology build() {
        List<Namespace> ordered = new ArrayList<>(snapshot.namespaces());
        // The init namespace goes first: cross-namespace edges are oriented from earlier to later boxes.
        ordered.sort(Comparator.comparing(ns -> !ns.init()));
        List<Topology.Box> boxes = new ArrayList<>();
        for (Namespace ns : ordered) {
            List<Topology.Node> nodes = new ArrayList<>();
            for (Device d : ns.devices()) {
                nodes.add(new Topology.Node(SubjectPath.of(ns, d), SubjectPath.of(ns), NodeKind.of(d), d, null));
            }
            boxes.add(new Topology.Box(SubjectPath.of(ns), ns, nodes));
        }
        for (Namespace ns : ordered) {
            for (Device d : ns.devices()) {
                SubjectPath self = SubjectPath.of(ns, d);
                if (d.peer() != null) {
                    peerEdge(self, d.peer());
                }
                if (d.parent() != null) {
                    edges.add(new Topology.Edge(self, target(d.parent()), EdgeKind.PARENT));
                }
                if (d.master() != null && ns.device(d.master()).isPresent()) {
                    edges.add(new Topology.Edge(self, SubjectPath.of(ns).child(SubjectPath.DEV, d.master()),
                            EdgeKind.BRIDGE_PORT));
                }
            }
        }
        return new Topology(boxes, List.copyOf(externals.values()), edges);
    }

    private void peerEdge(SubjectPath self, DeviceRef peer) {
        SubjectPath other = target(peer);
        List<String> key = new ArrayList<>(List.of(self.toString(), other.toString()));
        key.sort(null);
        if (pairs.add(key)) {
            edges.add(new Topology.Edge(self, other, EdgeKind.PEER));
        }
    }

    /** The drawn path of a referenced device: the device itself, or an external stub standing for it. */
    private SubjectPath target(DeviceRef ref) {
        Optional<Namespace> ns = ref.isResolved() ? snapshot.namespace(ref.namespace()) : Optional.empty();
        Optional<Device> dev = ns.flatMap(n -> ref.ifindex() > 0 ? n.device(ref.ifindex()) : Optional.empty())
                .or(() -> ns.flatMap(n -> ref.name() == null ? Optional.empty() : n.device(ref.name())));
        if (dev.isPresent()) {
            return SubjectPath.of(ns.get(), dev.get());
        }
        String where = ref.isResolved() ? ref.namespace() : "?";
        String what = ref.name() != null ? ref.name() : "#" + ref.ifindex();
        SubjectPath stub = SubjectPath.of(GraphDrawing.EXTERNAL, where + " " + what);
        externals.computeIfAbsent(stub, p -> new Topology.Node(p, null, NodeKind.EXTERNAL, null, ref));
        return stub;
    }
}
