package io.netcr.app.export;

import io.netcr.app.graph.TextStyle;
import io.netcr.app.graph.paint.Painter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paints on a Java2D surface: PNG export (which must work with no display), and bench/gui frames. */
public final class Java2dPainter implements Painter {

    private static final float[] DASH = {5f, 4f};

    private final Graphics2D g;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Map<String, Font> sized = new HashMap<>();

    public Java2dPainter(Graphics2D g) {
        this.g = g;
        for (TextStyle s : TextStyle.values()) {
            fonts.put(s, new Font(s.mono() ? Font.MONOSPACED : Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1)
                    .deriveFont((float) s.size()));
        }
    }

    private void color(int argb) {
        g.setColor(colors.computeIfAbsent(argb, c -> new Color(c, true)));
    }

    private void stroke(double width, boolean dashed) {
        g.setStroke(dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        color(argb);
        g.fill(arc <= 0 ? new Rectangle2D.Double(x, y, w, h) : new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                boolean dashed) {
        color(argb);
        stroke(width, dashed);
        g.draw(arc <= 0 ? new Rectangle2D.Double(x, y, w, h) : new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) {
        color(argb);
        stroke(width, dashed);
        g.draw(path(xs, ys, false));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int argb) {
        color(argb);
        g.fill(path(xs, ys, true));
    }

    /** Zoomed-out batches of axis-aligned rectangles: without antialiasing, which costs most and shows least. */
    @Override
    public void fillRects(double[] xywh, int count, int argb) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        color(argb);
        g.fill(rects(xywh, count));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    @Override
    public void strokeRects(double[] xywh, int count, int argb, double width) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        color(argb);
        stroke(width, false);
        g.draw(rects(xywh, count));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }

    @Override
    public void polylines(List<double[]> xs, List<double[]> ys, int argb, double width) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < xs.size(); i++) {
            double[] x = xs.get(i);
            double[] y = ys.get(i);
            path.moveTo(x[0], y[0]);
            for (int k = 1; k < x.length; k++) {
                path.lineTo(x[k], y[k]);
            }
        }
        color(argb);
        // zoomed-out batches: square ends and bevelled corners, which widen far cheaper than round ones
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL));
        g.draw(path);
    }

    private static Path2D rects(double[] xywh, int count) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            path.append(new Rectangle2D.Double(xywh[4 * i], xywh[4 * i + 1], xywh[4 * i + 2], xywh[4 * i + 3]), false);
        }
        return path;
    }

    private static Path2D path(double[] xs, double[] ys, boolean close) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        if (close) {
            path.closePath();
        }
        return path;
    }

    @Override
    public void fillOval(double x, double y, double w, double h, int argb) {
        color(argb);
        g.fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h, int argb, double width) {
        color(argb);
        stroke(width, false);
        g.draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, double size, int argb) {
        color(argb);
        Font f = fonts.get(style);
        g.setFont(size == style.size() ? f : sized.computeIfAbsent(style + "@" + size, k -> f.deriveFont((float) size)));
        g.drawString(text, (float) x, (float) y);
    }
}
