package io.netcr.app.graph.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.export.Exports;
import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphPainterTest {

    private final GraphDrawing drawing = Exports.layout(Fixtures.demo(), false);

    @Test
    void should_draw_only_what_the_camera_sees() {
        BoxShape mon = drawing.boxes().stream().filter(b -> b.label().equals("mon")).findFirst().orElseThrow();
        TextHeights all = new TextHeights(1);
        new GraphPainter(all).paint(drawing, RenderState.plain(Map.of()), null);
        TextHeights some = new TextHeights(1);
        new GraphPainter(some).paint(drawing, RenderState.plain(Map.of()), mon.bounds().grow(-2));
        assertTrue(some.texts.contains("mon") && some.texts.contains("vx0"), some.texts.toString());
        assertTrue(!some.texts.contains("br0") && all.texts.contains("br0"));
        assertTrue(some.texts.size() < all.texts.size() / 3);
    }

    @Test
    void should_leave_out_text_too_small_to_read() {
        for (double scale : new double[] {0.05, 0.1, 0.3}) {
            TextHeights far = new TextHeights(scale);
            new GraphPainter(far).paint(drawing, RenderState.plain(Map.of()).atScale(scale), null);
            assertTrue(far.px.values().stream().allMatch(h -> h >= 8), scale + ": " + far.px); // OverviewPainter.MIN_NAME_PX
            assertTrue(far.texts.stream().noneMatch(t -> t.equals("br0") || t.startsWith("10.250")),
                    "no device text in the overview: " + far.texts);
        }
        TextHeights tiny = new TextHeights(0.05);
        new GraphPainter(tiny).paint(drawing, RenderState.plain(Map.of()).atScale(0.05), null);
        assertEquals(List.of(), tiny.texts, "at 5 % not even a namespace's name fits its card");
    }
}
