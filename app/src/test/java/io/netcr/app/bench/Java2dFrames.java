package io.netcr.app.bench;

import io.netcr.app.export.Java2dPainter;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.gui.canvas.PanCache;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * What GraphView does on each pulse, on Java2D: the bench's proxy for the FX Canvas. {@link #direct} paints
 * the graph straight onto the frame; {@link #cached} goes through the same {@link PanCache} as the window:
 * it paints a picture of the view plus a margin when it must, and otherwise copies it at an offset (the
 * window moves its canvas node instead of copying).
 */
final class Java2dFrames {

    private final PanCache cache = new PanCache();
    private BufferedImage picture;

    long repaints() {
        return cache.repaints();
    }

    /** Paints the graph straight onto {@code frame}, as the window did before the cache. */
    static void direct(BufferedImage frame, GraphDrawing g, RenderState state, Camera camera) {
        Graphics2D g2 = frame.createGraphics();
        try {
            paint(g2, 0, 0, frame.getWidth(), frame.getHeight(), camera, g, state,
                    camera.visibleWorld(frame.getWidth(), frame.getHeight()));
        } finally {
            g2.dispose();
        }
    }

    /** The same frame through the pan cache. */
    void cached(BufferedImage frame, GraphDrawing g, RenderState state, Camera camera) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        PanCache.Placement at = cache.place(g, state, camera, w, h, g.bounds());
        if (at.repaint()) {
            if (picture == null || picture.getWidth() != at.w() || picture.getHeight() != at.h()) {
                picture = new BufferedImage(at.w(), at.h(), BufferedImage.TYPE_INT_RGB);
            }
            Graphics2D p = picture.createGraphics();
            try {
                paint(p, at.x(), at.y(), at.w(), at.h(), camera, g, state, at.visible());
            } finally {
                p.dispose();
            }
        }
        Graphics2D g2 = frame.createGraphics();
        try {
            if (at.x() > 0 || at.y() > 0 || at.x() + at.w() < w || at.y() + at.h() < h) {
                g2.setColor(new Color(Palette.BACKGROUND, true));
                g2.fillRect(0, 0, w, h);
            }
            g2.drawImage(picture, at.x(), at.y(), null);
        } finally {
            g2.dispose();
        }
    }

    /** Background, then the graph; the surface's pixel (0, 0) is view pixel (x, y). */
    private static void paint(Graphics2D g2, int x, int y, int w, int h, Camera camera, GraphDrawing g,
                              RenderState state, Rect visible) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(new Color(Palette.BACKGROUND, true));
        g2.fillRect(0, 0, w, h);
        g2.translate(camera.tx() - x, camera.ty() - y);
        g2.scale(camera.scale(), camera.scale());
        new GraphPainter(new Java2dPainter(g2)).paint(g, state, visible);
    }
}
