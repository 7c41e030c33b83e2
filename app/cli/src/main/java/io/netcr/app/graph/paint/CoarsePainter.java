package io.netcr.app.graph.paint;

import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.LinkState;
import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.Point;
import io.netcr.app.graph.Rect;
import io.netcr.model.diff.ChangeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The graph zoomed out below readable text: plain rectangles and solid lines, gathered by colour and
 * width so that the back end strokes and fills each group in one call (a thousand namespaces are then a
 * few dozen draw calls, not ten thousand). Same colours as {@link GraphPainter}; no text, glyphs or
 * cable ends. Badges are left to the caller.
 *
 * <p>The groups are drawn in a fixed order, plain colours first and the selection last (on top where lines
 * cross), whatever part of the world is painted: a part painted again alone (a selection change repaints only
 * where it changes something) then gets the same pixels as the whole picture.
 */
final class CoarsePainter {

    private final Painter p;

    CoarsePainter(Painter p) {
        this.p = p;
    }

    /** A colour and a line width: what one batched call draws with. */
    private record Pen(int argb, double width) {
    }

    private static final Comparator<Integer> COLOUR_ORDER = Comparator.<Integer>comparingInt(CoarsePainter::emphasis)
            .thenComparingInt(c -> c);
    private static final Comparator<Pen> PEN_ORDER = Comparator.<Pen>comparingInt(p -> emphasis(p.argb()))
            .thenComparingInt(Pen::argb).thenComparingDouble(Pen::width);

    /** Plain colours 0, search and comparison colours 1, the selection's 2: the higher, the later (on top). */
    private static int emphasis(int argb) {
        if (argb == Palette.SELECT || argb == Palette.SELECT_FILL || argb == Palette.PEER_FILL) {
            return 2;
        }
        return argb == Palette.MATCH || argb == Palette.MATCH_FILL || argb == Palette.ADDED || argb == Palette.ADDED_FILL
                || argb == Palette.CHANGED || argb == Palette.CHANGED_FILL ? 1 : 0;
    }

    void paint(GraphDrawing g, RenderState s, Rect visible) {
        Map<Integer, Rects> fills = new TreeMap<>(COLOUR_ORDER);
        Map<Pen, Rects> strokes = new TreeMap<>(PEN_ORDER);
        for (BoxShape b : g.boxes()) {
            if (visible == null || visible.intersects(b.bounds())) {
                ChangeKind change = s.changes().get(b.id());
                boolean selected = b.id().equals(s.selected());
                fills.computeIfAbsent(change == ChangeKind.ADDED ? Palette.ADDED_BOX_FILL
                        : change == ChangeKind.CHANGED ? Palette.CHANGED_BOX_FILL
                        : b.init() ? Palette.INIT_FILL : Palette.BOX_FILL, k -> new Rects()).add(b.bounds());
                strokes.computeIfAbsent(new Pen(selected ? Palette.SELECT : s.matches().contains(b.id()) ? Palette.MATCH
                        : change != null ? Palette.change(change) : b.init() ? Palette.INIT_STROKE : Palette.BOX_STROKE,
                        selected ? 2.5 : change != null ? 2.0 : 1.2), k -> new Rects()).add(b.bounds());
            }
        }
        flush(fills, strokes);
        Map<Pen, Lines> lines = new TreeMap<>(PEN_ORDER);
        for (EdgeShape e : g.edges()) {
            if (e.points().size() >= 2 && (visible == null || visible.intersects(e.bounds().grow(2)))) {
                boolean lit = s.selected() != null && e.touches(s.selected());
                lines.computeIfAbsent(new Pen(lit ? Palette.SELECT : e.kind() == EdgeKind.PARENT ? Palette.EDGE_PARENT
                        : Palette.EDGE, lit ? 2.6 : e.kind() == EdgeKind.PEER ? 1.7 : 1.3), k -> new Lines())
                        .add(e, visible);
            }
        }
        lines.forEach((pen, l) -> p.polylines(l.xs, l.ys, pen.argb(), pen.width()));
        for (NodeShape n : g.nodes()) {
            if (visible == null || visible.intersects(n.bounds().grow(4))) {
                boolean selected = n.id().equals(s.selected());
                boolean peer = s.highlighted().contains(n.id());
                boolean match = s.matches().contains(n.id());
                ChangeKind change = s.changes().get(n.id());
                int fill = selected ? Palette.SELECT_FILL : peer ? Palette.PEER_FILL : match ? Palette.MATCH_FILL
                        : change != null ? Palette.changeFill(change)
                        : n.state() == LinkState.DOWN ? Palette.NODE_FILL_DOWN : Palette.NODE_FILL;
                fills.computeIfAbsent(fill, k -> new Rects()).add(n.bounds());
                if (selected || peer || match || change != null) { // plain outlines are lost at this zoom: left out
                    int stroke = selected || peer ? Palette.SELECT : match ? Palette.MATCH : Palette.change(change);
                    strokes.computeIfAbsent(new Pen(stroke, 2.5), k -> new Rects()).add(n.bounds());
                }
            }
        }
        flush(fills, strokes);
    }

    private void flush(Map<Integer, Rects> fills, Map<Pen, Rects> strokes) {
        fills.forEach((argb, r) -> p.fillRects(r.xywh, r.count, argb));
        strokes.forEach((pen, r) -> p.strokeRects(r.xywh, r.count, pen.argb(), pen.width()));
        fills.clear();
        strokes.clear();
    }

    /** x, y, w, h of many rectangles, flat. */
    private static final class Rects {
        double[] xywh = new double[64];
        int count;

        void add(Rect r) {
            if (4 * count + 4 > xywh.length) {
                xywh = Arrays.copyOf(xywh, xywh.length * 2);
            }
            xywh[4 * count] = r.x();
            xywh[4 * count + 1] = r.y();
            xywh[4 * count + 2] = r.w();
            xywh[4 * count + 3] = r.h();
            count++;
        }
    }

    private static final class Lines {
        final List<double[]> xs = new ArrayList<>();
        final List<double[]> ys = new ArrayList<>();

        /** The runs of the edge's segments that meet {@code visible}: a long link is drawn only where seen. */
        void add(EdgeShape e, Rect visible) {
            List<Point> pts = e.points();
            int from = 0;
            for (int i = 1; i <= pts.size(); i++) {
                boolean seen = i < pts.size() && (visible == null || meets(pts.get(i - 1), pts.get(i), visible));
                if (!seen) {
                    if (i - 1 > from) {
                        run(pts, from, i - 1);
                    }
                    from = i;
                }
            }
        }

        private static boolean meets(Point a, Point b, Rect r) {
            return Math.max(a.x(), b.x()) >= r.x() && Math.min(a.x(), b.x()) <= r.maxX()
                    && Math.max(a.y(), b.y()) >= r.y() && Math.min(a.y(), b.y()) <= r.maxY();
        }

        private void run(List<Point> pts, int first, int last) {
            double[] x = new double[last - first + 1];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(first + i).x();
                y[i] = pts.get(first + i).y();
            }
            xs.add(x);
            ys.add(y);
        }
    }
}
