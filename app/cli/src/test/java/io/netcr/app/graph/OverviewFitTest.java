package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.graph.paint.TextHeights;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Fit shows of a star (a hub joined to N spokes) in a 1600x1000 view, as the window and
 * {@code netcr export --size 1600x1000} draw it: the drawing uses the view in both directions, and at 50
 * namespaces every namespace's name is drawn at least 9 px high.
 */
class OverviewFitTest {

    private static final int W = 1600;
    private static final int H = 1000;
    private static final Path SHOTS = Path.of("target", "screenshots");

    /** The share of the view's width and height that the drawing's bounding box covers at Fit. */
    private static double[] coverage(GraphDrawing g) {
        FitView fit = FitView.of(g.bounds(), W, H);
        Rect content = g.bounds().grow(-GraphDrawing.MARGIN);
        return new double[] {content.w() * fit.scale() / W, content.h() * fit.scale() / H};
    }

    @Test
    void should_fill_the_view_with_a_star_of_50_and_draw_every_name_at_least_9_px_high() throws Exception {
        Snapshot star = BenchSnapshots.star(50);
        GraphDrawing g = Exports.layout(star, false);
        double[] c = coverage(g);
        assertTrue(c[0] >= 0.6 && c[1] >= 0.6, "covers " + c[0] + " x " + c[1]);
        FitView fit = FitView.of(g.bounds(), W, H);
        TextHeights heights = new TextHeights(fit.scale());
        new GraphPainter(heights).paint(g, RenderState.plain(Map.of()).atScale(fit.scale()), fit.visible(W, H));
        for (Namespace ns : star.namespaces()) {
            Double h = heights.px.get(ns.label());
            assertTrue(h != null && h >= 9, ns.label() + " is drawn " + h + " px high at scale " + fit.scale());
        }
        assertEquals(51, star.namespaces().size());
        // what netcr export --size 1600x1000 writes: docs/overview-star-50.png (docs/make-screenshot)
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("overview-star-50.png"), Exports.fittedPng(star, g, W, H));
    }

    @Test
    void should_fill_the_view_with_a_star_of_1000() {
        double[] c = coverage(Exports.layout(BenchSnapshots.star(1000), false));
        assertTrue(c[0] >= 0.6 && c[1] >= 0.6, "covers " + c[0] + " x " + c[1]);
    }
}
