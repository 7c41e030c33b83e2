package io.netcr.app.graph.paint;

import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.Overview;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.TextStyle;
import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The overview: each namespace one card in its box's place (its name as large as the card allows, its device
 * count, a strip in the colour of its devices' state, a badge with its worst diagnostic and how many it has),
 * and one line per pair of namespaces that links join. Sizes are in screen pixels, so the text stays
 * readable however far out; a name that would be smaller than {@link #MIN_NAME_PX} is left out (it appears
 * as the user zooms in). Just above the threshold its fill is drawn over the boxes' insides, fading out
 * ({@code alpha}, {@link #fade}), so that zooming in brings the devices back without a jump.
 */
final class OverviewPainter {

    /** A card's name smaller than this on the screen is not readable: left out. */
    static final double MIN_NAME_PX = 8;
    /** The largest a card's name is drawn, on the screen. */
    private static final double MAX_NAME_PX = 26;
    /** Cards narrower than this on the screen: square corners, batched (a thousand cards are a few calls). */
    private static final double BATCH_PX = 60;

    private final Painter p;
    private final double scale;
    private final double alpha;

    OverviewPainter(Painter p, double scale, double alpha) {
        this.p = p;
        this.scale = scale;
        this.alpha = alpha;
    }

    /** World units for {@code px} screen pixels. */
    private double px(double v) {
        return v / scale;
    }

    private int fade(int argb) {
        return alpha >= 1 ? argb : ((int) Math.round(((argb >>> 24) & 0xFF) * alpha) << 24) | (argb & 0xFFFFFF);
    }

    void paint(GraphDrawing g, RenderState s, Rect visible, boolean bundles) {
        SubjectPath selectedBox = s.selected() == null ? null : g.boxOf(s.selected()).orElse(s.selected());
        Set<SubjectPath> matched = new HashSet<>();
        for (SubjectPath m : s.matches()) {
            matched.add(g.boxOf(m).orElse(m));
        }
        if (bundles) {
            bundles(g, visible, selectedBox);
        }
        List<BoxShape> shown = new ArrayList<>();
        for (BoxShape b : g.boxes()) {
            if (visible == null || visible.intersects(b.bounds())) {
                shown.add(b);
            }
        }
        List<NodeShape> stubs = new ArrayList<>();
        for (NodeShape n : g.nodes()) {
            if (n.external() && (visible == null || visible.intersects(n.bounds()))) {
                stubs.add(n);
            }
        }
        boolean batch = batched(g);
        Shapes shapes = new Shapes(batch);
        Shapes strips = new Shapes(batch);
        Overview o = g.overview();
        for (BoxShape b : shown) {
            Rect r = b.bounds();
            ChangeKind change = s.changes().get(b.id());
            shapes.fill(r, fade(change == ChangeKind.ADDED ? Palette.ADDED_BOX_FILL : change == ChangeKind.CHANGED
                    ? Palette.CHANGED_BOX_FILL : b.init() ? Palette.INIT_FILL : Palette.BOX_FILL));
            strips.fill(new Rect(r.x() + px(3), r.y() + px(3), Math.min(px(5), r.w() / 4), r.h() - px(6)),
                    fade(Palette.state(o.cards().get(b.id()).state())));
            boolean selected = b.id().equals(selectedBox);
            int stroke = selected ? Palette.SELECT : matched.contains(b.id()) ? Palette.MATCH
                    : change != null ? Palette.change(change) : b.init() ? Palette.INIT_STROKE : Palette.BOX_STROKE;
            shapes.stroke(r, fade(stroke), px(selected || matched.contains(b.id()) ? 3 : change != null ? 2 : 1.2));
        }
        for (NodeShape n : stubs) {
            shapes.fill(n.bounds(), fade(Palette.NODE_FILL));
            shapes.stroke(n.bounds(), fade(n.id().equals(selectedBox) ? Palette.SELECT : Palette.NODE_STROKE), px(1.2));
        }
        shapes.flushFills(p, px(8));
        strips.flushFills(p, px(3));
        shapes.flushStrokes(p, px(8));
        Map<SubjectPath, List<Diagnostic>> badges = badgesByBox(g, s);
        for (BoxShape b : shown) {
            Overview.Card card = o.cards().get(b.id());
            label(b.bounds(), b.label(), card.devices() + (card.devices() == 1 ? " device" : " devices"));
            badge(badges.get(b.id()), b.bounds());
        }
        for (NodeShape n : stubs) {
            label(n.bounds(), n.label(), null);
        }
    }

    /**
     * Above the overview: the cards' fill alone (at {@code alpha}) over the boxes' insides, so that the devices
     * show through it more the further the view zooms in; the box's own name stays on top.
     */
    void fade(GraphDrawing g, Rect visible) {
        for (BoxShape b : g.boxes()) {
            Rect r = b.bounds();
            if (visible == null || visible.intersects(r)) {
                double top = BoxShape.HEADER;
                p.fillRoundRect(r.x() + 2, r.y() + top, r.w() - 4, r.h() - top - 2, px(6),
                        fade(b.init() ? Palette.INIT_FILL : Palette.BOX_FILL));
            }
        }
    }

    /**
     * Small cards (on average narrower than {@link #BATCH_PX} on the screen: a big host zoomed out) are drawn
     * with square corners in a few batched calls; larger ones one by one, rounded. Decided for the whole drawing,
     * never for the part painted, so that a part painted again (a selection's patch) matches the whole.
     */
    private boolean batched(GraphDrawing g) {
        double w = g.boxes().stream().mapToDouble(b -> b.bounds().w()).average().orElse(0);
        return w * scale < BATCH_PX;
    }

    /** One line per pair of boxes joined by links, wider for more links; lit when it touches the selection. */
    private void bundles(GraphDrawing g, Rect visible, SubjectPath selected) {
        Map<Long, List<double[]>> xs = new HashMap<>();
        Map<Long, List<double[]>> ys = new HashMap<>();
        for (Overview.Bundle b : g.overview().bundles()) {
            if (visible != null && !visible.intersects(b.bounds().grow(2))) {
                continue;
            }
            boolean lit = selected != null && b.touches(selected);
            int colour = fade(lit ? Palette.SELECT : Palette.EDGE);
            int width = lit ? 3 : 1 + Math.min(3, 31 - Integer.numberOfLeadingZeros(b.links()));
            long pen = ((long) colour << 8) | width;
            xs.computeIfAbsent(pen, k -> new ArrayList<>()).add(new double[] {b.from().x(), b.to().x()});
            ys.computeIfAbsent(pen, k -> new ArrayList<>()).add(new double[] {b.from().y(), b.to().y()});
        }
        xs.keySet().stream().sorted().forEach(pen -> p.polylines(xs.get(pen), ys.get(pen), (int) (pen >>> 8),
                px(pen & 0xFF)));
    }

    /** The name as large as the card allows (within bounds on the screen), and the device count under it. */
    private void label(Rect r, String name, String count) {
        double inset = Math.min(px(10), r.w() / 4); // clear of the state strip
        double byWidth = (r.w() - inset - px(3)) / Math.max(1, TextStyle.NAMESPACE.width(name, 1));
        double byHeight = r.h() * (count == null ? 0.6 : 0.42);
        double size = Math.min(px(MAX_NAME_PX), Math.min(byWidth, byHeight));
        if (size * scale < MIN_NAME_PX) {
            return;
        }
        double x = r.x() + inset;
        double y = r.y() + px(6) + size;
        p.text(name, x, y, TextStyle.NAMESPACE, size, fade(Palette.BOX_LABEL));
        double small = size * 0.72;
        if (count != null && small * scale >= MIN_NAME_PX && y + small * 1.35 < r.maxY()) {
            p.text(count, x, y + small * 1.35, TextStyle.CAPTION, small, fade(Palette.CAPTION));
        }
    }

    /** The worst severity of everything in the namespace, with how many there are, in the card's corner. */
    private void badge(List<Diagnostic> diagnostics, Rect r) {
        if (diagnostics == null || diagnostics.isEmpty() || r.w() * scale < 40) {
            return;
        }
        Severity worst = diagnostics.stream().map(Diagnostic::severity).min(Enum::compareTo).orElseThrow();
        double radius = px(9);
        double cx = r.maxX() - px(14);
        double cy = r.y() + px(14);
        p.fillOval(cx - radius - px(1), cy - radius - px(1), 2 * radius + px(2), 2 * radius + px(2), fade(Palette.WHITE));
        p.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius, fade(Palette.severity(worst)));
        String mark = diagnostics.size() > 1 ? Integer.toString(diagnostics.size()) : "!";
        double size = px(11);
        p.text(mark, cx - TextStyle.BADGE.width(mark, size) / 2 + px(1), cy + size * 0.36, TextStyle.BADGE, size,
                fade(Palette.WHITE));
    }

    /** The diagnostics of each namespace's box and devices together, by box (a stub keeps its own). */
    static Map<SubjectPath, List<Diagnostic>> badgesByBox(GraphDrawing g, RenderState s) {
        Map<SubjectPath, List<Diagnostic>> out = new HashMap<>();
        s.badges().forEach((id, diags) -> out.computeIfAbsent(g.boxOf(id).orElse(id), k -> new ArrayList<>())
                .addAll(diags));
        return out;
    }

    /** Fills and outlines gathered by colour: drawn one by one with round corners, or batched with square ones. */
    private static final class Shapes {
        private final boolean batch;
        private final Map<Integer, List<Rect>> fills = new LinkedHashMap<>();
        private final Map<List<Object>, List<Rect>> strokes = new LinkedHashMap<>();

        Shapes(boolean batch) {
            this.batch = batch;
        }

        void fill(Rect r, int argb) {
            fills.computeIfAbsent(argb, k -> new ArrayList<>()).add(r);
        }

        void stroke(Rect r, int argb, double width) {
            strokes.computeIfAbsent(List.of(argb, width), k -> new ArrayList<>()).add(r);
        }

        void flushFills(Painter p, double arc) {
            fills.forEach((argb, rects) -> {
                if (batch) {
                    p.fillRects(flat(rects), rects.size(), argb);
                } else {
                    rects.forEach(r -> p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), Math.min(arc, r.w() / 2), argb));
                }
            });
        }

        void flushStrokes(Painter p, double arc) {
            strokes.forEach((pen, rects) -> {
                int argb = (Integer) pen.get(0);
                double width = (Double) pen.get(1);
                if (batch) {
                    p.strokeRects(flat(rects), rects.size(), argb, width);
                } else {
                    rects.forEach(r -> p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), arc, argb, width, false));
                }
            });
        }

        private static double[] flat(List<Rect> rects) {
            double[] xywh = new double[4 * rects.size()];
            for (int i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                xywh[4 * i] = r.x();
                xywh[4 * i + 1] = r.y();
                xywh[4 * i + 2] = r.w();
                xywh[4 * i + 3] = r.h();
            }
            return xywh;
        }
    }
}
