package io.netcr.app.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Phase 1 of {@link GraphLayout}: the inside of every namespace box. Boxes are independent, so they are
 * laid out in parallel; and boxes of the same shape (same card sizes, same edges, same ports on the same
 * sides, same minimum size: the hundred containers with lo and eth0 of a big host) are laid out once and
 * the result copied, which ELK would have computed the same (it is deterministic).
 */
final class BoxLayouts {

    private BoxLayouts() {
    }

    static void layout(Collection<ElkNode> boxes) {
        Map<String, List<ElkNode>> byShape = new LinkedHashMap<>();
        for (ElkNode box : boxes) {
            byShape.computeIfAbsent(shape(box), k -> new ArrayList<>()).add(box);
        }
        List<List<ElkNode>> groups = new ArrayList<>(byShape.values());
        groups.parallelStream().forEach(g -> {
            if (BoxGrid.applies(g.get(0))) {
                BoxGrid.layout(g.get(0));
            } else {
                new RecursiveGraphLayoutEngine().layout(g.get(0), new BasicProgressMonitor());
            }
        });
        for (List<ElkNode> g : groups) {
            for (int i = 1; i < g.size(); i++) {
                copy(g.get(0), g.get(i));
            }
        }
    }

    /** Everything ELK's result depends on, as text: two boxes with the same text get the same layout. */
    static String shape(ElkNode box) {
        StringBuilder s = new StringBuilder();
        KVector min = box.getProperty(CoreOptions.NODE_SIZE_MINIMUM);
        s.append(min == null ? "-" : min.x + "x" + min.y).append('|');
        for (ElkNode n : box.getChildren()) {
            s.append(n.getWidth()).append('x').append(n.getHeight()).append(',');
        }
        s.append('|');
        for (ElkPort p : box.getPorts()) {
            s.append(p.getProperty(CoreOptions.PORT_SIDE)).append(',');
        }
        s.append('|');
        for (ElkEdge e : box.getContainedEdges()) {
            s.append(index(box, e.getSources().get(0))).append('>').append(index(box, e.getTargets().get(0)))
                    .append(',');
        }
        return s.toString();
    }

    /** A child by its position, a port of the box as -1, -2, ... */
    private static int index(ElkNode box, ElkConnectableShape end) {
        if (end instanceof ElkPort p) {
            return -1 - box.getPorts().indexOf(p);
        }
        return box.getChildren().indexOf((ElkNode) end);
    }

    private static void copy(ElkNode from, ElkNode to) {
        to.setDimensions(from.getWidth(), from.getHeight());
        for (int i = 0; i < from.getChildren().size(); i++) {
            ElkNode a = from.getChildren().get(i);
            to.getChildren().get(i).setLocation(a.getX(), a.getY());
        }
        for (int i = 0; i < from.getPorts().size(); i++) {
            ElkPort a = from.getPorts().get(i);
            to.getPorts().get(i).setLocation(a.getX(), a.getY());
        }
        for (int i = 0; i < from.getContainedEdges().size(); i++) {
            ElkEdge target = to.getContainedEdges().get(i);
            target.getSections().clear();
            for (ElkEdgeSection s : from.getContainedEdges().get(i).getSections()) {
                ElkEdgeSection c = ElkGraphUtil.createEdgeSection(target);
                c.setStartLocation(s.getStartX(), s.getStartY());
                c.setEndLocation(s.getEndX(), s.getEndY());
                for (ElkBendPoint bp : s.getBendPoints()) {
                    ElkGraphUtil.createBendPoint(c, bp.getX(), bp.getY());
                }
            }
        }
    }
}
