package io.netcr.app.graph.paint;

import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.LinkState;
import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.NodeText;
import io.netcr.app.graph.Point;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.TextStyle;
import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import io.netcr.model.diff.ChangeKind;
import java.util.List;

/**
 * Draws a laid-out graph through a {@link Painter}: boxes, then edges, then nodes, then badges. Only what
 * meets {@code visible} is drawn (culling). Zoomed out below {@link #CARDS} (device text would be smaller than
 * about 6.5 px), it draws the overview instead ({@link OverviewPainter}: each namespace one card, links bundled
 * per pair of namespaces); up to {@link #FADE_UNTIL} the cards' fill fades out over the devices coming back, so
 * a zoom passes from one to the other without a jump (boxes and cards are the same rectangles). A namespace's
 * name is never smaller than {@link #MIN_LABEL_PX} on the screen.
 */
public final class GraphPainter {

    /** Below this zoom, device names (13 world units) would be under 6.5 px: namespaces are drawn as cards. */
    public static final double CARDS = 0.5;
    /** From {@link #CARDS} to this zoom the cards' fill fades out over the devices, which come back through it. */
    public static final double FADE_UNTIL = 0.55;
    /** A namespace's name is never drawn smaller than this on the screen (it grows as the view zooms out). */
    private static final double MIN_LABEL_PX = 10;
    private static final double BOX_ARC = 16;
    private static final double NODE_ARC = 10;

    private final Painter p;

    public GraphPainter(Painter painter) {
        this.p = painter;
    }

    /** True when a drawing at this zoom shows namespaces as cards (the overview), not their devices. */
    public static boolean isOverview(double scale) {
        return scale < CARDS;
    }

    /**
     * True when the drawing at this zoom changes with the marks (selection, matches) only where
     * {@link SelectionDamage} says: everywhere but where the cards fade out over the devices.
     */
    public static boolean marksRepaintLocally(double scale) {
        return scale < CARDS || scale >= FADE_UNTIL;
    }

    /** Draws what meets {@code visible} (world coordinates), or everything when it is null. */
    public void paint(GraphDrawing g, RenderState s, Rect visible) {
        double scale = s.scale();
        if (isOverview(scale)) {
            new OverviewPainter(p, scale, 1).paint(g, s, visible, true);
            return;
        }
        for (BoxShape b : g.boxes()) {
            if (visible == null || visible.intersects(b.bounds())) {
                box(b, s);
            }
        }
        for (EdgeShape e : g.edges()) {
            if (visible == null || visible.intersects(e.bounds().grow(2))) {
                edge(e, s);
            }
        }
        for (NodeShape n : g.nodes()) {
            if (visible == null || visible.intersects(n.bounds().grow(4))) {
                node(n, s, g.showDetails());
            }
        }
        if (scale < FADE_UNTIL) {
            new OverviewPainter(p, scale, (FADE_UNTIL - scale) / (FADE_UNTIL - CARDS)).fade(g, visible);
        }
    }

