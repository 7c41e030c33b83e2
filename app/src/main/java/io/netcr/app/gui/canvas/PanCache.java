package io.netcr.app.gui.canvas;

import io.netcr.app.graph.Rect;

/**
 * Decides when a frame can reuse the last picture instead of painting the graph again. The picture covers
 * the view and a margin around it, at the camera's scale; while the camera only moves by whole pixels and
 * what it has to show stays inside the picture, a frame is one copy of the picture at an offset (on the FX
 * Canvas: the canvas node is moved, nothing is painted). A zoom, a sub-pixel move, a resize, a new state
 * (selection, highlight, matches, data) or leaving the picture paints it anew. Plain math, no JavaFX: the
 * window and the Java2D bench share it.
 */
public final class PanCache {

    /** Pixels painted beyond each side of the view, so that a drag does not paint on every step. */
    public static final int MARGIN = 256;
    /** World units and pixels added around the content: strokes, badges and text that overhang it. */
    private static final double CONTENT_SLACK_WORLD = 8;
    private static final double CONTENT_SLACK_PX = 2;
    private static final double WHOLE = 1e-6;
    /** No picture wider or taller than this (a texture size every GPU takes): big views get less margin. */
    private static final int MAX_PICTURE = 4096;

    /** {@code -Dnetcr.pancache=off} paints every frame, as before the cache (for measuring it). */
    private static final boolean ON = !"off".equals(System.getProperty("netcr.pancache"));

    private final int margin;
    private Object drawing;
    private Object key;
    private double scale;
    private double tx0;
    private double ty0;
    private double viewW;
    private double viewH;
    private Picture picture;
    private long repaints;

    public PanCache() {
        this(MARGIN);
    }

    public PanCache(int margin) {
        this.margin = ON ? margin : 0;
    }

    /**
     * Where this frame's picture lies on the screen and whether it must be painted: its top-left corner
     * ({@code x, y}, whole view pixels), its size ({@code w x h} pixels: the view plus the margin on each
     * side), and, when it must be painted, the part of the world it shows ({@code visible}: what to cull
     * against; null otherwise). Painted, world (wx, wy) lands on picture pixel
     * (wx * scale + tx - x, wy * scale + ty - y).
     */
    public record Placement(int x, int y, int w, int h, boolean repaint, Rect visible) {
    }

    /**
     * How the world lies on the last picture's pixels: world (wx, wy) is picture pixel
     * (wx * scale + originX, wy * scale + originY); {@code visible} is the part of the world it shows.
     */
    public record Picture(double scale, double originX, double originY, int w, int h, Rect visible) {
    }

    /**
     * The placement for a frame of a {@code viewW x viewH} view through {@code camera}, showing {@code drawing}
     * (compared by identity) whose drawn things lie within {@code content} (world bounds), in the state
     * {@code key} (compared with equals: anything else that changes what is drawn, other than the camera's
     * translation, must be part of it).
     */
    public Placement place(Object drawing, Object key, Camera camera, double viewW, double viewH, Rect content) {
        int m = marginFor(viewW, viewH);
        int w = (int) Math.ceil(viewW) + 2 * m;
        int h = (int) Math.ceil(viewH) + 2 * m;
        double dx = camera.tx() - tx0;
        double dy = camera.ty() - ty0;
        boolean reusable = ON && this.key != null && this.drawing == drawing && this.key.equals(key)
                && camera.scale() == scale
                && viewW == this.viewW && viewH == this.viewH && whole(dx) && whole(dy);
        if (reusable) {
            int x = (int) Math.round(dx) - m;
            int y = (int) Math.round(dy) - m;
            if (covers(x, y, w, h, needed(camera, viewW, viewH, content))) {
                return new Placement(x, y, w, h, false, null);
            }
        }
        this.drawing = drawing;
        this.key = key;
        scale = camera.scale();
        tx0 = camera.tx();
        ty0 = camera.ty();
        this.viewW = viewW;
        this.viewH = viewH;
        repaints++;
        Rect visible = new Rect(camera.toWorldX(-m), camera.toWorldY(-m), w / scale, h / scale);
        picture = new Picture(scale, tx0 + m, ty0 + m, w, h, visible);
        return new Placement(-m, -m, w, h, true, visible);
    }

    /**
     * True when the last picture shows {@code drawing} in the state {@code key} (as {@link #place} compares them)
     * for a view of this size: only the camera may have changed since.
     */
    public boolean holds(Object drawing, Object key, double viewW, double viewH) {
        return this.key != null && this.drawing == drawing && this.key.equals(key) && viewW == this.viewW
                && viewH == this.viewH;
    }

    /** The picture the last {@link #place} painted or kept, or null when there is none. */
    public Picture picture() {
        return key == null ? null : picture;
    }

    /** The margin around a {@code viewW x viewH} view: the picture is the view plus twice this. */
    public int marginFor(double viewW, double viewH) {
        int side = (int) Math.ceil(Math.max(viewW, viewH));
        return Math.max(0, Math.min(margin, (MAX_PICTURE - side) / 2));
    }

    /** Forgets the picture: the next frame paints. */
    public void invalidate() {
        drawing = null;
        key = null;
    }

    /** How many times a picture was painted: tests and the bench count them. */
    public long repaints() {
        return repaints;
    }

    /** The part of the view where something is drawn, in view pixels; null when nothing is. */
    private static Rect needed(Camera c, double viewW, double viewH, Rect content) {
        Rect g = content.grow(CONTENT_SLACK_WORLD);
        double x0 = Math.max(0, c.toScreenX(g.x()) - CONTENT_SLACK_PX);
        double y0 = Math.max(0, c.toScreenY(g.y()) - CONTENT_SLACK_PX);
        double x1 = Math.min(viewW, c.toScreenX(g.maxX()) + CONTENT_SLACK_PX);
        double y1 = Math.min(viewH, c.toScreenY(g.maxY()) + CONTENT_SLACK_PX);
        return x1 <= x0 || y1 <= y0 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    private static boolean covers(int x, int y, int w, int h, Rect r) {
        return r == null || (r.x() >= x && r.y() >= y && r.maxX() <= x + w && r.maxY() <= y + h);
    }

    private static boolean whole(double d) {
        return Math.abs(d - Math.rint(d)) < WHOLE;
    }
}
