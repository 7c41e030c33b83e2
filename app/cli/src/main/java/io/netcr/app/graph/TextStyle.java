package io.netcr.app.graph;

/**
 * The few text styles of the drawing, with a width estimate. The layout runs without a display (and
 * off the FX thread), so it cannot ask a toolkit for font metrics; the factors are measured on DejaVu
 * Sans / DejaVu Sans Mono and rounded up, so boxes are never too small for their text.
 */
public enum TextStyle {
    NAMESPACE(14.5, true, false, 0.66),
    CAPTION(11.5, false, false, 0.60),
    NAME(13, true, false, 0.66),
    MONO(12, false, true, 0.62),
    BADGE(10, true, false, 0.66);

    private final double size;
    private final boolean bold;
    private final boolean mono;
    private final double widthFactor;

    TextStyle(double size, boolean bold, boolean mono, double widthFactor) {
        this.size = size;
        this.bold = bold;
        this.mono = mono;
        this.widthFactor = widthFactor;
    }

    public double size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }

    public boolean mono() {
        return mono;
    }

    /** An upper estimate of the width of {@code text} in this style. */
    public double width(String text) {
        return width(text, size);
    }

    /** An upper estimate of the width of {@code text} in this style at another size. */
    public double width(String text, double atSize) {
        return text.length() * atSize * widthFactor;
    }
}
