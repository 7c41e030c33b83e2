package io.netcr.app.graph.paint;

import io.netcr.app.graph.TextStyle;
import java.util.List;

/**
 * The few drawing operations the graph needs, in world coordinates. One drawing routine
 * ({@link GraphPainter}) drives three back ends: the JavaFX Canvas, Java2D (PNG) and SVG, so the
 * window and every export look the same. Colours are ARGB.
 */
public interface Painter {

    void fillRoundRect(double x, double y, double w, double h, double arc, int argb);

    void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width, boolean dashed);

    void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed);

    void fillPolygon(double[] xs, double[] ys, int argb);

    void fillOval(double x, double y, double w, double h, int argb);

    void strokeOval(double x, double y, double w, double h, int argb, double width);

    /** Many rectangles ({@code x, y, w, h} each, {@code count} of them) in one colour: one call for a back end. */
    default void fillRects(double[] xywh, int count, int argb) {
        for (int i = 0; i < count; i++) {
            fillRoundRect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], 0, argb);
        }
    }

    default void strokeRects(double[] xywh, int count, int argb, double width) {
        for (int i = 0; i < count; i++) {
            strokeRoundRect(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3], 0, argb, width, false);
        }
    }

    /** Many solid polylines in one colour and width. */
    default void polylines(List<double[]> xs, List<double[]> ys, int argb, double width) {
        for (int i = 0; i < xs.size(); i++) {
            polyline(xs.get(i), ys.get(i), argb, width, false);
        }
    }

    /** Text with its baseline at {@code y}. */
    default void text(String text, double x, double y, TextStyle style, int argb) {
        text(text, x, y, style, style.size(), argb);
    }

    /** Text in a style at another size (world units): the overview's names, sized for the screen. */
    void text(String text, double x, double y, TextStyle style, double size, int argb);

    /** Starts a group of shapes for one object; SVG keeps it (with a tooltip title), others ignore it. */
    default void beginGroup(String id, String title) {
    }

    default void endGroup() {
    }
}
