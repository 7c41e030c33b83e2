package io.netcr.app.export;

import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.RenderState;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The drawing as a PNG, painted with Java2D: no display and no JavaFX needed. */
public final class PngExport {

    /** Images larger than this many pixels a side are scaled down, so a huge host still exports. */
    private static final int MAX_SIDE = 16_000;

    private PngExport() {
    }

    public static BufferedImage image(GraphDrawing g, RenderState state, double scale) {
        Rect b = g.bounds();
        double s = Math.min(scale, MAX_SIDE / Math.max(1, Math.max(b.w(), b.h())));
        int w = Math.max(1, (int) Math.ceil(b.w() * s));
        int h = Math.max(1, (int) Math.ceil(b.h() * s));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setColor(new java.awt.Color(Palette.BACKGROUND, true));
            g2.fillRect(0, 0, w, h);
            g2.scale(s, s);
            g2.translate(-b.x(), -b.y());
            new GraphPainter(new Java2dPainter(g2)).paint(g, state, null);
        } finally {
            g2.dispose();
        }
        return img;
    }

    public static byte[] png(GraphDrawing g, RenderState state, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(g, state, scale), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
