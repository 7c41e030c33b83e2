package io.netcr.app.bench;

import static io.netcr.app.bench.FxFrameSequences.fx;
import static io.netcr.bridge.monitor.LiveBench.pct;

import io.netcr.app.gui.Document;
import io.netcr.app.gui.LiveHost;
import io.netcr.app.gui.RecentFiles;
import io.netcr.app.gui.WorkbenchViewModel;
import io.netcr.app.gui.WorkbenchWindow;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.bridge.monitor.LiveBench;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * bench/live's screen half (issue 14 §4 "painted in the workbench"), run on the star bench/live built: the whole
 * workbench window (Monocle, headless, Prism's software pipeline, as bench/gui-fx) on "This host", following the
 * real kernel through the live monitor in this process, as the window does when run as root.
 * <ol>
 *   <li>latency: CHANGES times `ip -n SPOKE link set eth0 down` (or up: the other state than shown), from just before the `ip` process starts
 *       to (a) the update carrying the change reaching the window's subscription (the model, as LiveBench measures
 *       it, here with a window in the same process), (b) the end of the first pulse whose paint shows the document
 *       holding the change (the scene's post-layout pulse listener: the canvas has been drawn; the render thread
 *       then puts it on the screen), and (c) the start of the next pulse (the renderer has taken that frame);</li>
 *   <li>idle: the whole JVM's CPU over IDLE seconds with the window open and nothing changing, as a share of one
 *       core, and how many paints that period did.</li>
 * </ol>
 * The window shows the drawing fitted, as it opens. Usage: {@code LiveScreenBench SPOKE_PREFIX N CHANGES IDLE_SECONDS}
 */
public final class LiveScreenBench {

    private static final BlockingQueue<Long> inModel = new LinkedBlockingQueue<>();
    private static final BlockingQueue<long[]> onScreen = new LinkedBlockingQueue<>();
    private static final AtomicLong modelUpdates = new AtomicLong();
    /** The spoke and the state waited for ("nctb7", false): read on the monitor's and the FX thread. */
    private static volatile Wanted wanted;

    private record Wanted(String netns, boolean up) {
    }

