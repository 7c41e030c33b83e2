package io.netcr.app.gui.canvas;

import io.netcr.app.graph.GhostShapes;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GhostPainter;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.graph.paint.SelectionDamage;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The canvas of the graph view and the picture on it: the view plus a margin, at the camera's scale
 * ({@link PanCache}). A frame does the least that shows the camera and state truly: moves the picture (a pan),
 * repaints only the rectangles where the marks changed (a click: selection, its peer, search matches), or
 * paints it all. While a wheel burst lasts, {@link #scaled} shows the picture stretched instead
 * ({@link ZoomPreview}), which the view replaces by a sharp frame once the wheel is still.
 */
final class GraphPicture {

    /** World units and pixels beyond a patch whose shapes are drawn (clipped) with it: text and strokes overhang. */
    private static final double CULL_SLACK_WORLD = 48;
    private static final double CULL_SLACK_PX = 4;
    /** Beyond these ratios a stretched picture stands in badly (blurred, or a small island): paint it sharp. */
    static final double MIN_STRETCH = 1 / 3.0;
    static final double MAX_STRETCH = 4;

    /** What a frame did. */
    enum Frame { PAINTED, PATCHED, MOVED }

    /** What changes the picture, besides the camera and the marks. */
    private record Key(RenderState unmarked, GhostShapes ghosts) {
    }

    private final Canvas canvas = new Canvas();
    private final PanCache cache = new PanCache();
    private final ZoomPreview preview = new ZoomPreview();
    private final Color background = Color.web(Palette.hex(Palette.BACKGROUND));
    /** The state the picture shows, marks included. */
    private RenderState shown;
    private long paints;
    private long patches;

    GraphPicture() {
        canvas.setManaged(false); // bigger than the region: must not make the region's preferred size grow
    }

    /** The nodes to show, bottom first: the canvas, and the zoom preview over it. */
    List<Node> nodes() {
        return List.of(canvas, preview.node());
    }

    /** Sizes the canvas for a {@code w x h} view: the view and the margin on each side. */
    void fitTo(double w, double h) {
        int m = cache.marginFor(w, h);
        canvas.setWidth(Math.ceil(w) + 2 * m);
        canvas.setHeight(Math.ceil(h) + 2 * m);
    }

    /** No document: the hint to open one. */
    void blank(double w, double h) {
        unstretch();
        cache.invalidate();
        shown = null;
        int m = cache.marginFor(w, h);
        canvas.relocate(-m, -m);
        paints++;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(background);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        gc.setFill(Color.web(Palette.hex(Palette.CAPTION)));
        gc.setFont(Font.font("SansSerif", 14));
        gc.fillText("Open a snapshot (File › Open, or drop a file here)", m + 24, m + 36);
    }

    /**
     * A sharp frame of {@code g} in {@code state} (with the comparison's {@code ghosts}) through {@code camera} in a
     * {@code w x h} view; {@code content} bounds all that is drawn.
     */
    Frame show(GraphDrawing g, RenderState state, GhostShapes ghosts, Camera camera, double w, double h, Rect content) {
        unstretch();
        Key key = new Key(state.withoutMarks(), ghosts);
        PanCache.Placement at = cache.place(g, key, camera, w, h, content);
        canvas.relocate(at.x(), at.y());
        if (!at.repaint() && shown != null) {
            if (state.sameMarks(shown)) {
                return Frame.MOVED; // a pan within the picture: moving the canvas node is the whole frame
            }
            PanCache.Picture p = cache.picture();
            List<PictureDamage.Px> damage = !GraphPainter.marksRepaintLocally(p.scale()) ? null
                    : PictureDamage.of(SelectionDamage.between(g, shown, state, p.scale()), p);
            if (damage != null) {
                patch(damage, g, state, ghosts, p);
                shown = state;
                return Frame.PATCHED;
            }
            cache.invalidate(); // too much changed for patches: a new picture, where the camera is now
            at = cache.place(g, key, camera, w, h, content);
            canvas.relocate(at.x(), at.y());
        }
        paint(g, state, ghosts, cache.picture());
        shown = state;
        return Frame.PAINTED;
    }

    /**
     * Shows the picture stretched to the camera's new scale, when it shows {@code g} in {@code state} (only the
     * camera changed) and the stretch stays within bounds; false when a sharp frame is needed instead.
     */
    boolean scaled(GraphDrawing g, RenderState state, GhostShapes ghosts, Camera camera, double w, double h) {
        PanCache.Picture p = cache.picture();
        if (p == null || shown == null || !state.sameMarks(shown)
                || !cache.holds(g, new Key(state.withoutMarks().atScale(p.scale()), ghosts), w, h)) {
            return false;
        }
        double k = camera.scale() / p.scale();
        if (k < MIN_STRETCH || k > MAX_STRETCH) {
            return false;
        }
        if (!preview.active()) {
            preview.begin(canvas, p);
            canvas.setVisible(false); // covered by the preview: not worth rendering
        }
        preview.show(camera, w, h, Palette.BACKGROUND);
        return true;
    }

    /** The next sharp frame paints the whole picture. */
    void forget() {
        cache.invalidate();
    }

    private void unstretch() {
        if (preview.active()) {
            preview.end();
            canvas.setVisible(true);
        }
    }

    /** True while a stretched picture stands in for the canvas. */
    boolean isStretched() {
        return preview.active();
    }

    private void paint(GraphDrawing g, RenderState state, GhostShapes ghosts, PanCache.Picture p) {
        paints++;
        canvas.setWidth(p.w());
        canvas.setHeight(p.h());
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(background);
        gc.fillRect(0, 0, p.w(), p.h());
        gc.setTransform(p.scale(), 0, 0, p.scale(), p.originX(), p.originY());
        FxPainter painter = new FxPainter(gc);
        new GraphPainter(painter).paint(g, state, p.visible());
        GhostPainter.paint(painter, ghosts, p.visible(), p.scale());
    }

    /**
     * Paints each rectangle again under a clip to it (a whole-pixel clip: Prism's scissor, not a mask), with the
     * same transform and the same shapes in the same order as {@link #paint}: so the pixels are those of a
     * whole painting. Shapes are culled against the rectangle grown by a slack, for what overhangs its bounds.
     */
    private void patch(List<PictureDamage.Px> rects, GraphDrawing g, RenderState state, GhostShapes ghosts,
                       PanCache.Picture p) {
        patches++;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double slack = CULL_SLACK_WORLD + CULL_SLACK_PX / p.scale();
        for (PictureDamage.Px r : rects) {
            gc.save();
            gc.setTransform(1, 0, 0, 1, 0, 0);
            gc.beginPath();
            gc.rect(r.x(), r.y(), r.w(), r.h());
            gc.clip();
            gc.setFill(background);
            gc.fillRect(r.x(), r.y(), r.w(), r.h());
            gc.setTransform(p.scale(), 0, 0, p.scale(), p.originX(), p.originY());
            Rect world = new Rect((r.x() - p.originX()) / p.scale(), (r.y() - p.originY()) / p.scale(),
                    r.w() / p.scale(), r.h() / p.scale()).grow(slack).intersection(p.visible());
            FxPainter painter = new FxPainter(gc);
            new GraphPainter(painter).paint(g, state, world);
            GhostPainter.paint(painter, ghosts, world, p.scale());
            gc.restore();
        }
    }

    /** Whole paintings so far (the first frame, zooms, resizes, big changes). */
    long paints() {
        return paints;
    }

    /** Frames that repainted only where the marks changed. */
    long patches() {
        return patches;
    }
}
