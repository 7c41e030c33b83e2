package io.netcr.app.export;

import io.netcr.app.graph.TextStyle;
import io.netcr.app.graph.paint.Painter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.EnumMap;
import java.util.Map;

/** Paints on a Java2D surface: PNG export, which must work with no display (java.awt.headless). */
final class Java2dPainter implements Painter {

    private static final float[] DASH = {5f, 4f};

    private final Graphics2D g;
    private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);

    Java2dPainter(Graphics2D g) {
        this.g = g;
        for (TextStyle s : TextStyle.values()) {
            fonts.put(s, new Font(s.mono() ? Font.MONOSPACED : Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1)
                    .deriveFont((float) s.size()));
        }
    }

    private void color(int argb) {
        g.setColor(new Color(argb, true));
    }

    private void stroke(double width, boolean dashed) {
        g.setStroke(dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        color(argb);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                boolean dashed) {
        color(argb);
        stroke(width, dashed);
        g.draw(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
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
    public void text(String text, double x, double y, TextStyle style, int argb) {
        color(argb);
        g.setFont(fonts.get(style));
        g.drawString(text, (float) x, (float) y);
    }
}
