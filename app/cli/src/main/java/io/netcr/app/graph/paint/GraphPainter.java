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
 * Draws a laid-out graph through a {@link Painter}: boxes, then edges, then nodes, then badges. Only
 * what meets {@code visible} is drawn (culling), and text is left out when it would be too small to read;
 * zoomed out that far, shapes lose their detail too (square corners, no glyphs, solid lines, no cable
 * ends), which keeps a frame of a thousand namespaces within a pulse.
 */
public final class GraphPainter {

    private static final double BOX_ARC = 16;
    private static final double NODE_ARC = 10;
    /** Below this zoom, addresses are unreadable: skip them. */
    private static final double DETAIL_SCALE = 0.45;
    /** Below this zoom, even names are: skip all text. */
    private static final double TEXT_SCALE = 0.22;

    private final Painter p;

    public GraphPainter(Painter painter) {
        this.p = painter;
    }

    /** Draws what meets {@code visible} (world coordinates), or everything when it is null. */
    public void paint(GraphDrawing g, RenderState s, Rect visible) {
        if (coarse(s)) {
            new CoarsePainter(p).paint(g, s, visible);
            s.badges().forEach((id, diags) -> g.boundsOf(id).filter(r -> visible == null || visible.intersects(r))
                    .ifPresent(r -> badge(diags, r.maxX() - NodeText.PAD - 4, r.y() + 12)));
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
    }

    private void box(BoxShape b, RenderState s) {
        Rect r = b.bounds();
        boolean selected = b.id().equals(s.selected());
        ChangeKind change = s.changes().get(b.id());
        p.beginGroup(b.id().toString(), b.label());
        int fill = change == ChangeKind.ADDED ? Palette.ADDED_BOX_FILL : change == ChangeKind.CHANGED
                ? Palette.CHANGED_BOX_FILL : b.init() ? Palette.INIT_FILL : Palette.BOX_FILL;
        double arc = coarse(s) ? 0 : BOX_ARC;
        p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), arc, fill);
        p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), arc, selected ? Palette.SELECT
                : s.matches().contains(b.id()) ? Palette.MATCH : change != null ? Palette.change(change)
                : b.init() ? Palette.INIT_STROKE : Palette.BOX_STROKE,
                selected ? 2.5 : change != null ? 2.0 : 1.2, change == ChangeKind.CHANGED && !selected && !coarse(s));
        if (s.scale() >= TEXT_SCALE) {
            p.text(b.label(), r.x() + 14, r.y() + 22, TextStyle.NAMESPACE, Palette.BOX_LABEL);
            String caption = b.caption();
            if (!caption.isEmpty()) {
                p.text(caption, r.x() + 24 + TextStyle.NAMESPACE.width(b.label()), r.y() + 22, TextStyle.CAPTION,
                        Palette.CAPTION);
            }
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
        if (coarse(s)) {
            p.polyline(xs, ys, color, width, false);
            return;
        }
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
        if (coarse(s)) {
            p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 0, fill);
            int stroke = selected || peer ? Palette.SELECT : match ? Palette.MATCH
                    : change != null ? Palette.change(change) : Palette.NODE_STROKE;
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), 0, stroke, selected || change != null ? 2.5 : 1.1, false);
            badge(s.badges().get(n.id()), r.maxX() - NodeText.PAD - 4, r.y() + 12);
            p.endGroup();
            return;
        }
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
        Glyphs.draw(p, n.kind(), r.x() + NodeText.PAD + 1, r.y() + 5, Palette.GLYPH);
        if (s.scale() >= TEXT_SCALE) {
            int nameColor = state == LinkState.DOWN ? Palette.NAME_DOWN : Palette.NAME;
            p.text(n.label(), r.x() + NodeText.PAD + NodeText.GLYPH + 8, r.y() + 17, TextStyle.NAME, nameColor);
        }
        if (s.scale() >= DETAIL_SCALE) {
            lines(n, r, details);
        }
        badge(s.badges().get(n.id()), r.maxX() - NodeText.PAD - 4, r.y() + 12);
        p.endGroup();
    }

    /** Zoomed out below readable text: shapes without detail. */
    private static boolean coarse(RenderState s) {
        return s.scale() < TEXT_SCALE;
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
