package io.netcr.app.export;

import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.graph.paint.RenderState;
import java.util.Locale;

/** The drawing as a standalone SVG document. */
public final class SvgExport {

    private SvgExport() {
    }

    public static String svg(GraphDrawing g, RenderState state, String title) {
        Rect b = g.bounds();
        SvgPainter p = new SvgPainter();
        new GraphPainter(p).paint(g, state, null);
        String box = String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", b.x(), b.y(), b.w(), b.h());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + box + "\" width=\""
                + String.format(Locale.ROOT, "%.0f", b.w()) + "\" height=\""
                + String.format(Locale.ROOT, "%.0f", b.h()) + "\">\n"
                + "<title>" + SvgPainter.escape(title) + "</title>\n"
                + "<rect x=\"" + String.format(Locale.ROOT, "%.1f", b.x()) + "\" y=\""
                + String.format(Locale.ROOT, "%.1f", b.y()) + "\" width=\"100%\" height=\"100%\" fill=\""
                + Palette.hex(Palette.BACKGROUND) + "\"/>\n"
                + p.body() + "</svg>\n";
    }
}
