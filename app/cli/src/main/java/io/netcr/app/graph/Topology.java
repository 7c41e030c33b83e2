package io.netcr.app.graph;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import java.util.List;

/**
 * The graph of a snapshot before layout: namespaces as boxes holding device nodes, external stubs,
 * and edges between device (or stub) paths.
 */
public record Topology(List<Box> boxes, List<Node> externals, List<Edge> edges) {

    public Topology {
        boxes = List.copyOf(boxes);
        externals = List.copyOf(externals);
        edges = List.copyOf(edges);
    }

    /** A namespace. Boxes come in drawing order: the init namespace first. */
    public record Box(SubjectPath id, Namespace namespace, List<Node> nodes) {
        public Box {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A device (with {@code box} its namespace's path), or an external stub ({@code box} null,
     * {@code device} null, {@code ref} what pointed outside).
     */
    public record Node(SubjectPath id, SubjectPath box, NodeKind kind, Device device, DeviceRef ref) {
        public String label() {
            if (device != null) {
                return device.name();
            }
            return ref.name() != null ? ref.name() : "ifindex " + ref.ifindex();
        }
    }

    public record Edge(SubjectPath from, SubjectPath to, EdgeKind kind) {
    }

    public int nodeCount() {
        return boxes.stream().mapToInt(b -> b.nodes().size()).sum() + externals.size();
    }
}
