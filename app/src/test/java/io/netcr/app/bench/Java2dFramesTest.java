package io.netcr.app.bench;

import io.netcr.app.testing.BenchSnapshots;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.SubjectPath;
import io.netcr.model.Snapshot;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pan cache must not change what is drawn: cached frames against frames painted directly. */
class Java2dFramesTest {

    private static final int W = 640;
    private static final int H = 400;

    @Test
    void should_draw_the_same_frames_through_the_pan_cache_as_directly_when_zoomed_out() {
        assertSameWhilePanning(BenchSnapshots.mesh(200), null);
    }

    @Test
    void should_draw_the_same_frames_through_the_pan_cache_as_directly_at_full_zoom() {
        Snapshot demo = Fixtures.demo();
        GraphDrawing g = Exports.layout(demo, false);
        SubjectPath selected = g.nodes().get(0).id();
        assertSameWhilePanning(demo, selected);
        assertSameWhilePanning(BenchSnapshots.star(40), null);
    }

    private static void assertSameWhilePanning(Snapshot s, SubjectPath selected) {
        GraphDrawing g = Exports.layout(s, false);
        Camera camera = new Camera();
        camera.fit(g.bounds(), W, H);
        check(g, selected, camera, "fit");
        camera.zoomAt(1 / camera.scale(), W / 2.0, H / 2.0);
        check(g, selected, camera, "100 %");
    }

    /** 80 pans of (9, 4) pixels and back: far enough to leave the cached picture and paint it again. */
    private static void check(GraphDrawing g, SubjectPath selected, Camera camera, String where) {
        Java2dFrames frames = new Java2dFrames();
        BufferedImage cached = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        BufferedImage direct = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < 80; i++) {
            camera.pan(i < 40 ? 9 : -9, i < 40 ? 4 : -4);
            RenderState state = new RenderState(selected, Set.of(), Set.of(), Map.of(), camera.scale());
            frames.cached(cached, g, state, camera);
            if (i % 7 == 0 || i == 79) {
                Java2dFrames.direct(direct, g, state, camera);
                assertSimilar(direct, cached, where + ", pan " + i);
            }
        }
        assertTrue(frames.repaints() < 80, "the cache was used: " + frames.repaints() + " repaints");
    }

    /** Antialiasing may differ in the last bits (float rounding at other offsets); shapes may not. */
    private static void assertSimilar(BufferedImage a, BufferedImage b, String where) {
        long off = 0;
        int worst = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int pa = a.getRGB(x, y);
                int pb = b.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift < 32; shift += 8) {
                    d = Math.max(d, Math.abs(((pa >> shift) & 0xFF) - ((pb >> shift) & 0xFF)));
                }
                worst = Math.max(worst, d);
                if (d > 24) {
                    off++;
                }
            }
        }
        assertTrue(off <= a.getWidth() * a.getHeight() / 2000,
                where + ": " + off + " pixels differ by more than 24 levels (worst " + worst + ")");
    }
}
