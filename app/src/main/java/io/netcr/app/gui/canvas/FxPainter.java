package io.netcr.app.gui.canvas;

import io.netcr.app.graph.TextStyle;
import io.netcr.app.graph.paint.Painter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Paints on a JavaFX Canvas: the window's back end of the shared drawing routine. */
final class FxPainter implements Painter {

    private final GraphicsContext gc;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Map<Sized, Font> sized = new HashMap<>();

    FxPainter(GraphicsContext gc) {
        this.gc = gc;
        for (TextStyle s : TextStyle.values()) {
            fonts.put(s, font(s, s.size()));
        }
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
    }

    private Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF,
                ((c >>> 24) & 0xFF) / 255.0));
    }

    private void stroke(int argb, double width, boolean dashed) {
        gc.setStroke(color(argb));
        gc.setLineWidth(width);
        if (dashed) {
            gc.setLineDashes(5, 4);
        } else {
            gc.setLineDashes((double[]) null);
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        gc.setFill(color(argb));
        if (arc <= 0) {
            gc.fillRect(x, y, w, h);
        } else {
            gc.fillRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                boolean dashed) {
        stroke(argb, width, dashed);
        if (arc <= 0) {
            gc.strokeRect(x, y, w, h);
        } else {
            gc.strokeRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) {
        stroke(argb, width, dashed);
        gc.strokePolyline(xs, ys, xs.length);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int argb) {
        gc.setFill(color(argb));
        gc.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void fillOval(double x, double y, double w, double h, int argb) {
        gc.setFill(color(argb));
        gc.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h, int argb, double width) {
        stroke(argb, width, false);
        gc.strokeOval(x, y, w, h);
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, double size, int argb) {
        gc.setFill(color(argb));
        gc.setFont(size == style.size() ? fonts.get(style) : sized.computeIfAbsent(new Sized(style, size),
                k -> font(style, size)));
        gc.fillText(text, x, y);
    }

    /** A style at another size: the overview's names, sized for the screen (a few sizes per zoom). */
    private record Sized(TextStyle style, double size) {
    }

    private static Font font(TextStyle s, double size) {
        return Font.font(s.mono() ? "Monospaced" : "SansSerif", s.bold() ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    @Override
    public void fillRects(double[] xywh, int count, int argb) {
        gc.setFill(color(argb));
        gc.beginPath();
        for (int i = 0; i < count; i++) {
            gc.rect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3]);
        }
        gc.fill();
    }

    @Override
    public void strokeRects(double[] xywh, int count, int argb, double width) {
        stroke(argb, width, false);
        gc.beginPath();
        for (int i = 0; i < count; i++) {
            gc.rect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3]);
        }
        gc.stroke();
    }

    @Override
    public void polylines(List<double[]> xs, List<double[]> ys, int argb, double width) {
        stroke(argb, width, false);
        gc.beginPath();
        for (int i = 0; i < xs.size(); i++) {
            double[] x = xs.get(i);
            double[] y = ys.get(i);
            gc.moveTo(x[0], y[0]);
            for (int k = 1; k < x.length; k++) {
                gc.lineTo(x[k], y[k]);
            }
        }
        gc.stroke();
    }
}
