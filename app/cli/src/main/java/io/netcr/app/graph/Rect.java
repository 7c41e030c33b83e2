package io.netcr.app.graph;

/** An axis-aligned rectangle in world (layout) coordinates. */
public record Rect(double x, double y, double w, double h) {

    public static final Rect EMPTY = new Rect(0, 0, 0, 0);

    public double maxX() {
        return x + w;
    }

    public double maxY() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    public boolean intersects(Rect o) {
        return o.x <= maxX() && o.maxX() >= x && o.y <= maxY() && o.maxY() >= y;
    }

    public boolean containsRect(Rect o) {
        return o.x >= x && o.y >= y && o.maxX() <= maxX() && o.maxY() <= maxY();
    }

    public Rect union(Rect o) {
        double nx = Math.min(x, o.x);
        double ny = Math.min(y, o.y);
        return new Rect(nx, ny, Math.max(maxX(), o.maxX()) - nx, Math.max(maxY(), o.maxY()) - ny);
    }

    /** The part both rectangles cover; {@link #EMPTY}'s size (0 x 0) at the nearest corner when they do not meet. */
    public Rect intersection(Rect o) {
        double nx = Math.max(x, o.x);
        double ny = Math.max(y, o.y);
        return new Rect(nx, ny, Math.max(0, Math.min(maxX(), o.maxX()) - nx), Math.max(0, Math.min(maxY(), o.maxY()) - ny));
    }

    public Rect grow(double d) {
        return new Rect(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    public Rect translate(double dx, double dy) {
        return new Rect(x + dx, y + dy, w, h);
    }
}
