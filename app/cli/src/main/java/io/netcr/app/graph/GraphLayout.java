package io.netcr.app.graph;

import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link Topology} out with Eclipse ELK's layered algorithm, in two phases and without
 * {@code INCLUDE_CHILDREN} (which ELK's maintainers advise against for big graphs, eclipse/elk#986):
 * <ol>
 * <li>each namespace on its own: its devices inside the box; an edge leaving the namespace ends at a
 * port on the box border, placed by ELK (west for edges coming in, east for edges going out);</li>
 * <li>the boxes as fixed-size nodes with those ports fixed, plus external stubs, joined port to port
 * (above {@link #SHELVES} boxes, or when the layered drawing would show far smaller at Fit than packed
 * boxes, as a star's does: ELK's rectangle packing, see {@link BoxPlacement}).</li>
 * </ol>
 * A cross-namespace edge is then drawn as its three sections joined. Plain Java, safe off the FX thread.
 * Phase 1 is independent per namespace: it runs in parallel, once per distinct box shape ({@link BoxLayouts});
 * a namespace with many devices has them in a grid ({@link BoxGrid}).
 */
public final class GraphLayout {

    private static final double PORT = 4;
    /** More boxes than this: phase 2 packs them in rows with ELK's box layout ({@link BoxPlacement}), not layered. */
    static final int SHELVES = 400;
    /** The layered drawing is kept unless packing shows the boxes this much larger at Fit. */
    private static final double PREFER_LAYERED = 1.5;
    /** Fit never magnifies past this (the window's Camera): above it, both drawings fit the same. */
    private static final double FIT_CAP = 1.25;
    /** More nodes than this in one layered graph: a faster, plainer layout ({@link #big}). */
    private static final int BIG = 150;

    static {
        // Outside OSGi nobody registers the algorithms: do it once.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final Topology topology;
    private final boolean details;
    private final Map<SubjectPath, Integer> boxOrder = new HashMap<>();
    private final Map<SubjectPath, ElkNode> elkBoxes = new LinkedHashMap<>();
    private final Map<SubjectPath, ElkNode> elkNodes = new HashMap<>();
    /** Which box an ELK node is, to find where an edge contained in it ended up. */
    private final Map<ElkNode, SubjectPath> boxByElk = new IdentityHashMap<>();
    /** The phase-2 stand-in of each box: where the box ends up. */
    private final Map<SubjectPath, ElkNode> proxies = new HashMap<>();

    private GraphLayout(Topology topology, boolean details) {
        this.topology = topology;
        this.details = details;
    }

    /** Lays the topology out; {@code details} sizes nodes for the MAC / MTU line. */
    public static GraphDrawing layout(Topology topology, boolean details) {
        return new GraphLayout(topology, details).run();
    }

    private GraphDrawing run() {
        for (Topology.Box b : topology.boxes()) {
            boxOrder.put(b.id(), boxOrder.size());
        }
        for (Topology.Box b : topology.boxes()) {
            // Each box lives in a graph of its own (ELK wants a parent for a node with external ports),
            // so phase 1 lays it out alone.
            ElkNode box = ElkGraphUtil.createNode(ElkGraphUtil.createGraph());
            configure(box, 16, 40);
            // One layered graph per box rather than packed components: unconnected devices then stack in
            // the first layer, which keeps boxes upright (they themselves are laid out left to right).
            box.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
            box.setProperty(CoreOptions.PADDING, new ElkPadding(BoxShape.HEADER + 6, 14, 14, 14));
            box.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);
            big(box, b.nodes().size());
            box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, SizeConstraint.minimumSize());
            box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(
                    TextStyle.NAMESPACE.width(b.namespace().label()) + 40, BoxShape.HEADER + 20));
            elkBoxes.put(b.id(), box);
            boxByElk.put(box, b.id());
            // Cards of one width per box: the stacked columns read as a tidy list.
            double width = b.nodes().stream().mapToDouble(n -> NodeText.width(n.device(), details)).max().orElse(0);
            for (Topology.Node n : b.nodes()) {
                ElkNode node = ElkGraphUtil.createNode(box);
                node.setDimensions(width, NodeText.height(n.device(), details));
                elkNodes.put(n.id(), node);
            }
        }
        ElkNode top = ElkGraphUtil.createGraph();
        configure(top, 28, 56);
        big(top, topology.boxes().size() + topology.externals().size());
        for (Topology.Node n : topology.externals()) {
            ElkNode node = ElkGraphUtil.createNode(top);
            node.setDimensions(NodeText.externalWidth(n.label()), NodeText.EXTERNAL_HEIGHT);
            elkNodes.put(n.id(), node);
        }
        List<Routed> routed = new ArrayList<>();
        for (Topology.Edge e : topology.edges()) {
            routed.add(route(e));
        }
        // Phase 1: every box's inside, which also fixes the box's size and its ports' positions.
        // (in parallel, and once per distinct shape of box: see BoxLayouts)
        BoxLayouts.layout(elkBoxes.values());
        RecursiveGraphLayoutEngine engine = new RecursiveGraphLayoutEngine();
        // Phase 2: a flat graph of stand-ins for the boxes, with the ports where phase 1 put them.
        Map<ElkConnectableShape, ElkConnectableShape> proxy = new HashMap<>();
        for (Topology.Box b : topology.boxes()) {
            ElkNode box = elkBoxes.get(b.id());
            ElkNode stand = ElkGraphUtil.createNode(top);
            stand.setDimensions(box.getWidth(), box.getHeight());
            stand.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            proxies.put(b.id(), stand);
            for (ElkPort p : box.getPorts()) {
                ElkPort q = ElkGraphUtil.createPort(stand);
                q.setLocation(p.getX(), p.getY());
                q.setDimensions(p.getWidth(), p.getHeight());
                q.setProperty(CoreOptions.PORT_SIDE, p.getProperty(CoreOptions.PORT_SIDE));
                proxy.put(p, q);
            }
        }
        for (Routed r : routed) {
            if (r.between() != null) {
                ElkConnectableShape a = proxy.getOrDefault(r.between().from(), r.between().from());
                ElkConnectableShape b = proxy.getOrDefault(r.between().to(), r.between().to());
                r.parts().add(r.between().index(), ElkGraphUtil.createSimpleEdge(a, b));
            }
        }
        if (topology.boxes().size() > SHELVES) {
            BoxPlacement.place(top);
        } else {
            // layered reads best (links flow one way); packed when that would show far smaller at Fit
            BoxPlacement.place(top);
            double packed = fitScale(top);
            clearRoutes(top);
            engine.layout(top, new BasicProgressMonitor());
            if (Math.min(FIT_CAP, packed) > PREFER_LAYERED * Math.min(FIT_CAP, fitScale(top))) {
                clearRoutes(top);
                BoxPlacement.place(top);
            }
        }
        return collect(routed);
    }

    /** The scale at which the laid-out top graph fits the window's design size (1600 x 1000). */
    private static double fitScale(ElkNode top) {
        double[] e = BoxPlacement.extent(top);
        return Math.min(1600 / Math.max(1, e[0]), 1000 / Math.max(1, e[1]));
    }

    private static void clearRoutes(ElkNode top) {
        for (ElkEdge e : top.getContainedEdges()) {
            e.getSections().clear();
        }
    }

    /**
     * Crossing minimisation tries THOROUGHNESS (7) random starts; on a graph of hundreds of nodes each costs
     * hundreds of milliseconds and the difference is lost in a drawing nobody reads whole: one start.
     */
    private static void big(ElkNode graph, int nodes) {
        if (nodes > BIG) {
            graph.setProperty(LayeredOptions.THOROUGHNESS, 1);
        }
    }

    private static void configure(ElkNode graph, double nodeSpacing, double layerSpacing) {
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, nodeSpacing);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, layerSpacing);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
        graph.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, nodeSpacing * 1.5);
        graph.setProperty(LayeredOptions.ASPECT_RATIO, 1.6);
    }

    /** The part of a cross edge between boxes, made in phase 2 and put at {@code index} of the parts. */
    private record Between(ElkConnectableShape from, ElkConnectableShape to, int index) {
    }

    /** The ELK edges that together draw one topology edge, in order from its source to its target. */
    private record Routed(Topology.Edge edge, List<ElkEdge> parts, Between between) {
    }

    private Routed route(Topology.Edge e) {
        SubjectPath fromBox = boxOf(e.from());
        SubjectPath toBox = boxOf(e.to());
        List<ElkEdge> parts = new ArrayList<>();
        if (fromBox != null && fromBox.equals(toBox)) {
            parts.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(e.from()), elkNodes.get(e.to())));
            return new Routed(e, parts, null);
        }
        // Orient every cross edge from the earlier box to the later one (stubs count as last), so the top
        // graph flows one way and each box gets incoming ports west, outgoing ports east.
        boolean forward = order(fromBox) <= order(toBox);
        SubjectPath a = forward ? e.from() : e.to();
        SubjectPath b = forward ? e.to() : e.from();
        ElkConnectableShape out = elkNodes.get(a);
        if (boxOf(a) != null) {
            ElkPort port = port(elkBoxes.get(boxOf(a)), PortSide.EAST);
            parts.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(a), port));
            out = port;
        }
        ElkConnectableShape in = elkNodes.get(b);
        int index = parts.size();
        if (boxOf(b) != null) {
            ElkPort port = port(elkBoxes.get(boxOf(b)), PortSide.WEST);
            parts.add(ElkGraphUtil.createSimpleEdge(port, elkNodes.get(b)));
            in = port;
        }
        return new Routed(new Topology.Edge(a, b, e.kind()), parts, new Between(out, in, index));
    }

    private static ElkPort port(ElkNode box, PortSide side) {
        ElkPort p = ElkGraphUtil.createPort(box);
        p.setDimensions(PORT, PORT);
        p.setProperty(CoreOptions.PORT_SIDE, side);
        return p;
    }

    private int order(SubjectPath box) {
        return box == null ? Integer.MAX_VALUE : boxOrder.get(box);
    }

    private SubjectPath boxOf(SubjectPath node) {
        SubjectPath owner = node.parent();
        return boxOrder.containsKey(owner) ? owner : null;
    }

    private GraphDrawing collect(List<Routed> routed) {
        List<BoxShape> boxes = new ArrayList<>();
        List<NodeShape> nodes = new ArrayList<>();
        for (Topology.Box b : topology.boxes()) {
            ElkNode at = proxies.get(b.id());
            boxes.add(new BoxShape(b.id(), b.namespace(), rect(at, 0, 0)));
            for (Topology.Node n : b.nodes()) {
                nodes.add(shape(n, rect(elkNodes.get(n.id()), at.getX(), at.getY())));
            }
        }
        for (Topology.Node n : topology.externals()) {
            nodes.add(shape(n, rect(elkNodes.get(n.id()), 0, 0)));
        }
        List<EdgeShape> edges = new ArrayList<>();
        for (Routed r : routed) {
            List<Point> points = new ArrayList<>();
            for (ElkEdge part : r.parts()) {
                appendSection(part, points, offset(part));
            }
            edges.add(new EdgeShape(r.edge().from(), r.edge().to(), r.edge().kind(), points));
        }
        return new GraphDrawing(boxes, nodes, edges, details);
    }

    private static NodeShape shape(Topology.Node n, Rect bounds) {
        return new NodeShape(n.id(), n.box(), n.kind(), n.label(), n.device(), n.ref(), bounds);
    }

    private static Rect rect(ElkNode n, double dx, double dy) {
        return new Rect(n.getX() + dx, n.getY() + dy, n.getWidth(), n.getHeight());
    }

    /** Where the graph that holds an edge ended up: a box's stand-in, or the origin for the top graph. */
    private Point offset(ElkEdge edge) {
        SubjectPath box = boxByElk.get(edge.getContainingNode());
        if (box == null) {
            return new Point(0, 0);
        }
        ElkNode at = proxies.get(box);
        return new Point(at.getX(), at.getY());
    }

    /** Adds an edge's route in absolute coordinates: ELK gives them relative to the edge's container. */
    private static void appendSection(ElkEdge edge, List<Point> points, Point offset) {
        double dx = offset.x();
        double dy = offset.y();
        for (ElkEdgeSection s : edge.getSections()) {
            add(points, new Point(s.getStartX() + dx, s.getStartY() + dy));
            for (ElkBendPoint bp : s.getBendPoints()) {
                add(points, new Point(bp.getX() + dx, bp.getY() + dy));
            }
            add(points, new Point(s.getEndX() + dx, s.getEndY() + dy));
        }
    }

    private static void add(List<Point> points, Point p) {
        if (points.isEmpty() || Math.hypot(points.get(points.size() - 1).x() - p.x(),
                points.get(points.size() - 1).y() - p.y()) > 0.01) {
            points.add(p);
        }
    }
}
