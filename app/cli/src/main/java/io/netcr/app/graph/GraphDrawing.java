package io.netcr.app.graph;

import io.netcr.model.SubjectPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The laid-out graph: plain positioned data that the Canvas renderer and every exporter draw from.
 * Immutable, so it can be made off the FX thread and handed over.
 */
public final class GraphDrawing {

    /** The subject kind of external stubs: they name something outside the snapshot. */
    public static final String EXTERNAL = "external";
    /** Margin around everything, so that strokes and badges are not clipped at the edges. */
    public static final double MARGIN = 24;

    private final List<BoxShape> boxes;
    private final List<NodeShape> nodes;
    private final List<EdgeShape> edges;
    private final boolean showDetails;
    private final Rect bounds;
    private final Overview overview;
    private final Map<SubjectPath, NodeShape> nodeById = new HashMap<>();
    private final Map<SubjectPath, BoxShape> boxById = new HashMap<>();

    public GraphDrawing(List<BoxShape> boxes, List<NodeShape> nodes, List<EdgeShape> edges, boolean showDetails) {
        this.boxes = List.copyOf(boxes);
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.showDetails = showDetails;
        Rect all = null;
        for (BoxShape b : boxes) {
            boxById.put(b.id(), b);
            all = all == null ? b.bounds() : all.union(b.bounds());
        }
        for (NodeShape n : nodes) {
            nodeById.put(n.id(), n);
            all = all == null ? n.bounds() : all.union(n.bounds());
        }
        for (EdgeShape e : edges) {
            all = all == null ? e.bounds() : all.union(e.bounds());
        }
        this.bounds = all == null ? Rect.EMPTY : all.grow(MARGIN);
        this.overview = Overview.of(this.boxes, this.nodes, this.edges);
    }

    /** The namespaces as cards and their links bundled: what is drawn zoomed out below readable device text. */
    public Overview overview() {
        return overview;
    }

    public List<BoxShape> boxes() {
        return boxes;
    }

    public List<NodeShape> nodes() {
        return nodes;
    }

    public List<EdgeShape> edges() {
        return edges;
    }

    /** True when nodes were sized to show MAC and MTU. */
    public boolean showDetails() {
        return showDetails;
    }

    /** Everything drawn, with a margin. */
    public Rect bounds() {
        return bounds;
    }

    public Optional<NodeShape> node(SubjectPath id) {
        return Optional.ofNullable(nodeById.get(id));
    }

    public Optional<BoxShape> box(SubjectPath id) {
        return Optional.ofNullable(boxById.get(id));
    }

    /** True for paths that have a shape of their own (a namespace box, a device or stub node). */
    public boolean isDrawn(SubjectPath id) {
        return nodeById.containsKey(id) || boxById.containsKey(id);
    }

    /** The bounds of a drawn object. */
    public Optional<Rect> boundsOf(SubjectPath id) {
        NodeShape n = nodeById.get(id);
        if (n != null) {
            return Optional.of(n.bounds());
        }
        return box(id).map(BoxShape::bounds);
    }

    /** The nearest drawn object of a path: itself or its closest drawn owner (walking parent()). */
    public Optional<SubjectPath> nearestDrawn(SubjectPath path) {
        for (SubjectPath p = path; !p.isRoot(); p = p.parent()) {
            if (isDrawn(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The topmost object at a world point: a node before the box that holds it; in the overview
     * ({@code cards}) a namespace's card stands for its devices, so only boxes and outside stubs are hit.
     */
    public Optional<SubjectPath> hit(double x, double y, boolean cards) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if ((!cards || nodes.get(i).external()) && nodes.get(i).bounds().contains(x, y)) {
                return Optional.of(nodes.get(i).id());
            }
        }
        for (int i = boxes.size() - 1; i >= 0; i--) {
            if (boxes.get(i).bounds().contains(x, y)) {
                return Optional.of(boxes.get(i).id());
            }
        }
        return Optional.empty();
    }

    /** {@link #hit(double, double, boolean)} in the detailed drawing. */
    public Optional<SubjectPath> hit(double x, double y) {
        return hit(x, y, false);
    }

    /** The box a drawn object is in: itself for a box, its namespace's for a device; an outside stub has none. */
    public Optional<SubjectPath> boxOf(SubjectPath drawn) {
        if (boxById.containsKey(drawn)) {
            return Optional.of(drawn);
        }
        return node(drawn).map(NodeShape::box);
    }
}
