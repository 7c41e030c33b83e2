package io.netcr.app.export;

import io.netcr.app.graph.TextStyle;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.Painter;
import java.util.Locale;

/** Paints SVG elements into a string; each drawn object becomes a {@code <g>} with a {@code <title>}. */
final class SvgPainter implements Painter {

    private static final String SANS = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static final String MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace";

    private final StringBuilder out = new StringBuilder();

    String body() {
        return out.toString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String paint(int argb) {
        String hex = Palette.hex(argb);
        int alpha = argb >>> 24;
        return alpha == 255 ? hex : hex + "\" fill-opacity=\"" + n(alpha / 255.0);
    }

    private static String strokeAttrs(int argb, double width, boolean dashed) {
        return " stroke=\"" + Palette.hex(argb) + "\" stroke-width=\"" + n(width) + "\""
                + (dashed ? " stroke-dasharray=\"5 4\"" : "") + " stroke-linejoin=\"round\"";
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"").append(n(arc / 2)).append("\" fill=\"")
                .append(paint(argb)).append("\"/>\n");
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double width,
                                boolean dashed) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" rx=\"").append(n(arc / 2)).append("\" fill=\"none\"")
                .append(strokeAttrs(argb, width, dashed)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int argb, double width, boolean dashed) {
        out.append("<polyline points=\"").append(points(xs, ys)).append("\" fill=\"none\"")
                .append(strokeAttrs(argb, width, dashed)).append(" stroke-linecap=\"round\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int argb) {
        out.append("<polygon points=\"").append(points(xs, ys)).append("\" fill=\"").append(paint(argb))
                .append("\"/>\n");
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return sb.toString();
    }

    @Override
    public void fillOval(double x, double y, double w, double h, int argb) {
        out.append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2))
                .append("\" rx=\"").append(n(w / 2)).append("\" ry=\"").append(n(h / 2)).append("\" fill=\"")
                .append(paint(argb)).append("\"/>\n");
    }

    @Override
    public void strokeOval(double x, double y, double w, double h, int argb, double width) {
        out.append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2))
                .append("\" rx=\"").append(n(w / 2)).append("\" ry=\"").append(n(h / 2))
                .append("\" fill=\"none\"").append(strokeAttrs(argb, width, false)).append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, double size, int argb) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-family=\"")
                .append(style.mono() ? MONO : SANS).append("\" font-size=\"").append(n(size)).append('"')
                .append(style.bold() ? " font-weight=\"bold\"" : "").append(" fill=\"").append(paint(argb))
                .append("\">").append(escape(text)).append("</text>\n");
    }

    @Override
    public void beginGroup(String id, String title) {
        out.append("<g data-subject=\"").append(escape(id)).append("\"><title>").append(escape(title))
                .append("</title>\n");
    }

    @Override
    public void endGroup() {
        out.append("</g>\n");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
