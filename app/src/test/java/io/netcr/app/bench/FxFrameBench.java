package io.netcr.app.bench;

import io.netcr.app.testing.BenchSnapshots;
import static io.netcr.app.bench.FxFrameSequences.fx;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Frames on the FX Canvas itself, under Monocle's headless platform with Prism's software pipeline (no GPU
 * here), at fit-to-window and at 100 %: pans, selection changes and wheel zoom bursts
 * ({@link FxFrameSequences}; at 100 % the pans start at the drawing's centre as they always did, the
 * selections and zooms at its middle device); each frame is timed from the change to its pixels read back by a snapshot of
 * the 1440x900 view. The snapshot's own cost (an unchanged view) is printed beside it.
 * {@code -Dnetcr.pancache=off} measures painting every frame.
 *
 * <p>Usage: {@code FxFrameBench DIR N...}
 */
public final class FxFrameBench {

    private static final int W = 1440;
    private static final int H = 900;

    private FxFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        headless();
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // each image has its own window, closed after it
        List<String> pans = new ArrayList<>();
        List<String> repaints = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        run("warmup", BenchSnapshots.star(50), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            run("star-" + n, BenchSnapshots.star(n), pans, repaints, searches);
            run("mesh-" + n, BenchSnapshots.mesh(n), pans, repaints, searches);
        }
        System.out.println("| image (FX Canvas, Monocle, Prism sw) | pan frame at fit: avg / p95 / max | at 100 %: avg / p95"
                + " / max | snapshot alone |");
        System.out.println("|---|---|---|---|");
        pans.forEach(System.out::println);
        System.out.println();
        System.out.println("| image | where | selection change: avg / p95 / max | zoom step (wheel burst): avg / p95 / max"
                + " | frame after a burst: avg / max |");
        System.out.println("|---|---|---|---|---|");
        repaints.forEach(System.out::println);
        System.out.println();
        System.out.println("| image | search one device from Fit: hit on screen, readable, painted: avg / p95 / max |");
        System.out.println("|---|---|");
        searches.forEach(System.out::println);
        Platform.exit();
    }

    /** Monocle's headless platform and Prism's software pipeline (no GPU here), on a 1600x1000 screen. */
    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static void run(String name, Snapshot s, List<String> pans, List<String> repaints, List<String> searches)
            throws Exception {
        Path file = Files.createTempFile("netcr-bench", ".netcr");
        ImageWriter.write(s, file);
        GraphDrawing g = Exports.layout(s, false);
        Document doc = Document.of(WorkbenchSource.file(file), s, g);
        Files.delete(file);
        Stage[] stage = new Stage[1];
        WorkbenchViewModel[] model = new WorkbenchViewModel[1];
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
            model[0] = vm;
            return v;
        });
        WritableImage img = new WritableImage(W, H);
        FxFrameSequences frames = new FxFrameSequences(view, model[0], img);
        FrameTimes panFit = frames.pans();
        FrameTimes selectFit = frames.selections();
        FxFrameSequences.Zoom zoomFit = frames.zooms();
        fx(() -> {
            Camera c = view.camera();
            c.zoomAt(1 / c.scale(), W / 2.0, H / 2.0);
            view.markDirty();
            return null;
        });
        FrameTimes panFull = frames.pans();
        fx(() -> { // the middle of the star is empty space: look at devices, as someone who zoomed in does
            io.netcr.app.graph.Rect r = g.nodes().get(g.nodes().size() / 2).bounds();
            view.camera().centerOn(Math.rint(r.centerX()), Math.rint(r.centerY()), W, H);
            view.markDirty();
            view.settle();
            return null;
        });
        FrameTimes selectFull = frames.selections();
        FxFrameSequences.Zoom zoomFull = frames.zooms();
        FrameTimes search = frames.searches(20);
        searches.add(String.format(Locale.ROOT, "| %s | %s |", name, search.cell()));
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
        System.err.println("# " + name + " slowest pans at fit " + panFit.slowest() + ", at 100 % " + panFull.slowest()
                + "; selections at fit " + selectFit.slowest() + ", at 100 % " + selectFull.slowest()
                + "; zoom steps at fit " + zoomFit.steps().slowest() + ", at 100 % " + zoomFull.steps().slowest());
        pans.add(String.format(Locale.ROOT, "| %s | %s | %s | %.1f ms |", name, panFit.cell(), panFull.cell(),
                new FrameTimes(snap).avg()));
        repaints.add(row(name, "fit", selectFit, zoomFit));
        repaints.add(row(name, "100 %", selectFull, zoomFull));
    }

    private static String row(String name, String where, FrameTimes select, FxFrameSequences.Zoom zoom) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f / %.1f ms |", name, where, select.cell(),
                zoom.steps().cell(), zoom.after().avg(), zoom.after().max());
    }
}
