package io.netcr.app.graph;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Builds the {@link Topology} of a snapshot: what is drawn, and what joins what. */
public final class TopologyBuilder {

    private final Snapshot snapshot;
    private final Map<SubjectPath, Topology.Node> externals = new LinkedHashMap<>();
    private final List<Topology.Edge> edges = new ArrayList<>();
    /** Veth pairs already drawn, keyed by both ends sorted, so that each pair gives one edge. */
    private final Set<List<String>> pairs = new HashSet<>();
    /** The namespaces by id, and each one's devices by ifindex and by name (first of each, as Snapshot and
     *  Namespace find them): a star's thousand peers would otherwise each search every namespace and device. */
    private final Map<String, Namespace> byId = new HashMap<>();
    private final Map<String, Map<Integer, Device>> byIndex = new HashMap<>();
    private final Map<String, Map<String, Device>> byName = new HashMap<>();

    private TopologyBuilder(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Namespace ns : snapshot.namespaces()) {
            byId.putIfAbsent(ns.id(), ns);
        }
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
        Optional<Namespace> ns = ref.isResolved() ? Optional.ofNullable(byId.get(ref.namespace())) : Optional.empty();
        Optional<Device> dev = ns.flatMap(n -> ref.ifindex() > 0 ? byIndex(n, ref.ifindex()) : Optional.empty())
                .or(() -> ns.flatMap(n -> ref.name() == null ? Optional.empty() : byName(n, ref.name())));
        if (dev.isPresent()) {
            return SubjectPath.of(ns.get(), dev.get());
        }
        String where = ref.isResolved() ? ref.namespace() : "?";
        String what = ref.name() != null ? ref.name() : "#" + ref.ifindex();
        SubjectPath stub = SubjectPath.of(GraphDrawing.EXTERNAL, where + " " + what);
        externals.computeIfAbsent(stub, p -> new Topology.Node(p, null, NodeKind.EXTERNAL, null, ref));
        return stub;
    }

    private Optional<Device> byIndex(Namespace ns, int ifindex) {
        return indexed(byIndex, ns, Device::ifindex).map(m -> m.get(ifindex));
    }

    private Optional<Device> byName(Namespace ns, String name) {
        return indexed(byName, ns, Device::name).map(m -> m.get(name));
    }

    /** {@code ns}'s devices by {@code key} (the first of each), made once per namespace. */
    private static <K> Optional<Map<K, Device>> indexed(Map<String, Map<K, Device>> all, Namespace ns,
                                                        Function<Device, K> key) {
        return Optional.of(all.computeIfAbsent(ns.id(), id -> {
            Map<K, Device> m = new HashMap<>();
            ns.devices().forEach(d -> m.putIfAbsent(key.apply(d), d));
            return m;
        }));
    }
}
