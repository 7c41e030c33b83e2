package io.netcr.app.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Phase 1 of {@link GraphLayout} for a namespace with many devices (the hub of a container host or a lab:
 * one veth per container). ELK layered would put devices that are not linked to each other in one layer: a
 * column of cards as tall as the drawing; forcing it into several layers costs seconds and spreads the rows
 * apart for the links passing between them. Instead, above {@link #WRAP_AT} devices the cards go in a grid
 * of about the window's shape, in the namespace's order, row by row, and every link is routed in the gaps:
 * out of its card's side into the gutter beside it, down into a lane of its own under the card's row, and
 * along that lane to the box's border (a port, as ELK would have placed it) or to the gutter of the card it
 * joins. Lanes of a row nest (the rightmost card's lane nearest the row), so a row's links do not cross each
 * other. The box's size and ports come out as they do from ELK, and phase 2 takes them as fixed.
 */
final class BoxGrid {

    /** More devices than this in one namespace: a grid. */
    static final int WRAP_AT = 12;
    /** The shape aimed at: the window's (16:10). */
    static final double ASPECT = 1.6;
    private static final double COLUMN_GAP = 30;
    private static final double ROW_GAP = 14;
    private static final double LANE = 5;
    private static final double STUB = 9;
    private static final double PAD = 14;
    private static final double TOP = BoxShape.HEADER + 6;

    private BoxGrid() {
    }

    static boolean applies(ElkNode box) {
        return box.getChildren().size() > WRAP_AT;
    }

    /**
     * The columns for {@code n} cards of {@code w x h} (gaps included), each with {@code links} lanes under its
     * row, whose grid is closest to {@link #ASPECT}.
     */
    static int columns(int n, double w, double h, double links) {
        int best = 1;
        double bestOff = Double.MAX_VALUE;
        for (int c = 1; c <= n; c++) {
            int rows = (n + c - 1) / c;
            double off = Math.abs(Math.log(c * w / (rows * (h + LANE * links * c)) / ASPECT));
            if (off < bestOff) {
                best = c;
                bestOff = off;
            }
        }
        return best;
    }

    /** One link to route: where it leaves (a card), and its lane in that card's row. */
    private record Link(ElkEdge edge, ElkNode card, int row, int column) {
    }

    static void layout(ElkNode box) {
        List<ElkNode> cards = box.getChildren();
        int n = cards.size();
        double w = cards.stream().mapToDouble(ElkNode::getWidth).max().orElse(0);
        double avgH = cards.stream().mapToDouble(ElkNode::getHeight).average().orElse(0);
        double links = (double) box.getContainedEdges().size() / n;
        int cols = columns(n, w + COLUMN_GAP, avgH + ROW_GAP, links);
        int rows = (n + cols - 1) / cols;
        Map<ElkNode, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(cards.get(i), i);
        }
        // the links of each row, each given a lane: the card furthest right nearest the row
        List<List<Link>> lanes = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lanes.add(new ArrayList<>());
        }
        for (ElkEdge e : box.getContainedEdges()) {
            ElkNode card = card(e.getSources().get(0)) != null ? card(e.getSources().get(0)) : card(e.getTargets().get(0));
            int i = index.get(card);
            lanes.get(i / cols).add(new Link(e, card, i / cols, i % cols));
        }
        for (List<Link> row : lanes) {
            row.sort((a, b) -> Integer.compare(b.column(), a.column()));
        }
        double[] rowY = new double[rows];
        double[] rowH = new double[rows];
        double y = TOP;
        for (int r = 0; r < rows; r++) {
            rowY[r] = y;
            for (int c = 0; c < cols && r * cols + c < n; c++) {
                rowH[r] = Math.max(rowH[r], cards.get(r * cols + c).getHeight());
            }
            y += rowH[r] + ROW_GAP + LANE * lanes.get(r).size();
        }
        for (int i = 0; i < n; i++) {
            cards.get(i).setLocation(PAD + (i % cols) * (w + COLUMN_GAP), rowY[i / cols]);
        }
        KVector min = box.getProperty(CoreOptions.NODE_SIZE_MINIMUM);
        double width = Math.max(min == null ? 0 : min.x, 2 * PAD + cols * w + (cols - 1) * COLUMN_GAP);
        double height = Math.max(min == null ? 0 : min.y, y + PAD - ROW_GAP / 2);
        box.setDimensions(width, height);
        for (List<Link> row : lanes) {
            for (int k = 0; k < row.size(); k++) {
                Link l = row.get(k);
                double lane = rowY[l.row()] + rowH[l.row()] + ROW_GAP / 2 + LANE * k;
                route(l.edge(), lane, width);
            }
        }
    }

    private static ElkNode card(ElkConnectableShape s) {
        return s instanceof ElkNode n ? n : null;
    }

    /** Card to port (east), port to card (west), or card to card, through {@code lane}. */
    private static void route(ElkEdge e, double lane, double width) {
        ElkConnectableShape from = e.getSources().get(0);
        ElkConnectableShape to = e.getTargets().get(0);
        e.getSections().clear();
        ElkEdgeSection s = ElkGraphUtil.createEdgeSection(e);
        if (to instanceof ElkPort port) {
            ElkNode a = (ElkNode) from;
            double out = a.getX() + a.getWidth() + STUB;
            boolean west = port.getProperty(CoreOptions.PORT_SIDE) == PortSide.WEST;
            double border = west ? 0 : width;
            port.setLocation(west ? -port.getWidth() : width, lane - port.getHeight() / 2);
            s.setStartLocation(a.getX() + a.getWidth(), midY(a));
            ElkGraphUtil.createBendPoint(s, out, midY(a));
            ElkGraphUtil.createBendPoint(s, out, lane);
            s.setEndLocation(border, lane);
        } else if (from instanceof ElkPort port) {
            ElkNode b = (ElkNode) to;
            double in = b.getX() - STUB;
            boolean east = port.getProperty(CoreOptions.PORT_SIDE) == PortSide.EAST;
            port.setLocation(east ? width : -port.getWidth(), lane - port.getHeight() / 2);
            s.setStartLocation(east ? width : 0, lane);
            ElkGraphUtil.createBendPoint(s, in, lane);
            ElkGraphUtil.createBendPoint(s, in, midY(b));
            s.setEndLocation(b.getX(), midY(b));
        } else {
            ElkNode a = (ElkNode) from;
            ElkNode b = (ElkNode) to;
            double out = a.getX() + a.getWidth() + STUB;
            double in = b.getX() - STUB;
            s.setStartLocation(a.getX() + a.getWidth(), midY(a));
            ElkGraphUtil.createBendPoint(s, out, midY(a));
            ElkGraphUtil.createBendPoint(s, out, lane);
            ElkGraphUtil.createBendPoint(s, in, lane);
            ElkGraphUtil.createBendPoint(s, in, midY(b));
            s.setEndLocation(b.getX(), midY(b));
        }
    }

    private static double midY(ElkNode n) {
        return n.getY() + n.getHeight() / 2;
    }
}
