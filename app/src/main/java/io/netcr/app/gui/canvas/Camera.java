package io.netcr.app.gui.canvas;

import io.netcr.app.graph.Rect;

/** Where the view looks: screen = world * scale + translation. Plain math, no JavaFX. */
public final class Camera {

    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 4;
    /** Fitting never magnifies past this: a small graph stays at a natural size. */
    private static final double FIT_MAX = 1.25;

    private double scale = 1;
    private double tx;
    private double ty;

    public double scale() {
        return scale;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    public double toScreenX(double wx) {
        return wx * scale + tx;
    }

    public double toScreenY(double wy) {
        return wy * scale + ty;
    }

    public double toWorldX(double sx) {
        return (sx - tx) / scale;
    }

    public double toWorldY(double sy) {
        return (sy - ty) / scale;
    }

    /** Zooms by {@code factor} keeping the world point under (sx, sy) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        tx = sx - wx * scale;
        ty = sy - wy * scale;
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Shows all of {@code world} centred in a view of w x h pixels. */
    public void fit(Rect world, double w, double h) {
        if (world.w() <= 0 || world.h() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        scale = Math.max(MIN_SCALE, Math.min(FIT_MAX, Math.min(w / world.w(), h / world.h())));
        tx = (w - world.w() * scale) / 2 - world.x() * scale;
        ty = (h - world.h() * scale) / 2 - world.y() * scale;
    }

    /** Puts the world point (wx, wy) at the centre of a w x h view. */
    public void centerOn(double wx, double wy, double w, double h) {
        tx = w / 2 - wx * scale;
        ty = h / 2 - wy * scale;
    }

    /** The part of the world a w x h view shows: what the painter culls against. */
    public Rect visibleWorld(double w, double h) {
        return new Rect(toWorldX(0), toWorldY(0), w / scale, h / scale);
    }
}
