package io.netcr.app.graph.paint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.export.Exports;
import io.netcr.app.graph.BoxShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.TextStyle;
import io.netcr.app.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphPainterTest {

    /** Records the text drawn, which names what was drawn. */
    private static final class TextRecorder implements Painter {
        final List<String> texts = new ArrayList<>();

        @Override public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) { }
        @Override public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb,
                                              double width, boolean dashed) { }
        @Override public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) { }
        @Override public void fillPolygon(double[] xs, double[] ys, int argb) { }
        @Override public void fillOval(double x, double y, double w, double h, int argb) { }
        @Override public void strokeOval(double x, double y, double w, double h, int argb, double width) { }

        @Override
        public void text(String text, double x, double y, TextStyle style, double size, int argb) {
            texts.add(text);
        }
    }

    private final GraphDrawing drawing = Exports.layout(Fixtures.demo(), false);

    @Test
    void should_draw_only_what_the_camera_sees() {
        BoxShape mon = drawing.boxes().stream().filter(b -> b.label().equals("mon")).findFirst().orElseThrow();
        TextRecorder all = new TextRecorder();
        new GraphPainter(all).paint(drawing, RenderState.plain(Map.of()), null);
        TextRecorder some = new TextRecorder();
        new GraphPainter(some).paint(drawing, RenderState.plain(Map.of()), mon.bounds().grow(-2));
        assertTrue(some.texts.contains("mon") && some.texts.contains("vx0"), some.texts.toString());
        assertTrue(!some.texts.contains("br0") && all.texts.contains("br0"));
        assertTrue(some.texts.size() < all.texts.size() / 3);
    }

    @Test
    void should_leave_out_text_too_small_to_read() {
        TextRecorder far = new TextRecorder();
        new GraphPainter(far).paint(drawing, new RenderState(null, java.util.Set.of(), java.util.Set.of(),
                Map.of(), 0.1), null);
        assertEquals(List.of(), far.texts);
    }
}
