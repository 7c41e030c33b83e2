package io.netcr.app.bench;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.gui.Document;
import io.netcr.app.gui.WorkbenchSource;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.image.ImageWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The workbench's costs on a big host, without a window: read an image, lay it out, make the document,
 * paint the first frame; then pan 100 times and paint each frame. Frames are painted by the same
 * GraphPainter the Canvas uses, through the same pan cache (GraphView's), through the Java2D painter onto a
 * window-sized BufferedImage: a proxy for the FX Canvas (same culling, same draw calls), not the FX render
 * thread itself. {@code -Dnetcr.bench.frames=direct} paints every frame without the cache, as before.
 *
 * <p>Usage: {@code WorkbenchBench DIR N...}: writes DIR/star-N.netcr and DIR/mesh-N.netcr and prints
 * one Markdown table row per image (the median of 3 opens).
 */
public final class WorkbenchBench {

    private static final int W = 1440;
    private static final int H = 900;
    private static final int PANS = 100;
    private static final int RUNS = Integer.getInteger("netcr.bench.runs", 3);
    private static final String KINDS = System.getProperty("netcr.bench.kinds", "both");
    /** "cached" (what the window does: GraphView's pan cache) or "direct" (every frame painted, as before). */
    private static final boolean DIRECT = "direct".equals(System.getProperty("netcr.bench.frames", "cached"));
    private static double lastOpen;

    private WorkbenchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        System.out.println("| image | namespaces / devices | open → interactive (read + layout + index + first"
                + " frame) | layout alone | pan frame at fit: avg / p95 / max (repaints) | pan frame at 100 %: avg / p95 / max"
                + " (repaints) | heap used |");
        System.err.println("# frames: " + (DIRECT ? "direct (every frame painted)" : "cached (GraphView's pan cache)"));
        System.out.println("|---|---|---|---|---|---|---|");
        // one untimed round first: the JIT and ELK's class loading are start-up costs, paid before a user opens
        run(write(dir, "warmup", BenchSnapshots.star(50)), false);
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            if (!KINDS.equals("mesh")) {
                best(write(dir, "star-" + n, BenchSnapshots.star(n)));
            }
            if (!KINDS.equals("star")) {
                best(write(dir, "mesh-" + n, BenchSnapshots.mesh(n)));
            }
        }
    }

    /** The machine is shared: each image is opened RUNS times and the run with the median open time is shown. */
    private static void best(Path file) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        java.util.List<Double> opens = new java.util.ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            rows.add(run(file, true));
            opens.add(lastOpen);
        }
        Integer[] idx = new Integer[RUNS];
        for (int i = 0; i < RUNS; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, java.util.Comparator.comparing(opens::get));
        System.out.print(rows.get(idx[RUNS / 2]));
    }

    private static Path write(Path dir, String name, Snapshot s) throws Exception {
        Path file = dir.resolve(name + ".netcr");
        ImageWriter.write(s, file);
        return file;
    }

    private static String run(Path file, boolean print) {
        System.gc();
        long t0 = System.nanoTime();
        ReadResult r = SnapshotSources.open(file, ReadMode.STRICT);
        Snapshot s = r.snapshot();
        if (s == null) {
            throw new IllegalStateException(file + ": " + r.diagnostics());
        }
        long t1 = System.nanoTime();
        GraphDrawing g = Exports.layout(s, false);
        long t2 = System.nanoTime();
        Document doc = Document.of(WorkbenchSource.file(file), s, g);
        Camera camera = new Camera();
        camera.fit(g.bounds(), W, H);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Java2dFrames frames = new Java2dFrames();
        frame(img, doc, camera, frames);
        long t3 = System.nanoTime();

        long r0 = frames.repaints();
        double[] atFit = pans(img, doc, camera, frames);
        long r1 = frames.repaints();
        camera.zoomAt(1 / camera.scale(), W / 2.0, H / 2.0); // 100 %
        double[] atFull = pans(img, doc, camera, frames);
        long r2 = frames.repaints();
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        lastOpen = ms(t3 - t0);
        String row = "";
        if (print) {
            int devices = s.namespaces().stream().mapToInt(ns -> ns.devices().size()).sum();
            row = String.format(Locale.ROOT, "| %s | %d / %d | %.0f ms (read %.0f) | %.0f ms | %.1f / %.1f / %.1f ms (%s)"
                            + " (scale %.2f) | %.1f / %.1f / %.1f ms (%s) | %d MB |%n", file.getFileName(),
                    s.namespaces().size(), devices, ms(t3 - t0), ms(t1 - t0), ms(t2 - t1), avg(atFit), p95(atFit),
                    max(atFit), DIRECT ? "all" : Long.toString(r1 - r0), fitScale(g), avg(atFull), p95(atFull),
                    max(atFull), DIRECT ? "all" : Long.toString(r2 - r1), heap >> 20);
        }
        if (doc.snapshot() == null) {
            throw new AssertionError(); // keeps the document alive until the heap was measured
        }
        return row;
    }

    private static double fitScale(GraphDrawing g) {
        Camera c = new Camera();
        c.fit(g.bounds(), W, H);
        return c.scale();
    }

    /** PANS frames, each after moving the camera 9 px right and 4 px down. */
    private static double[] pans(BufferedImage img, Document doc, Camera camera, Java2dFrames frames) {
        double[] times = new double[PANS];
        for (int i = 0; i < PANS; i++) {
            camera.pan(i < PANS / 2 ? 9 : -9, i < PANS / 2 ? 4 : -4);
            long t = System.nanoTime();
            frame(img, doc, camera, frames);
            times[i] = ms(System.nanoTime() - t);
        }
        return times;
    }

    /** What GraphView does on a pulse, on Java2D (see {@link Java2dFrames}). */
    private static void frame(BufferedImage img, Document doc, Camera camera, Java2dFrames frames) {
        RenderState state = new RenderState(null, Set.of(), Set.of(), doc.badges(), camera.scale());
        if (DIRECT) {
            Java2dFrames.direct(img, doc.drawing(), state, camera);
        } else {
            frames.cached(img, doc.drawing(), state, camera);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double avg(double[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }

    private static double p95(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }
}
