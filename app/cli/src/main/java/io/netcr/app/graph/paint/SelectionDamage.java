package io.netcr.app.graph.paint;

import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.Overview;
import io.netcr.app.graph.Point;
import io.netcr.app.graph.Rect;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a picture changes when only its marks change (what is selected, highlighted with it, matched by the
 * search): the parts of the world, as rectangles, outside which {@link GraphPainter} draws the same pixels
 * for both states. It mirrors what the painter makes of the marks: a marked device changes its fill and
 * outline, a marked namespace only its outline, and a link touching the selected device its colour and width
 * (with its cable ends). Everything else (text, badges, states) does not depend on the marks.
 */
public final class SelectionDamage {

    /** World units beyond a shape that its outline or a cable end covers: half the widest stroke, an end's radius. */
    private static final double OVERHANG = 4.5;
    /** Antialiasing and rounding reach this many pixels beyond a shape's edge. */
    private static final double FRINGE_PX = 2;
    /** A slanted segment is covered by pieces about this long (pixels), not by one rectangle around all of it. */
    private static final double PIECE_PX = 64;
    /** Half the widest outline of a card in the overview, and the widest half of a lit bundle, in pixels. */
    private static final double OVERVIEW_STROKE_PX = 2;

    private SelectionDamage() {
    }

    /**
     * The world rectangles where {@code was} and {@code now} draw differently, at {@code scale} (pixels per world
     * unit). Empty when the marks are the same.
     */
    public static List<Rect> between(GraphDrawing g, RenderState was, RenderState now, double scale) {
        if (GraphPainter.isOverview(scale)) {
            return overview(g, was, now, scale);
        }
        double pad = OVERHANG + FRINGE_PX / scale;
        List<Rect> out = new ArrayList<>();
        Set<SubjectPath> changed = new HashSet<>();
        boolean newSelection = !Objects.equals(was.selected(), now.selected());
        if (newSelection) {
            addIfPresent(changed, was.selected());
            addIfPresent(changed, now.selected());
        }
        symmetricDifference(was.highlighted(), now.highlighted(), changed);
        symmetricDifference(was.matches(), now.matches(), changed);
        for (SubjectPath id : changed) {
            g.node(id).map(NodeShape::bounds).ifPresent(r -> out.add(r.grow(pad)));
            g.box(id).map(BoxShape::bounds).ifPresent(r -> outline(r, pad, out));
        }
        if (newSelection) {
            for (EdgeShape e : g.edges()) {
                if (lit(e, was) != lit(e, now)) {
                    segments(e.points(), pad, scale, out);
                }
            }
        }
        return out;
    }

    /**
     * The overview's marks are on cards: a selected (or matched) namespace, or the namespace of a selected (or
     * matched) device, has its card outlined, and a selected card's bundled links are lit. So: the outline of
     * every card whose mark changes, and every bundle touching the card selected before or now. Stroke widths
     * there are in pixels: the pad is too.
     */
    private static List<Rect> overview(GraphDrawing g, RenderState was, RenderState now, double scale) {
        double pad = (OVERVIEW_STROKE_PX + FRINGE_PX) / scale;
        List<Rect> out = new ArrayList<>();
        SubjectPath before = cardOf(g, was.selected());
        SubjectPath after = cardOf(g, now.selected());
        Set<SubjectPath> changed = new HashSet<>();
        if (!Objects.equals(before, after)) {
            addIfPresent(changed, before);
            addIfPresent(changed, after);
        }
        symmetricDifference(cardsOf(g, was.matches()), cardsOf(g, now.matches()), changed);
        for (SubjectPath id : changed) {
            g.boundsOf(id).ifPresent(r -> outline(r, pad, out));
        }
        if (!Objects.equals(before, after)) {
            for (Overview.Bundle b : g.overview().bundles()) {
                if ((before != null && b.touches(before)) || (after != null && b.touches(after))) {
                    segments(List.of(b.from(), b.to()), pad, scale, out);
                }
            }
        }
        return out;
    }

    private static SubjectPath cardOf(GraphDrawing g, SubjectPath drawn) {
        return drawn == null ? null : g.boxOf(drawn).orElse(drawn);
    }

    private static Set<SubjectPath> cardsOf(GraphDrawing g, Set<SubjectPath> drawn) {
        Set<SubjectPath> out = new HashSet<>();
        drawn.forEach(d -> out.add(cardOf(g, d)));
        return out;
    }

    private static boolean lit(EdgeShape e, RenderState s) {
        return s.selected() != null && e.touches(s.selected());
    }

    private static void addIfPresent(Set<SubjectPath> to, SubjectPath id) {
        if (id != null) {
            to.add(id);
        }
    }

    private static void symmetricDifference(Set<SubjectPath> a, Set<SubjectPath> b, Set<SubjectPath> to) {
        for (SubjectPath id : a) {
            if (!b.contains(id)) {
                to.add(id);
            }
        }
        for (SubjectPath id : b) {
            if (!a.contains(id)) {
                to.add(id);
            }
        }
    }

    /** A namespace's marks change only its outline: four strips along its border, not the whole (maybe huge) box. */
    private static void outline(Rect r, double pad, List<Rect> out) {
        double d = 2 * pad;
        out.add(new Rect(r.x() - pad, r.y() - pad, r.w() + d, d));
        out.add(new Rect(r.x() - pad, r.maxY() - pad, r.w() + d, d));
        out.add(new Rect(r.x() - pad, r.y() - pad, d, r.h() + d));
        out.add(new Rect(r.maxX() - pad, r.y() - pad, d, r.h() + d));
    }

    /** Each segment of the link, grown by the pad; slanted ones in pieces, so that their rectangles stay thin. */
    private static void segments(List<Point> pts, double pad, double scale, List<Rect> out) {
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1);
            Point b = pts.get(i);
            boolean straight = a.x() == b.x() || a.y() == b.y();
            int pieces = straight ? 1 : Math.max(1, (int) Math.ceil(Math.hypot(b.x() - a.x(), b.y() - a.y())
                    * scale / PIECE_PX));
            for (int k = 0; k < pieces; k++) {
                double x0 = a.x() + (b.x() - a.x()) * k / pieces;
                double y0 = a.y() + (b.y() - a.y()) * k / pieces;
                double x1 = a.x() + (b.x() - a.x()) * (k + 1) / pieces;
                double y1 = a.y() + (b.y() - a.y()) * (k + 1) / pieces;
                out.add(new Rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)).grow(pad));
            }
        }
    }
}
