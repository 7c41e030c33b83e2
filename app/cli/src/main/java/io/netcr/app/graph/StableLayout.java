package io.netcr.app.graph;

import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout of a followed host's next snapshot, changed only where it must (issue 14 §3): what was on screen stays
 * where it was.
 * <ul>
 * <li><b>Repaint only.</b> When the namespaces, devices, externals and links are the same and every node's content still
 * fits its card (a state, MTU or flag change; an address change that does not make a card bigger; a device going
 * down, which loses its IPv6 link-local line), the previous geometry is reused with the new objects in it: no ELK
 * run at all. A card that shrank keeps its size (a blank line at its foot) until the next layout that is not a
 * repaint.</li>
 * <li><b>Anchored.</b> Otherwise ELK lays the new topology out as always ({@link GraphLayout}), and then each box and
 * external stub that was drawn before is moved back to where it was (its inside as ELK laid it, which only differs in
 * the box that changed). New ones are placed in a column right of everything that stayed, so nothing else moves;
 * so is a box that grew into a neighbour where it was (the box that changed moves, not its neighbours).
 * A link between two things that moved by different amounts is drawn straight between its two ends' sections.</li>
 * <li><b>Fresh.</b> When there was no drawing before or the details setting changed (every card's size does).</li>
 * </ul>
 * Plain Java, safe off the FX thread.
 */
public final class StableLayout {

    /** Room between the drawing that stayed and the column of new boxes, and between the boxes of that column. */
    static final double GAP = 56;

    /** How the last layout was made; for tests and the benchmark. */
    public enum Kind {
        REPAINTED, ANCHORED, FRESH
    }

    /** A drawing and how it was made. */
    public record Result(GraphDrawing drawing, Kind kind) {
    }

    private StableLayout() {
    }

    /** The drawing of {@code now}, keeping {@code before}'s positions where it can ({@code before} may be null). */
    public static Result layout(GraphDrawing before, Snapshot now, boolean details) {
        Topology topology = TopologyBuilder.build(now);
        if (before != null && before.showDetails() == details) {
            GraphDrawing same = repainted(before, topology, details);
            if (same != null) {
                return new Result(same, Kind.REPAINTED);
            }
        }
        GraphDrawing fresh = GraphLayout.layout(topology, details);
        if (before == null || before.showDetails() != details) {
            return new Result(fresh, Kind.FRESH);
        }
        return new Result(anchored(before, fresh), Kind.ANCHORED);
    }

    /** The previous geometry with the new objects, or null when the shape of the graph is not the same. */
    private static GraphDrawing repainted(GraphDrawing before, Topology now, boolean details) {
        if (before.boxes().size() != now.boxes().size() || before.nodes().size() != now.nodeCount()
                || before.edges().size() != now.edges().size()) {
            return null;
        }
        List<BoxShape> boxes = new ArrayList<>(now.boxes().size());
        List<NodeShape> nodes = new ArrayList<>(now.nodeCount());
        for (Topology.Box b : now.boxes()) {
            BoxShape old = before.box(b.id()).orElse(null);
            if (old == null || !old.label().equals(b.namespace().label())) {
                return null;
            }
            boxes.add(new BoxShape(b.id(), b.namespace(), old.bounds()));
            // GraphLayout gives the cards of one box one width: the widest text
            double width = b.nodes().stream().mapToDouble(n -> NodeText.width(n.device(), details)).max().orElse(0);
            for (Topology.Node n : b.nodes()) {
                NodeShape was = before.node(n.id()).orElse(null);
                // a card keeps its size when what it shows still fits: a device going down loses its IPv6
                // link-local address (one line less), and it comes back when the device is up again
                if (was == null || !b.id().equals(was.box()) || was.bounds().w() < width
                        || was.bounds().h() < NodeText.height(n.device(), details)) {
                    return null;
                }
                nodes.add(new NodeShape(n.id(), n.box(), n.kind(), n.label(), n.device(), n.ref(), was.bounds()));
            }
        }
        for (Topology.Node n : now.externals()) {
            NodeShape was = before.node(n.id()).orElse(null);
            if (was == null || was.box() != null || !was.label().equals(n.label())) {
                return null;
            }
            nodes.add(new NodeShape(n.id(), null, n.kind(), n.label(), n.device(), n.ref(), was.bounds()));
        }
        // (the layout may draw an edge the other way round, as a parent's from host to a namespace: compare ends)
        Set<List<Object>> edges = new HashSet<>();
        now.edges().forEach(e -> edges.add(ends(e.from(), e.to(), e.kind())));
        for (EdgeShape e : before.edges()) {
            if (!edges.contains(ends(e.from(), e.to(), e.kind()))) {
                return null;
            }
        }
        return new GraphDrawing(boxes, nodes, before.edges(), details);
    }

    private static List<Object> ends(SubjectPath a, SubjectPath b, EdgeKind kind) {
        return List.of(kind, Set.of(a, b));
    }

    /**
     * {@code fresh} with every box and stub that {@code before} drew moved back to where it was and the new ones in a
     * column at the right (with those that grew into a neighbour).
     */
    private static GraphDrawing anchored(GraphDrawing before, GraphDrawing fresh) {
        Map<SubjectPath, Point> shift = new HashMap<>(); // by box id, or by external stub id
        List<Rect> kept = new ArrayList<>();
        Rect stayed = null;
        for (BoxShape b : fresh.boxes()) {
            before.box(b.id()).ifPresent(old -> shift.put(b.id(), delta(b.bounds(), old.bounds())));
        }
        for (NodeShape n : fresh.nodes()) {
            if (n.box() == null) {
                before.node(n.id()).filter(old -> old.box() == null)
                        .ifPresent(old -> shift.put(n.id(), delta(n.bounds(), old.bounds())));
            }
        }
        // Those whose size is the same stay where they were (they did not overlap before, so they do not now).
        // One that grew stays too when it still fits there; when it grew into a neighbour it is the one that moves,
        // to the column of new ones: the box that changed moves, the rest stay still.
        List<SubjectPath> grown = new ArrayList<>();
        for (SubjectPath id : shift.keySet()) {
            Rect was = outline(before, id);
            Rect is = outline(fresh, id);
            if (was.w() == is.w() && was.h() == is.h()) {
                kept.add(placed(fresh, id, shift));
            } else {
                grown.add(id);
            }
        }
        List<SubjectPath> evicted = new ArrayList<>();
        for (SubjectPath id : grown) {
            Rect r = placed(fresh, id, shift);
            if (kept.stream().anyMatch(k -> k.intersects(r))) {
                evicted.add(id);
            } else {
                kept.add(r);
            }
        }
        evicted.forEach(shift::remove);
        for (Rect r : kept) {
            stayed = stayed == null ? r : stayed.union(r);
        }
        // New boxes and stubs: a column right of what stayed, in the fresh layout's order (top to bottom).
        double x = stayed == null ? 0 : stayed.maxX() + GAP;
        double y = stayed == null ? 0 : stayed.y();
        List<SubjectPath> fresher = new ArrayList<>();
        fresh.boxes().stream().map(BoxShape::id).filter(id -> !shift.containsKey(id)).forEach(fresher::add);
        fresh.nodes().stream().filter(n -> n.box() == null && !shift.containsKey(n.id())).map(NodeShape::id)
                .forEach(fresher::add);
        for (SubjectPath id : fresher) {
            Rect r = outline(fresh, id);
            shift.put(id, new Point(x - r.x(), y - r.y()));
            y += r.h() + GAP;
        }
        List<BoxShape> boxes = new ArrayList<>();
        for (BoxShape b : fresh.boxes()) {
            Point d = shift.get(b.id());
            boxes.add(new BoxShape(b.id(), b.namespace(), b.bounds().translate(d.x(), d.y())));
        }
        List<NodeShape> nodes = new ArrayList<>();
        for (NodeShape n : fresh.nodes()) {
            Point d = shift.get(n.box() != null ? n.box() : n.id());
            nodes.add(new NodeShape(n.id(), n.box(), n.kind(), n.label(), n.device(), n.ref(),
                    n.bounds().translate(d.x(), d.y())));
        }
        List<EdgeShape> edges = new ArrayList<>();
        for (EdgeShape e : fresh.edges()) {
            edges.add(edge(fresh, e, shift));
        }
        return new GraphDrawing(boxes, nodes, edges, fresh.showDetails());
    }

    private static Rect placed(GraphDrawing fresh, SubjectPath id, Map<SubjectPath, Point> shift) {
        Point d = shift.get(id);
        return outline(fresh, id).translate(d.x(), d.y());
    }

    /** What moves as one: a box, or an external stub. */
    private static Rect outline(GraphDrawing d, SubjectPath id) {
        return d.box(id).map(BoxShape::bounds).orElseGet(() -> d.node(id).orElseThrow().bounds());
    }

    private static SubjectPath owner(GraphDrawing d, SubjectPath node) {
        return d.node(node).map(n -> n.box() != null ? n.box() : n.id()).orElse(node);
    }

    /**
     * An edge moved with its ends: by their common shift when both ends moved alike; otherwise each end keeps the
     * points inside its own box (or stub) and the part between them becomes a straight line.
     */
    private static EdgeShape edge(GraphDrawing fresh, EdgeShape e, Map<SubjectPath, Point> shift) {
        SubjectPath a = owner(fresh, e.from());
        SubjectPath b = owner(fresh, e.to());
        Point da = shift.get(a);
        Point db = shift.get(b);
        if (da == null || db == null) {
            return e;
        }
        if (da.equals(db)) {
            return new EdgeShape(e.from(), e.to(), e.kind(), e.points().stream().map(p -> p.translate(da.x(), da.y()))
                    .toList());
        }
        Rect ra = outline(fresh, a).grow(1);
        Rect rb = outline(fresh, b).grow(1);
        List<Point> head = new ArrayList<>();
        List<Point> tail = new ArrayList<>();
        for (Point p : e.points()) {
            if (ra.contains(p.x(), p.y())) {
                head.add(p.translate(da.x(), da.y()));
            } else if (rb.contains(p.x(), p.y())) {
                tail.add(p.translate(db.x(), db.y()));
            }
        }
        if (head.isEmpty()) {
            head.add(centre(fresh, e.from(), da));
        }
        if (tail.isEmpty()) {
            tail.add(centre(fresh, e.to(), db));
        }
        head.addAll(tail);
        return new EdgeShape(e.from(), e.to(), e.kind(), head);
    }

    private static Point centre(GraphDrawing d, SubjectPath node, Point shift) {
        Rect r = d.node(node).map(NodeShape::bounds).orElse(Rect.EMPTY);
        return new Point(r.centerX() + shift.x(), r.centerY() + shift.y());
    }

    private static Point delta(Rect from, Rect to) {
        return new Point(to.x() - from.x(), to.y() - from.y());
    }
}
