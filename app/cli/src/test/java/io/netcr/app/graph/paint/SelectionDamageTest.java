package io.netcr.app.graph.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.export.Exports;
import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.TextStyle;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The damage of a change of marks holds every shape the painter draws differently for it. */
class SelectionDamageTest {

    private static final SubjectPath WEB_ETH0 = SubjectPath.parse("netns:web/dev:eth0");
    private static final SubjectPath HOST_VH_WEB = SubjectPath.parse("netns:host/dev:vh-web");
    private static final SubjectPath DB_ETH1 = SubjectPath.parse("netns:db/dev:eth1");
    private static final SubjectPath LAN = SubjectPath.parse("netns:lan");

    private final GraphDrawing g = Exports.layout(Fixtures.demo(), false);

    /**
     * One drawn shape: what it is (kind, geometry, colour, width) and the world area its pixels may cover; a line
     * segment also its ends and half its width ({@code segment}: x0, y0, x1, y1, half; else null).
     */
    private record Shape(String what, Rect area, double[] segment) {

        /** True when {@code damage} covers the shape: its area within one rectangle, a slanted line piece by piece. */
        boolean coveredBy(List<Rect> damage) {
            if (damage.stream().anyMatch(r -> r.containsRect(area))) {
                return true;
            }
            if (segment == null) {
                return false;
            }
            double len = Math.hypot(segment[2] - segment[0], segment[3] - segment[1]);
            int steps = (int) Math.ceil(len / 2);
            for (int i = 0; i <= steps; i++) {
                double x = segment[0] + (segment[2] - segment[0]) * i / Math.max(1, steps);
                double y = segment[1] + (segment[3] - segment[1]) * i / Math.max(1, steps);
                Rect dot = new Rect(x, y, 0, 0).grow(segment[4]);
                if (damage.stream().noneMatch(r -> r.containsRect(dot))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Records each shape one by one (the batched calls come through the interface's defaults). */
    private static final class Recorder implements Painter {
        final List<Shape> shapes = new ArrayList<>();

        private void add(Rect area, double stroke, Object... what) {
            shapes.add(new Shape(String.format(Locale.ROOT, "%s", List.of(what)), area.grow(stroke / 2), null));
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
            add(new Rect(x, y, w, h), 0, "fill", x, y, w, h, arc, argb);
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                    boolean dashed) {
            // an outline covers only the border: its four sides
            add(new Rect(x, y, w, 0), width, "stroke top", x, y, w, h, arc, argb, width, dashed);
            add(new Rect(x, y + h, w, 0), width, "stroke bottom", x, y, w, h, arc, argb, width, dashed);
            add(new Rect(x, y, 0, h), width, "stroke left", x, y, w, h, arc, argb, width, dashed);
            add(new Rect(x + w, y, 0, h), width, "stroke right", x, y, w, h, arc, argb, width, dashed);
        }

        @Override
        public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) {
            for (int i = 1; i < xs.length; i++) { // a segment at a time: the damage covers links segment by segment
                Rect area = new Rect(Math.min(xs[i - 1], xs[i]), Math.min(ys[i - 1], ys[i]), Math.abs(xs[i] - xs[i - 1]),
                        Math.abs(ys[i] - ys[i - 1]));
                shapes.add(new Shape(String.format(Locale.ROOT, "%s", List.of("line", xs[i - 1], ys[i - 1], xs[i],
                        ys[i], argb, width, dashed)), area.grow(width / 2),
                        new double[] {xs[i - 1], ys[i - 1], xs[i], ys[i], width / 2}));
            }
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int argb) {
            add(new Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), 0, "polygon", java.util.Arrays.toString(xs),
                    java.util.Arrays.toString(ys), argb);
        }

        @Override
        public void fillOval(double x, double y, double w, double h, int argb) {
            add(new Rect(x, y, w, h), 0, "oval", x, y, w, h, argb);
        }

        @Override
        public void strokeOval(double x, double y, double w, double h, int argb, double width) {
            add(new Rect(x, y, w, h), width, "ring", x, y, w, h, argb, width);
        }

        @Override
        public void text(String text, double x, double y, TextStyle style, double size, int argb) {
            add(new Rect(x, y - style.size(), style.width(text), style.size() * 1.3), 0, "text", text, x, y, argb);
        }

        private static double min(double[] v) {
            return java.util.Arrays.stream(v).min().orElse(0);
        }

        private static double max(double[] v) {
            return java.util.Arrays.stream(v).max().orElse(0);
        }
    }

    private static RenderState state(SubjectPath selected, Set<SubjectPath> lit, Set<SubjectPath> matches, double scale) {
        return new RenderState(selected, lit, matches, Map.of(), scale);
    }

    @Test
    void should_find_nothing_when_the_marks_are_the_same() {
        RenderState a = state(WEB_ETH0, Set.of(HOST_VH_WEB), Set.of(), 1);
        assertEquals(List.of(), SelectionDamage.between(g, a, a, 1));
    }

    @Test
    void should_hold_every_shape_drawn_differently_wherever_marks_repaint_locally() {
        // (not where the cards fade out over the devices: GraphPicture repaints all of that band)
        for (double scale : new double[] {1, GraphPainter.FADE_UNTIL, 2.5, 0.3, 0.1}) {
            RenderState none = state(null, Set.of(), Set.of(), scale);
            RenderState veth = state(WEB_ETH0, Set.of(HOST_VH_WEB), Set.of(), scale);
            RenderState other = state(DB_ETH1, Set.of(), Set.of(), scale);
            RenderState box = state(LAN, Set.of(), Set.of(), scale);
            RenderState found = state(null, Set.of(), Set.of(DB_ETH1, LAN), scale);
            List<RenderState> states = List.of(none, veth, other, box, found);
            for (RenderState a : states) {
                for (RenderState b : states) {
                    assertDamageHolds(a, b, scale);
                }
            }
        }
    }

    @Test
    void should_outline_a_namespace_and_not_cover_its_inside() {
        Rect lan = g.boundsOf(LAN).orElseThrow();
        List<Rect> damage = SelectionDamage.between(g, state(null, Set.of(), Set.of(), 1),
                state(LAN, Set.of(), Set.of(), 1), 1);
        assertFalse(damage.isEmpty());
        assertTrue(damage.stream().noneMatch(r -> r.contains(lan.centerX(), lan.centerY())), damage.toString());
    }

    @Test
    void should_cover_the_selected_veths_link_and_no_other() {
        EdgeShape link = g.edges().stream().filter(e -> e.kind() == EdgeKind.PEER && e.touches(WEB_ETH0)).findFirst()
                .orElseThrow();
        List<Rect> damage = SelectionDamage.between(g, state(null, Set.of(), Set.of(), 1),
                state(WEB_ETH0, Set.of(HOST_VH_WEB), Set.of(), 1), 1);
        link.points().forEach(p -> assertTrue(damage.stream().anyMatch(r -> r.contains(p.x(), p.y())), p.toString()));
        long links = g.edges().stream().filter(e -> !e.touches(WEB_ETH0)).filter(e -> e.points().stream()
                .allMatch(p -> damage.stream().anyMatch(r -> r.contains(p.x(), p.y())))).count();
        assertEquals(0, links, "links that do not touch the selection are not covered whole");
    }

    /** Shapes drawn for {@code a} and not for {@code b} (or the other way) must lie within the damage. */
    private void assertDamageHolds(RenderState a, RenderState b, double scale) {
        List<Rect> damage = SelectionDamage.between(g, a, b, scale);
        Map<String, Integer> drawnA = counts(a);
        Map<String, Integer> drawnB = counts(b);
        List<Shape> differing = new ArrayList<>();
        for (Shape s : shapes(a)) {
            if (drawnA.get(s.what()) > drawnB.getOrDefault(s.what(), 0)) {
                differing.add(s);
            }
        }
        for (Shape s : shapes(b)) {
            if (drawnB.get(s.what()) > drawnA.getOrDefault(s.what(), 0)) {
                differing.add(s);
            }
        }
        if (!a.sameMarks(b)) {
            assertFalse(differing.isEmpty(), "the marks change what is drawn");
        }
        for (Shape s : differing) {
            assertTrue(s.coveredBy(damage),
                    "at " + scale + ", " + a.selected() + " -> " + b.selected() + ": " + s + " outside " + damage);
        }
    }

    private List<Shape> shapes(RenderState s) {
        Recorder r = new Recorder();
        new GraphPainter(r).paint(g, s, null);
        return r.shapes;
    }

    private Map<String, Integer> counts(RenderState s) {
        Map<String, Integer> n = new HashMap<>();
        shapes(s).forEach(x -> n.merge(x.what(), 1, Integer::sum));
        return n;
    }
}