    private void box(BoxShape b, RenderState s) {
        Rect r = b.bounds();
        boolean selected = b.id().equals(s.selected());
        ChangeKind change = s.changes().get(b.id());
        p.beginGroup(b.id().toString(), b.label());
        int fill = change == ChangeKind.ADDED ? Palette.ADDED_BOX_FILL : change == ChangeKind.CHANGED
                ? Palette.CHANGED_BOX_FILL : b.init() ? Palette.INIT_FILL : Palette.BOX_FILL;
        p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), BOX_ARC, fill);
        p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), BOX_ARC, selected ? Palette.SELECT
                : s.matches().contains(b.id()) ? Palette.MATCH : change != null ? Palette.change(change)
                : b.init() ? Palette.INIT_STROKE : Palette.BOX_STROKE,
                selected ? 2.5 : change != null ? 2.0 : 1.2, change == ChangeKind.CHANGED && !selected);
        double size = Math.max(TextStyle.NAMESPACE.size(), MIN_LABEL_PX / s.scale());
        p.text(b.label(), r.x() + 14, r.y() + 22, TextStyle.NAMESPACE, size, Palette.BOX_LABEL);
        String caption = b.caption();
        if (!caption.isEmpty()) {
            p.text(caption, r.x() + 24 + TextStyle.NAMESPACE.width(b.label(), size), r.y() + 22, TextStyle.CAPTION,
                    Palette.CAPTION);
        }
        badge(s.badges().get(b.id()), r.maxX() - 16, r.y() + 16);
        p.endGroup();
    }

    private void edge(EdgeShape e, RenderState s) {
        List<Point> pts = e.points();
        if (pts.size() < 2) {
            return;
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xs[i] = pts.get(i).x();
            ys[i] = pts.get(i).y();
        }
        boolean lit = s.selected() != null && e.touches(s.selected());
        int color = lit ? Palette.SELECT : e.kind() == EdgeKind.PARENT ? Palette.EDGE_PARENT : Palette.EDGE;
        double width = lit ? 2.6 : e.kind() == EdgeKind.PEER ? 1.7 : 1.3;
        p.polyline(xs, ys, color, width, e.kind().dashed());
        if (e.kind() == EdgeKind.PEER) {
            // the two ends of a cable
            p.fillOval(xs[0] - 3, ys[0] - 3, 6, 6, color);
            p.fillOval(xs[xs.length - 1] - 3, ys[ys.length - 1] - 3, 6, 6, color);
        }
    }

    private void node(NodeShape n, RenderState s, boolean details) {
        Rect r = n.bounds();
        boolean selected = n.id().equals(s.selected());
        boolean peer = s.highlighted().contains(n.id());
        boolean match = s.matches().contains(n.id());
        LinkState state = n.state();
        ChangeKind change = s.changes().get(n.id());
        p.beginGroup(n.id().toString(), n.label());
        int fill = selected ? Palette.SELECT_FILL : peer ? Palette.PEER_FILL : match ? Palette.MATCH_FILL
                : change != null ? Palette.changeFill(change)
                : state == LinkState.DOWN ? Palette.NODE_FILL_DOWN : Palette.NODE_FILL;
        p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), NODE_ARC, fill);
        if (selected || peer) {
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), NODE_ARC, Palette.SELECT, selected ? 2.6 : 1.8, !selected);
        } else if (match) {
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), NODE_ARC, Palette.MATCH, 2.2, false);
        } else if (change != null) {
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), NODE_ARC, Palette.change(change), 2.2, false);
        } else {
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), NODE_ARC, Palette.NODE_STROKE, 1.1, n.external());
        }
        if (!n.external()) {
            // the state strip along the left edge
            p.fillRoundRect(r.x() + 3, r.y() + 4, 4, r.h() - 8, 4, Palette.state(state));
        }
        Glyphs.draw(p, n.kind(), r.x() + NodeText.PAD + 1, r.y() + 6, Palette.GLYPH);
        int nameColor = state == LinkState.DOWN ? Palette.NAME_DOWN : Palette.NAME;
        p.text(n.label(), r.x() + NodeText.PAD + NodeText.GLYPH + 8, r.y() + 18, TextStyle.NAME, nameColor);
        lines(n, r, details);
        badge(s.badges().get(n.id()), r.maxX() - NodeText.PAD - 4, r.y() + 12);
        p.endGroup();
    }

    private void lines(NodeShape n, Rect r, boolean details) {
        double x = r.x() + NodeText.PAD + 3;
        double y = r.y() + NodeText.HEADER + 10;
        if (n.external()) {
            p.text(NodeText.externalCaption(), r.x() + NodeText.PAD, y, TextStyle.CAPTION, Palette.CAPTION);
            return;
        }
        for (String line : NodeText.addressLines(n.device())) {
            p.text(line, x, y, TextStyle.MONO, Palette.ADDRESS);
            y += NodeText.LINE;
        }
        if (details) {
            p.text(NodeText.detailLine(n.device()), x, y, TextStyle.MONO, Palette.DETAIL);
        }
    }

    /** A round badge coloured by the worst severity, with the count when there is more than one. */
    private void badge(List<Diagnostic> diagnostics, double cx, double cy) {
        if (diagnostics == null || diagnostics.isEmpty()) {
            return;
        }
        Severity worst = diagnostics.stream().map(Diagnostic::severity).min(Enum::compareTo).orElseThrow();
        double r = NodeText.BADGE / 2;
        p.fillOval(cx - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2, Palette.WHITE);
        p.fillOval(cx - r, cy - r, 2 * r, 2 * r, Palette.severity(worst));
        String mark = diagnostics.size() > 1 ? Integer.toString(diagnostics.size()) : "!";
        p.text(mark, cx - TextStyle.BADGE.width(mark) / 2 + 1, cy + 3.6, TextStyle.BADGE, Palette.WHITE);
    }
}