    private LiveScreenBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the FX thread would keep the JVM alive, and bench/live waiting
        }
    }

    private static void run(String[] args) throws Exception {
        FxFrameBench.headless();
        String spokes = args[0];
        int n = Integer.parseInt(args[1]);
        int changes = Integer.parseInt(args[2]);
        int idleSeconds = Integer.parseInt(args[3]);

        Platform.startup(() -> { });
        FxTaskExecutor executor = new FxTaskExecutor();
        long t0 = System.nanoTime();
        Window w = fx(() -> open(executor));
        waitFor(120, () -> fx(() -> w.vm.getActive() != null && w.vm.getActive().live() && !w.vm.busyProperty().get()
                && !w.graph.isDirty()));
        waitFor(120, () -> w.following.get() > 0);
        System.out.printf(Locale.ROOT, "screen start: %d namespaces drawn and followed in %.0f ms (window, first reading,"
                        + " layout, first paint)%n", fx(() -> w.vm.getActive().snapshot().namespaces().size()),
                (System.nanoTime() - t0) / 1e6);
        latency(w, spokes, n, changes);
        idle(w, idleSeconds);
        fx(() -> {
            w.vm.close();
            w.stage.close();
            return null;
        });
        executor.shutdown();
        Platform.exit();
    }

    /** The window and what the bench reads of it. */
    private record Window(Stage stage, WorkbenchViewModel vm, GraphView graph, AtomicLong following) {
    }

    private static Window open(FxTaskExecutor executor) {
        AtomicLong following = new AtomicLong();
        RecentFiles recent = new RecentFiles(Preferences.userRoot().node("io/netcr/bench/" + UUID.randomUUID()));
        WorkbenchViewModel vm = new WorkbenchViewModel(executor, recent, new Timed(LiveHost.discovery(), following));
        Stage stage = new Stage();
        WorkbenchWindow window = new WorkbenchWindow(stage, vm);
        stage.setScene(window.scene());
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
        GraphView graph = window.graph();
        Scene scene = window.scene();
        boolean[] painted = {false};
        long[] paintedAt = {0};
        scene.addPostLayoutPulseListener(() -> { // after the graph's pre-layout listener has painted, if dirty
            Wanted want = wanted;
            if (want == null || painted[0] || graph.isDirty() || !shows(vm.getActive(), want)) {
                return;
            }
            painted[0] = true;
            paintedAt[0] = System.nanoTime();
            Platform.requestNextPulse();
        });
        scene.addPreLayoutPulseListener(() -> {
            if (painted[0] && wanted != null) {
                onScreen.add(new long[] {paintedAt[0], System.nanoTime()});
                wanted = null;
            }
            if (wanted == null) {
                painted[0] = false;
            }
        });
        vm.openLive();
        return new Window(stage, vm, graph, following);
    }

    /** True when {@code doc} (the window's active document) holds the wanted state of the spoke's eth0. */
    private static boolean shows(Document doc, Wanted want) {
        if (doc == null || !doc.live()) {
            return false;
        }
        for (Namespace ns : doc.snapshot().namespaces()) {
            if (ns.label().equals(want.netns())) {
                return ns.device("eth0").map(Device::up).orElse(!want.up()) == want.up();
            }
        }
        return false;
    }

    private static void latency(Window w, String spokes, int n, int changes) throws Exception {
        List<Double> model = new ArrayList<>();
        List<Double> painted = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        List<Double> paintedFromExit = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            int k = 1 + (i * 7919) % n; // spread over the star, as LiveBench
            String ns = spokes + k;
            boolean up = fx(() -> !shows(w.vm.getActive(), new Wanted(ns, true))); // the other state (model runs first)
            inModel.clear();
            onScreen.clear();
            wanted = new Wanted(ns, up);
            long start = System.nanoTime();
            Process p = new ProcessBuilder("ip", "-n", ns, "link", "set", "eth0", up ? "up" : "down").inheritIO()
                    .start();
            p.waitFor();
            long exit = System.nanoTime();
            Long m = inModel.poll(10, TimeUnit.SECONDS);
            long[] s = onScreen.poll(10, TimeUnit.SECONDS);
            if (m == null || s == null) {
                throw new IllegalStateException("the change of " + ns + "/eth0 was not " + (m == null ? "in the model"
                        : "painted") + " within 10 s");
            }
            model.add((m - start) / 1e6);
            painted.add((s[0] - start) / 1e6);
            shown.add((s[1] - start) / 1e6);
            paintedFromExit.add((s[0] - exit) / 1e6);
        }
        wanted = null;
        System.out.printf(Locale.ROOT, "screen latency over %d changes, ms from `ip` start: in the model (window's"
                        + " subscription) p50 %.1f p99 %.1f max %.1f; painted (end of the pulse) p50 %.1f p99 %.1f max"
                        + " %.1f; taken by the renderer (next pulse) p50 %.1f p99 %.1f max %.1f; painted from `ip` exit"
                        + " p50 %.1f p99 %.1f%n", changes, pct(model, 50), pct(model, 99), pct(model, 100),
                pct(painted, 50), pct(painted, 99), pct(painted, 100), pct(shown, 50), pct(shown, 99), pct(shown, 100),
                pct(paintedFromExit, 50), pct(paintedFromExit, 99));
        List<Double> window = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            window.add(painted.get(i) - model.get(i));
        }
        System.out.printf(Locale.ROOT, "screen latency, the window's half alone (in the model → painted): p50 %.1f"
                + " p99 %.1f max %.1f ms%n", pct(window, 50), pct(window, 99), pct(window, 100));
    }

    private static void idle(Window w, int seconds) throws Exception {
        waitFor(30, () -> fx(() -> w.vm.liveFlash().nextExpiry().isEmpty() && !w.graph.isDirty()
                && !w.vm.busyProperty().get()));
        System.gc();
        long updates0 = modelUpdates.get();
        long paints0 = fx(w.graph::redrawCount);
        long[] used = LiveBench.cpuOver(seconds);
        System.out.printf(Locale.ROOT, "screen idle: %.3f %% of one core over %d s (%.0f ms CPU, the whole JVM with the"
                        + " window), %d updates and %d paints meanwhile%n", 100.0 * used[0] / used[1], seconds, used[0] / 1e6,
                modelUpdates.get() - updates0, fx(w.graph::redrawCount) - paints0);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls a real condition with a deadline. */
    private static void waitFor(int seconds, Check c) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling a real condition, with a deadline
        }
    }

    /** The real host, its subscription's updates timed as they arrive (before the window's feed gets them). */
    private record Timed(LiveHost host, AtomicLong following) implements LiveHost {

        @Override
        public ReadResult read() {
            return host.read();
        }

        @Override
        public void close() {
            host.close();
        }

        @Override
        public AutoCloseable follow(LiveWatch watch) {
            return host.follow(new LiveWatch() {
                @Override
                public void started(Snapshot first) {
                    watch.started(first);
                    following.incrementAndGet();
                }

                @Override
                public void updated(LiveUpdate update, Snapshot after) {
                    long now = System.nanoTime();
                    modelUpdates.incrementAndGet();
                    Wanted want = wanted;
                    if (want != null && update.deltas().stream().anyMatch(d -> d.kind() == Delta.Kind.DEVICE
                            && d.netns().equals(want.netns()) && d.name().equals("eth0")
                            && d.changes().stream().anyMatch(f -> f.field().equals("up")))) {
                        inModel.add(now);
                    }
                    watch.updated(update, after);
                }

                @Override
                public void ended(HostException why) {
                    watch.ended(why);
                }
            });
        }
    }
}
