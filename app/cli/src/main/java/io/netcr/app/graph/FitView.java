package io.netcr.app.graph;

/**
 * What Fit shows: the scale and translation (screen = world * scale + t) that show all of a drawing centred in
 * a view of w x h pixels. One rule for the window's camera and for {@code netcr export --size}, so that the
 * export draws exactly what Fit shows.
 */
public record FitView(double scale, double tx, double ty) {

    /** The camera's zoom range. */
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 4;
    /** Fitting never magnifies past this: a small graph stays at a natural size. */
    public static final double FIT_MAX = 1.25;

    /** The fit of {@code world} in a {@code w x h} view; null when either is empty. */
    public static FitView of(Rect world, double w, double h) {
        if (world.w() <= 0 || world.h() <= 0 || w <= 0 || h <= 0) {
            return null;
        }
        double scale = Math.max(MIN_SCALE, Math.min(FIT_MAX, Math.min(w / world.w(), h / world.h())));
        return new FitView(scale, (w - world.w() * scale) / 2 - world.x() * scale,
                (h - world.h() * scale) / 2 - world.y() * scale);
    }

    /** The part of the world a {@code w x h} view shows at this fit. */
    public Rect visible(double w, double h) {
        return new Rect(-tx / scale, -ty / scale, w / scale, h / scale);
    }
}
