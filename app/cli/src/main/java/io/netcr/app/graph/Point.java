package io.netcr.app.graph;

/** A point in world (layout) coordinates. */
public record Point(double x, double y) {

    public Point translate(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }
}
