package io.netcr.app.graph.paint;

import io.netcr.app.graph.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A painter that draws nothing and records the text: in order, and each text's height on the screen (its size
 * times the scale it is drawn at; the largest when a text is drawn twice). Tests and the overview bench ask it
 * what was written and whether it is readable.
 */
public final class TextHeights implements Painter {

    private final double scale;
    public final List<String> texts = new ArrayList<>();
    public final Map<String, Double> px = new HashMap<>();

    public TextHeights(double scale) {
        this.scale = scale;
    }

    @Override public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) { }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                          boolean dashed) { }
    @Override public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) { }
    @Override public void fillPolygon(double[] xs, double[] ys, int argb) { }
    @Override public void fillOval(double x, double y, double w, double h, int argb) { }
    @Override public void strokeOval(double x, double y, double w, double h, int argb, double width) { }

    @Override
    public void text(String text, double x, double y, TextStyle style, double size, int argb) {
        texts.add(text);
        px.merge(text, size * scale, Math::max);
    }
}
