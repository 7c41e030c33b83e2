package io.netcr.app.graph.paint;

import io.netcr.app.graph.TextStyle;

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

    /** Text with its baseline at {@code y}. */
    void text(String text, double x, double y, TextStyle style, int argb);

    /** Starts a group of shapes for one object; SVG keeps it (with a tooltip title), others ignore it. */
    default void beginGroup(String id, String title) {
    }

    default void endGroup() {
    }
}
