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
import org.eclipse.elk.alg.rectpacking.RectPackingLayoutProvider;
import org.eclipse.elk.alg.rectpacking.options.OptimizationGoal;
import org.eclipse.elk.alg.rectpacking.options.RectPackingOptions;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Phase 2 of {@link GraphLayout} when ELK's layered algorithm would not fit the window: ELK's rectangle
 * packing ({@code org.eclipse.elk.rectpacking}, aiming at the largest scale for the window's 16:10 shape)
 * packs the boxes in rows and stacks, in breadth-first order over the links between them so that neighbours
 * sit near each other; then each link between boxes is drawn port to port with two bends. Used for a large
 * host, where the layered algorithm on a thousand boxes with long chains of links makes tens of thousands of
 * dummy nodes and takes seconds, and for a host whose layered drawing is a strip (a star: fifty containers
 * on one bridge are one layer, a column fifteen times as tall as it is wide).
 */
final class BoxPlacement {

    private static final double GAP = 48;
    static final double ASPECT = 1.6;
    private static final double STUB = 14;
    /** A packing this far from the aspect asked for is packed again, asking for the difference. */
    private static final double RETRY = 1.3;

    private BoxPlacement() {
    }

    static void place(ElkNode top) {
        List<ElkNode> order = order(top);
        // rectpacking places the boxes in the order of the graph's children: breadth-first, neighbours together
        for (int i = 0; i < order.size(); i++) {
            top.getChildren().move(i, order.get(i));
        }
        top.setProperty(RectPackingOptions.WIDTH_APPROXIMATION_OPTIMIZATION_GOAL, OptimizationGoal.MAX_SCALE_DRIVEN);
        top.setProperty(RectPackingOptions.SPACING_NODE_NODE, GAP);
        top.setProperty(RectPackingOptions.PADDING, new ElkPadding(0));
        pack(top, ASPECT);
        double off = aspect(top) / ASPECT;
        if (off > RETRY || off < 1 / RETRY) {
            // rows of boxes of unequal heights come out wider (or narrower) than asked: ask for the difference
            pack(top, ASPECT / off);
        }
        for (ElkEdge e : top.getContainedEdges()) {
            route(e);
        }
    }

    private static void pack(ElkNode top, double aspect) {
        top.setProperty(RectPackingOptions.ASPECT_RATIO, aspect);
        new RectPackingLayoutProvider().layout(top, new BasicProgressMonitor());
    }

    private static double aspect(ElkNode top) {
        double[] e = extent(top);
        return e[0] / Math.max(1, e[1]);
    }

    /** {width, height} of a laid-out graph: as far right and down as its children reach. */
    static double[] extent(ElkNode top) {
        double w = 0;
        double h = 0;
        for (ElkNode n : top.getChildren()) {
            w = Math.max(w, n.getX() + n.getWidth());
            h = Math.max(h, n.getY() + n.getHeight());
        }
        return new double[] {w, h};
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

    /**
     * Out of the first end's side, across at the middle, into the second end's side. When the second end lies
     * behind the first (a spoke packed under or left of its hub), the middle would cross the first box: the link
     * goes out, then along the gap above (or below) the second box, and into its side from there.
     */
    private static void route(ElkEdge e) {
        double[] a = end(e.getSources().get(0), true);
        double[] b = end(e.getTargets().get(0), false);
        ElkEdgeSection s = ElkGraphUtil.createEdgeSection(e);
        s.setStartLocation(a[0], a[1]);
        double ax = a[0] + a[2] * STUB;
        double bx = b[0] + b[2] * STUB;
        ElkGraphUtil.createBendPoint(s, ax, a[1]);
        if ((bx - ax) * a[2] >= 0) {
            double mid = (ax + bx) / 2;
            ElkGraphUtil.createBendPoint(s, mid, a[1]);
            ElkGraphUtil.createBendPoint(s, mid, b[1]);
        } else {
            ElkNode target = owner(e.getTargets().get(0));
            double gap = target.getY() >= a[1] ? target.getY() - GAP / 2 : target.getY() + target.getHeight() + GAP / 2;
            ElkGraphUtil.createBendPoint(s, ax, gap);
            ElkGraphUtil.createBendPoint(s, bx, gap);
        }
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
