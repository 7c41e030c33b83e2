package io.netcr.app.export;

import io.netcr.app.graph.FitView;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.RenderState;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The drawing as a PNG, painted with Java2D: no display and no JavaFX needed. Full detail, or what Fit shows. */
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
        Graphics2D g2 = start(img);
        try {
            g2.scale(s, s);
            g2.translate(-b.x(), -b.y());
            new GraphPainter(new Java2dPainter(g2)).paint(g, state.atScale(s), null);
        } finally {
            g2.dispose();
        }
        return img;
    }

    /**
     * What Fit shows in a {@code w x h} view ({@link FitView}, the window's rule): the drawing at the scale that
     * fits it, centred, in the look of that scale (the overview's cards when it is small).
     */
    public static BufferedImage fitted(GraphDrawing g, RenderState state, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = start(img);
        try {
            FitView fit = FitView.of(g.bounds(), w, h);
            if (fit != null) {
                g2.translate(fit.tx(), fit.ty());
                g2.scale(fit.scale(), fit.scale());
                new GraphPainter(new Java2dPainter(g2)).paint(g, state.atScale(fit.scale()), fit.visible(w, h));
            }
        } finally {
            g2.dispose();
        }
        return img;
    }

    /** A Graphics2D on {@code img}, antialiased, the background painted. */
    private static Graphics2D start(BufferedImage img) {
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g2.setColor(new Color(Palette.BACKGROUND, true));
        g2.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g2;
    }

    public static byte[] png(GraphDrawing g, RenderState state, double scale) {
        return encode(image(g, state, scale));
    }

    public static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
