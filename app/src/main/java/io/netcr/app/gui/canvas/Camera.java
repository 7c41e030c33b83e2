package io.netcr.app.gui.canvas;

import io.netcr.app.graph.FitView;
import io.netcr.app.graph.Rect;

/** Where the view looks: screen = world * scale + translation. Plain math, no JavaFX. */
public final class Camera {

    public static final double MIN_SCALE = FitView.MIN_SCALE;
    public static final double MAX_SCALE = FitView.MAX_SCALE;

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

    /** Shows all of {@code world} centred in a view of w x h pixels ({@link FitView}, as the export does). */
    public void fit(Rect world, double w, double h) {
        FitView f = FitView.of(world, w, h);
        if (f != null) {
            scale = f.scale();
            tx = f.tx();
            ty = f.ty();
        }
    }

    /**
     * Shows {@code world} (an object) readable and whole, centred: at least at {@code readable} scale (more if the
     * view was closer already), but no closer than fits it in the view with a margin.
     */
    public void zoomTo(Rect world, double readable, double w, double h) {
        double fits = Math.min(w / (world.w() + 80), h / (world.h() + 80));
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.min(Math.max(scale, readable), fits)));
        centerOn(world.centerX(), world.centerY(), w, h);
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
