package io.netcr.app.bench;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.FitView;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.graph.paint.TextHeights;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.util.Locale;
import java.util.Map;

/**
 * What Fit shows of big hosts in a 1600x1000 view (the window's rule, {@link FitView}; what
 * {@code netcr export --size 1600x1000} draws): the layout's time, the scale, the share of the view's width
 * and height the drawing covers, and how many namespace names are drawn at least 9 px high (the smallest and
 * the median height). One Markdown row per image; layout timed as the median of 5 after a warm-up.
 *
 * <p>Usage: {@code OverviewBench star-50 star-1000 mesh-1000 ...}
 */
public final class OverviewBench {

    private static final int W = 1600;
    private static final int H = 1000;
    private static final int RUNS = 5;

    private OverviewBench() {
    }

    public static void main(String[] args) {
        Exports.layout(BenchSnapshots.star(50), false); // JIT and ELK's class loading
        System.out.println("| image | namespaces | layout (median of 5; min–max) | scale at Fit | covers width × height"
                + " | names ≥ 9 px | name height: smallest / median |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String a : args) {
            int n = Integer.parseInt(a.substring(a.indexOf('-') + 1));
            Snapshot s = a.startsWith("star") ? BenchSnapshots.star(n) : BenchSnapshots.mesh(n);
            double[] ms = new double[RUNS];
            GraphDrawing g = null;
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                g = Exports.layout(s, false);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            java.util.Arrays.sort(ms);
            FitView fit = FitView.of(g.bounds(), W, H);
            Rect content = g.bounds().grow(-GraphDrawing.MARGIN);
            TextHeights heights = new TextHeights(fit.scale());
            new GraphPainter(heights).paint(g, RenderState.plain(Map.of()).atScale(fit.scale()), fit.visible(W, H));
            double[] names = s.namespaces().stream().map(Namespace::label)
                    .mapToDouble(l -> heights.px.getOrDefault(l, 0.0)).sorted().toArray();
            long readable = java.util.Arrays.stream(names).filter(h -> h >= 9).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f ms (%.0f–%.0f) | %.3f | %.0f %% × %.0f %% | %d of %d |"
                            + " %.1f / %.1f px |%n", a, s.namespaces().size(), ms[RUNS / 2], ms[0], ms[RUNS - 1],
                    fit.scale(), 100 * content.w() * fit.scale() / W, 100 * content.h() * fit.scale() / H, readable,
                    names.length, names[0], names[names.length / 2]);
        }
    }
}
