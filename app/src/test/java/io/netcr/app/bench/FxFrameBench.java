package io.netcr.app.bench;

import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.gui.Document;
import io.netcr.app.gui.RecentFiles;
import io.netcr.app.gui.WorkbenchSource;
import io.netcr.app.gui.WorkbenchViewModel;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.model.Snapshot;
import io.netcr.model.image.ImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Pan frames on the FX Canvas itself, under Monocle's headless platform with Prism's software pipeline
 * (no GPU here): per frame, on the FX thread, pan the camera, let the GraphView paint what changed
 * ({@link GraphView#paintIfDirty}), and snapshot the view, which renders the canvas (its queued drawing
 * commands, or its texture at the new place) and reads the 1440x900 pixels back. The snapshot's own cost
 * (an unchanged view) is printed beside it. {@code -Dnetcr.pancache=off} measures painting every frame.
 *
 * <p>Usage: {@code FxFrameBench DIR N...}
 */
public final class FxFrameBench {

    private static final int W = 1440;
    private static final int H = 900;
    private static final int PANS = 100;

    private FxFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // each image has its own window, closed after it
        System.out.println("| image (FX Canvas, Monocle, Prism sw) | pan frame at fit: avg / p95 / max | at 100 %: avg / p95"
                + " / max | snapshot alone |");
        System.out.println("|---|---|---|---|");
        run("warmup", BenchSnapshots.star(50), false);
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            run("star-" + n, BenchSnapshots.star(n), true);
            run("mesh-" + n, BenchSnapshots.mesh(n), true);
        }
        Platform.exit();
    }

    private static void run(String name, Snapshot s, boolean print) throws Exception {
        Path file = Files.createTempFile("netcr-bench", ".netcr");
        ImageWriter.write(s, file);
        GraphDrawing g = Exports.layout(s, false);
        Document doc = Document.of(WorkbenchSource.file(file), s, g);
        Files.delete(file);
        Stage[] stage = new Stage[1];
        GraphView view = fx(() -> {
            WorkbenchViewModel vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(),
                    new RecentFiles(Preferences.userRoot().node("io/netcr/bench/" + UUID.randomUUID())));
            GraphView v = new GraphView(vm);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(v, W, H));
            stage[0].show();
            vm.activate(doc);
            v.applyCss();
            v.layout(); // sizes the canvas and paints the first frame, untimed (as the Java2D bench)
            v.paintIfDirty();
            return v;
        });
        WritableImage img = new WritableImage(W, H);
        double[] fit = pans(view, img);
        fx(() -> {
            Camera c = view.camera();
            c.zoomAt(1 / c.scale(), W / 2.0, H / 2.0);
            view.markDirty();
            return null;
        });
        double[] full = pans(view, img);
        double[] snap = new double[20];
        for (int i = 0; i < snap.length; i++) {
            snap[i] = fx(() -> {
                long t = System.nanoTime();
                view.snapshot(null, img);
                return (System.nanoTime() - t) / 1e6;
            });
        }
        fx(() -> {
            stage[0].close();
            return null;
        });
        if (print) {
            System.err.println("# " + name + " slowest at fit " + slowest(fit) + ", at 100 % " + slowest(full));
            System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %.1f ms |%n", name,
                    avg(fit), p95(fit), max(fit), avg(full), p95(full), max(full), avg(snap));
        }
    }

    private static double[] pans(GraphView view, WritableImage img) throws Exception {
        double[] times = new double[PANS];
        for (int i = 0; i < PANS; i++) {
            int k = i;
            times[i] = fx(() -> {
                long t = System.nanoTime();
                view.camera().pan(k < PANS / 2 ? 9 : -9, k < PANS / 2 ? 4 : -4);
                view.markDirty();
                view.paintIfDirty();
                view.snapshot(null, img);
                return (System.nanoTime() - t) / 1e6;
            });
        }
        return times;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }

    private static String slowest(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f ms", s[s.length - 1], s[s.length - 2], s[s.length - 3],
                s[s.length - 4]);
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
