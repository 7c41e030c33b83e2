package io.netcr.app.bench;

import io.netcr.app.graph.NodeShape;
import io.netcr.app.graph.Rect;
import io.netcr.app.gui.Document;
import io.netcr.app.gui.WorkbenchViewModel;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ScrollEvent;

/**
 * The frames FxFrameBench times, each on the FX thread: change something, let the GraphView paint what
 * changed ({@link GraphView#paintIfDirty}, what its pulse listener does), and snapshot the view, which renders
 * the canvas and reads the pixels back. What changes: the camera's place (a pan), the selection (a click on
 * a device), the zoom (a wheel event, as the wheel sends it).
 */
final class FxFrameSequences {

    static final int PANS = 100;
    static final int SELECTIONS = 50;
    /** Wheel notches per burst; a burst in and one back out, twice. */
    static final int BURST = 5;

    private final GraphView view;
    private final WorkbenchViewModel vm;
    private final WritableImage img;

    FxFrameSequences(GraphView view, WorkbenchViewModel vm, WritableImage img) {
        this.view = view;
        this.vm = vm;
        this.img = img;
    }

    /** 100 pans of (9, 4) pixels, 50 one way and 50 back. */
    FrameTimes pans() throws Exception {
        double[] times = new double[PANS];
        for (int i = 0; i < PANS; i++) {
            int k = i;
            times[i] = frame(() -> {
                view.camera().pan(k < PANS / 2 ? 9 : -9, k < PANS / 2 ? 4 : -4);
                view.markDirty();
            });
        }
        return new FrameTimes(times);
    }

    /**
     * 50 selection changes: devices that the view shows, picked across it (a stride of 7919 through them), one after the other, and every fifth
     * time nothing (a click on the background). Ends with nothing selected.
     */
    FrameTimes selections() throws Exception {
        List<SubjectPath> shown = fx(this::devicesInView);
        System.err.println("# selecting among " + shown.size() + " devices in view");
        double[] times = new double[SELECTIONS];
        for (int i = 0; i < SELECTIONS; i++) {
            SubjectPath next = i % 5 == 4 || shown.isEmpty() ? null : shown.get((int) ((long) i * 7919 % shown.size()));
            times[i] = frame(() -> vm.selection().select(next));
        }
        fx(() -> {
            vm.selection().select(null);
            view.settle();
            return null;
        });
        return new FrameTimes(times);
    }

    /** Zoom frames: wheel bursts (in, then back out, twice) at the view's centre; and the frame after each burst. */
    Zoom zooms() throws Exception {
        double[] steps = new double[4 * BURST];
        double[] after = new double[4];
        int k = 0;
        for (int burst = 0; burst < 4; burst++) {
            double notch = burst % 2 == 0 ? 40 : -40;
            for (int i = 0; i < BURST; i++) {
                steps[k++] = frame(() -> wheel(notch));
            }
            after[burst] = frame(view::settle);
        }
        return new Zoom(new FrameTimes(steps), new FrameTimes(after));
    }

    /** Zoom steps during the bursts, and the frame that ends each burst (painted sharp at the final zoom). */
    record Zoom(FrameTimes steps, FrameTimes after) {
    }

    /**
     * Searches for one device at a time (by its address: one exact hit) from Fit, {@code count} devices across the
     * drawing: each frame is the search, Enter (select it, zoom until readable, centre it) and the painted view.
     * Fit again, untimed, before each. Checks that every hit ended on screen at a readable zoom.
     */
    FrameTimes searches(int count) throws Exception {
        List<String> addresses = fx(() -> {
            List<String> out = new ArrayList<>();
            var nodes = vm.getActive().drawing().nodes().stream().filter(n -> !n.external()
                    && !n.device().addresses().isEmpty() && !n.device().isLoopback()).toList();
            for (int i = 0; i < count; i++) {
                out.add(nodes.get((int) ((long) i * 7919 % nodes.size())).device().addresses().get(0).address());
            }
            return out;
        });
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            String address = addresses.get(i);
            fx(() -> {
                vm.fit();
                view.settle();
                return null;
            });
            times[i] = frame(() -> {
                vm.search().textProperty().set(address);
                vm.search().next();
            });
            fx(() -> {
                SubjectPath hit = vm.selection().getSelected();
                Rect r = vm.getActive().drawing().boundsOf(hit).orElseThrow();
                Rect seen = view.camera().visibleWorld(view.getWidth(), view.getHeight());
                if (!seen.containsRect(r) || view.camera().scale() < GraphView.READABLE) {
                    throw new AssertionError(address + ": " + hit + " not on screen readable");
                }
                return null;
            });
        }
        return new FrameTimes(times);
    }

    private void wheel(double deltaY) {
        double x = view.getWidth() / 2;
        double y = view.getHeight() / 2;
        Event.fireEvent(view, new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    }

    private List<SubjectPath> devicesInView() {
        Document doc = vm.getActive();
        Rect seen = view.camera().visibleWorld(view.getWidth(), view.getHeight());
        List<SubjectPath> in = new ArrayList<>();
        for (NodeShape n : doc.drawing().nodes()) {
            if (!n.external() && seen.intersects(n.bounds())) {
                in.add(n.id());
            }
        }
        return in;
    }

    /** One frame: the change, the paint it causes, and the snapshot that renders it; in milliseconds. */
    double frame(Runnable change) throws Exception {
        return fx(() -> {
            long t = System.nanoTime();
            change.run();
            view.paintIfDirty();
            view.snapshot(null, img);
            return (System.nanoTime() - t) / 1e6;
        });
    }

    static <T> T fx(Callable<T> work) throws Exception {
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
}
