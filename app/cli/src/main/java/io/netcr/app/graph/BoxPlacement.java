package io.netcr.app.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.BoxLayouterOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.util.BoxLayoutProvider;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Phase 2 of {@link GraphLayout} for a large host, instead of ELK's layered algorithm: ELK's box layout
 * ({@code org.eclipse.elk.box}) packs the boxes in rows of about the drawing's aspect ratio, in
 * breadth-first order over the links between them (given to ELK as priorities) so that neighbours sit
 * near each other; then each link between boxes is drawn port to port with two bends. Linear in the size
 * of the graph, where the layered algorithm on a thousand boxes with long chains of links makes tens of
 * thousands of dummy nodes and takes seconds.
 */
final class BoxPlacement {

    private static final double GAP = 48;
    private static final double ASPECT = 1.6;
    private static final double STUB = 14;

    private BoxPlacement() {
    }

    static void place(ElkNode top) {
        List<ElkNode> order = order(top);
        int priority = order.size();
        for (ElkNode n : order) {
            n.setProperty(CoreOptions.PRIORITY, priority--); // the box layout places higher priorities first
        }
        top.setProperty(CoreOptions.SPACING_NODE_NODE, GAP);
        top.setProperty(CoreOptions.ASPECT_RATIO, ASPECT);
        top.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        top.setProperty(BoxLayouterOptions.BOX_PACKING_MODE, BoxLayoutProvider.PackingMode.SIMPLE);
        new BoxLayoutProvider().layout(top, new BasicProgressMonitor());
        for (ElkEdge e : top.getContainedEdges()) {
            route(e);
        }
    }

    /** Breadth-first from the most linked node, each component in turn; unlinked nodes last, in their order. */
    private static List<ElkNode> order(ElkNode top) {
        Map<ElkNode, List<ElkNode>> links = new IdentityHashMap<>();
        for (ElkNode n : top.getChildren()) {
            links.put(n, new ArrayList<>());
        }
        for (ElkEdge e : top.getContainedEdges()) {
            ElkNode a = owner(e.getSources().get(0));
            ElkNode b = owner(e.getTargets().get(0));
            links.get(a).add(b);
            links.get(b).add(a);
        }
        List<ElkNode> byDegree = new ArrayList<>(top.getChildren());
        byDegree.sort(Comparator.comparingInt((ElkNode n) -> -links.get(n).size()));
        Set<ElkNode> seen = new LinkedHashSet<>();
        for (ElkNode start : byDegree) {
            if (seen.contains(start) || links.get(start).isEmpty()) {
                continue;
            }
            Deque<ElkNode> queue = new ArrayDeque<>(List.of(start));
            seen.add(start);
            while (!queue.isEmpty()) {
                for (ElkNode next : links.get(queue.poll())) {
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
        }
        seen.addAll(top.getChildren());
        return new ArrayList<>(seen);
    }

    private static ElkNode owner(ElkConnectableShape s) {
        return s instanceof ElkPort p ? p.getParent() : (ElkNode) s;
    }

    /** Out of the first end's side, across at the middle, into the second end's side. */
    private static void route(ElkEdge e) {
        double[] a = end(e.getSources().get(0), true);
        double[] b = end(e.getTargets().get(0), false);
        ElkEdgeSection s = ElkGraphUtil.createEdgeSection(e);
        s.setStartLocation(a[0], a[1]);
        double ax = a[0] + a[2] * STUB;
        double bx = b[0] + b[2] * STUB;
        double mid = (ax + bx) / 2;
        ElkGraphUtil.createBendPoint(s, ax, a[1]);
        ElkGraphUtil.createBendPoint(s, mid, a[1]);
        ElkGraphUtil.createBendPoint(s, mid, b[1]);
        ElkGraphUtil.createBendPoint(s, bx, b[1]);
        s.setEndLocation(b[0], b[1]);
    }

    /** {x, y, direction out of the shape}: a port's middle, or the east / west middle of a stub node. */
    private static double[] end(ElkConnectableShape shape, boolean source) {
        if (shape instanceof ElkPort p) {
            ElkNode box = p.getParent();
            boolean west = p.getProperty(CoreOptions.PORT_SIDE) == PortSide.WEST;
            return new double[] {box.getX() + p.getX() + (west ? 0 : p.getWidth()),
                    box.getY() + p.getY() + p.getHeight() / 2, west ? -1 : 1};
        }
        ElkNode n = (ElkNode) shape;
        return source ? new double[] {n.getX() + n.getWidth(), n.getY() + n.getHeight() / 2, 1}
                : new double[] {n.getX(), n.getY() + n.getHeight() / 2, -1};
    }
}
