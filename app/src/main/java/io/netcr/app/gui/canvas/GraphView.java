package io.netcr.app.gui.canvas;

import io.netcr.app.StartupTrace;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.graph.GhostShapes;
import io.netcr.app.gui.Comparison;
import io.netcr.app.gui.Document;
import io.netcr.app.gui.SelectionModel;
import io.netcr.app.gui.WorkbenchViewModel;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.app.gui.FocusRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The graph: one Canvas that covers this region and a margin around it (clipped to the region). It draws
 * only what the camera sees, and only when something changed, once per pulse, and then as little as it can
 * ({@link GraphPicture}): a pan within the margin moves the canvas node, a click repaints only where the
 * selection changes something, and during a burst of wheel notches the picture is shown stretched, painted
 * sharp once the wheel has been still for {@link #ZOOM_SETTLE}. The mouse is {@link GraphInput}'s. A search
 * hit or another object the window asks to reveal is centred, and with a zoom request shown readable.
 */
public final class GraphView extends Region {

    /** A revealed object is zoomed to at least this scale: full detail (devices, addresses), not the overview. */
    public static final double READABLE = 1.0;
    /** How long the wheel must rest before a zoom is painted sharp: longer than the gap between notches of a flick. */
    public static final Duration ZOOM_SETTLE = Duration.millis(150);

    private final WorkbenchViewModel vm;
    private final SelectionModel sel;
    private final GraphInput input;
    private final GraphPicture picture = new GraphPicture();
    private final Camera camera = new Camera();
    private final PauseTransition zoomSettle = new PauseTransition(ZOOM_SETTLE);
    /** Ends the live flash's marks when their time is up; runs only while a mark is up. */
    private final PauseTransition flashEnd = new PauseTransition();
    private final Rectangle clip = new Rectangle();
    private double viewW;
    private double viewH;
    private final Runnable pulse = this::onPulse;
    private boolean dirty = true;
    private boolean fitPending = true;
    private boolean firstFrameShown;
    private boolean firstFrameOnScreen;
    private final List<Runnable> afterFirstFrame = new ArrayList<>();

    public GraphView(WorkbenchViewModel vm) {
        this.vm = vm;
        this.sel = vm.selection();
        getStyleClass().add("graph-view");
        getChildren().addAll(picture.nodes());
        zoomSettle.setOnFinished(e -> markDirty());
        clip.setSmooth(false);
        setClip(clip);
        setFocusTraversable(true);
        input = new GraphInput(this, sel);
        sceneProperty().addListener((o, was, now) -> onScene(was, now));
        vm.activeProperty().addListener((o, was, now) -> markDirty());
        vm.compare().comparisonProperty().addListener((o, was, now) -> markDirty());
        flashEnd.setOnFinished(e -> {
            vm.liveFlash().expire();
            scheduleFlashEnd();
        });
        vm.liveFlash().markedProperty().addListener((o, was, now) -> {
            markDirty();
            scheduleFlashEnd();
        });
        vm.fitRequestsProperty().addListener((o, was, now) -> {
            fitPending = true;
            markDirty();
        });
        sel.drawnSelectionProperty().addListener((o, was, now) -> markDirty());
        sel.highlighted().addListener((SetChangeListener<SubjectPath>) c -> markDirty());
        vm.search().matches().addListener((ListChangeListener<SubjectPath>) c -> markDirty());
        sel.focusProperty().addListener((o, was, now) -> {
            if (now != null) {
                reveal(now);
            }
        });
    }

    /** What a right click on an object does (the window's context menu): the object, and where on the screen. */
    public void setOnObjectMenu(BiConsumer<SubjectPath, Point2D> handler) {
        input.setOnMenu(handler);
    }

    private Optional<GraphDrawing> drawing() {
        return Optional.ofNullable(vm.getActive()).map(Document::drawing);
    }

    // ---- redraw once per pulse, only when dirty ----

    private void onScene(Scene was, Scene now) {
        if (was != null) {
            was.removePreLayoutPulseListener(pulse);
        }
        if (now != null) {
            now.addPreLayoutPulseListener(pulse);
            markDirty();
        }
    }

    /** A comparison's changes, and on a followed host what its last updates changed, for a moment (LiveFlash). */
    private Map<SubjectPath, ChangeKind> changes(Document doc, Comparison c) {
        Map<SubjectPath, ChangeKind> flashed = doc.source().host() ? vm.liveFlash().markedProperty().get() : Map.of();
        if (c == null) {
            return flashed;
        }
        if (flashed.isEmpty()) {
            return c.status();
        }
        Map<SubjectPath, ChangeKind> both = new HashMap<>(c.status());
        both.putAll(flashed);
        return both;
    }

    /** The flash's next mark ends when its time is up (nothing runs while none is up). */
    private void scheduleFlashEnd() {
        flashEnd.stop();
        vm.liveFlash().nextExpiry().ifPresent(nanos -> {
            flashEnd.setDuration(Duration.millis(nanos / 1e6 + 1));
            flashEnd.playFromStart();
        });
    }

    /** Asks for a redraw on the next pulse; many changes within one pulse cost one redraw. */
    public void markDirty() {
        dirty = true;
        Platform.requestNextPulse();
    }

    /** Paints now what waits for the next pulse (tests and the FX frame bench, which time it). */
    public void paintIfDirty() {
        onPulse();
    }

    /**
     * How long the wheel must rest before a zoom burst is painted sharp ({@link #ZOOM_SETTLE} unless set): tests
     * lengthen it to look at the stretched frames on a busy machine.
     */
    public void setZoomSettle(Duration rest) {
        zoomSettle.setDuration(rest);
    }

    /** Forgets the picture: the next frame paints all of it (tests compare that with patched frames). */
    public void repaintAll() {
        picture.forget();
        markDirty();
    }

    /** Paints now everything that waits, a zoom burst's sharp frame included (tests and the FX frame bench). */
    public void settle() {
        if (zoomSettle.getStatus() == Animation.Status.RUNNING) {
            zoomSettle.stop();
            dirty = true;
        }
        onPulse();
    }

    private void onPulse() {
        if (dirty && viewW > 0 && viewH > 0) {
            dirty = false;
            redraw();
        }
    }

    @Override
    protected void layoutChildren() {
        if (viewW != getWidth() || viewH != getHeight()) {
            viewW = getWidth();
            viewH = getHeight();
            clip.setWidth(viewW);
            clip.setHeight(viewH);
            picture.fitTo(viewW, viewH);
            // The pre-layout listener of this pulse has run already: draw now, or the resize shows blank.
            dirty = true;
            onPulse();
        }
    }

    /** As before the canvas outgrew the region: the size it was given (the canvas used to be that size). */
    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + viewW + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + viewH + snappedBottomInset();
    }

    private void redraw() {
        double w = viewW;
        double h = viewH;
        Document doc = vm.getActive();
        if (doc == null) {
            picture.blank(w, h);
            return;
        }
        Comparison c = vm.compare().comparisonProperty().get();
        boolean compared = c != null && c.base().equals(doc.source());
        GhostShapes ghosts = compared ? c.ghosts() : GhostShapes.NONE;
        Rect content = ghosts.cards().isEmpty() ? doc.drawing().bounds() : doc.drawing().bounds().union(ghosts.bounds());
        boolean fitted = fitPending;
        if (fitPending) {
            fitPending = false;
            camera.fit(content, w, h);
        }
        RenderState state = new RenderState(sel.drawnSelectionProperty().get(), new HashSet<>(sel.highlighted()),
                new HashSet<>(vm.search().matches()), doc.badges(), camera.scale(), changes(doc, compared ? c : null));
        if (!fitted && zoomSettle.getStatus() == Animation.Status.RUNNING
                && picture.scaled(doc.drawing(), state, ghosts, camera, w, h)) {
            return; // a wheel burst: the picture stretched stands in until the wheel rests
        }
        picture.show(doc.drawing(), state, ghosts, camera, w, h, content);
        if (!firstFrameShown) {
            firstFrameShown();
        }
    }

    /**
     * Runs {@code then} on the FX thread once the first graph is on the screen (at once if it is already): the
     * window starts following this host then, so that the live monitor's first reading of every namespace does
     * not compete with the first paint.
     */
    public void whenFirstFrameShown(Runnable then) {
        if (firstFrameOnScreen) {
            then.run();
        } else {
            afterFirstFrame.add(then);
        }
    }

    /**
     * The first graph has been painted in this pulse, and is on the screen once the next pulse begins (a pulse
     * starts after the renderer has taken the previous one's frame): the start-up benchmark's end mark, and what
     * waited for it.
     */
    private void firstFrameShown() {
        firstFrameShown = true;
        Scene scene = getScene();
        if (scene == null) {
            onScreen(); // painted outside any window (an export): nothing to wait for
            return;
        }
        boolean[] done = {false};
        scene.addPreLayoutPulseListener(() -> {
            if (!done[0]) {
                done[0] = true;
                StartupTrace.mark(StartupTrace.FIRST_FRAME);
                onScreen();
            }
        });
        Platform.requestNextPulse();
    }

    private void onScreen() {
        firstFrameOnScreen = true;
        List<Runnable> waiting = List.copyOf(afterFirstFrame);
        afterFirstFrame.clear();
        waiting.forEach(Runnable::run);
    }

    // ---- camera ----

    public void zoom(double factor) {
        zoomStep(factor, getWidth() / 2, getHeight() / 2);
    }

    /** One notch of a zoom burst: the picture is stretched now and painted sharp when the burst is over. */
    void zoomStep(double factor, double x, double y) {
        camera.zoomAt(factor, x, y);
        zoomSettle.playFromStart();
        markDirty();
    }

    /** Moves the view by (dx, dy) pixels: a drag. */
    void pan(double dx, double dy) {
        camera.pan(dx, dy);
        markDirty();
    }

    /** The object under a point of the view: a device, or in the overview the namespace's card. */
    Optional<SubjectPath> hit(double sx, double sy) {
        return drawing().flatMap(g -> g.hit(camera.toWorldX(sx), camera.toWorldY(sy), showsCards()));
    }

    /** True while the view shows the overview (namespaces as cards), not devices. */
    public boolean showsCards() {
        return GraphPainter.isOverview(camera.scale());
    }

    private void reveal(FocusRequest request) {
        drawing().flatMap(g -> g.boundsOf(request.path())).ifPresent(r -> {
            if (request.zoom()) {
                camera.zoomTo(r, READABLE, getWidth(), getHeight());
            } else {
                camera.centerOn(r.centerX(), r.centerY(), getWidth(), getHeight());
            }
            markDirty();
        });
    }

    /** Where a drawn object's centre is on the screen (for tests and for popups), if it is drawn. */
    public Optional<Point2D> screenPointOf(SubjectPath path) {
        return drawing().flatMap(g -> g.boundsOf(path)).map(r ->
                localToScreen(camera.toScreenX(r.centerX()), camera.toScreenY(r.centerY())));
    }

    public Camera camera() {
        return camera;
    }

    /** What the badge tooltip says while it shows, else null. */
    public String shownTooltip() {
        return input.shownTooltip();
    }

    /** True while a change waits to be painted: for the next pulse, or for the end of a zoom burst. */
    public boolean isDirty() {
        return dirty || zoomSettle.getStatus() == Animation.Status.RUNNING;
    }

    /** How many times the canvas was painted, wholly or in part: lets tests check that idle means no redraw. */
    public long redrawCount() {
        return picture.paints() + picture.patches();
    }

    /** How many frames repainted only where the marks changed (a click), not the whole picture. */
    public long patchCount() {
        return picture.patches();
    }

    /** True while the picture is shown stretched, standing in for a zoom burst's frames. */
    public boolean isStretched() {
        return picture.isStretched();
    }
}
