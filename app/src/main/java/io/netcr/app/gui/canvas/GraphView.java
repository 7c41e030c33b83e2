package io.netcr.app.gui.canvas;

import io.netcr.app.StartupTrace;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.app.graph.GhostShapes;
import io.netcr.app.gui.Comparison;
import io.netcr.app.gui.Document;
import io.netcr.app.gui.SelectionModel;
import io.netcr.app.gui.WorkbenchViewModel;
import io.netcr.model.Diagnostic;
import io.netcr.model.SubjectPath;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The graph: one Canvas that covers this region and a margin around it (clipped to the region). It draws
 * only what the camera sees, and only when something changed, once per pulse, and then as little as it can
 * ({@link GraphPicture}): a pan within the margin moves the canvas node, a click repaints only where the
 * selection changes something, and during a burst of wheel notches the picture is shown stretched, painted
 * sharp once the wheel has been still for {@link #ZOOM_SETTLE}. Wheel zooms around the cursor, dragging
 * pans, a click selects, hovering a badge shows its diagnostics.
 */
public final class GraphView extends Region {

    private static final double ZOOM_STEP = 1.2;
    private static final double DRAG_SLOP = 4;
    /** How long the wheel must rest before a zoom is painted sharp: longer than the gap between notches of a flick. */
    public static final Duration ZOOM_SETTLE = Duration.millis(150);

    private final WorkbenchViewModel vm;
    private final SelectionModel sel;
    private final GraphPicture picture = new GraphPicture();
    private final Camera camera = new Camera();
    private final PauseTransition zoomSettle = new PauseTransition(ZOOM_SETTLE);
    private final javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
    private double viewW;
    private double viewH;
    private final Tooltip tooltip = new Tooltip();
    private final Runnable pulse = this::onPulse;
    private boolean dirty = true;
    private boolean fitPending = true;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private SubjectPath hovered;
    private boolean firstFrameTraced;

    public GraphView(WorkbenchViewModel vm) {
        this.vm = vm;
        this.sel = vm.selection();
        getStyleClass().add("graph-view");
        getChildren().addAll(picture.nodes());
        zoomSettle.setOnFinished(e -> markDirty());
        clip.setSmooth(false);
        setClip(clip);
        setFocusTraversable(true);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        sceneProperty().addListener((o, was, now) -> onScene(was, now));
        vm.activeProperty().addListener((o, was, now) -> markDirty());
        vm.comparisonProperty().addListener((o, was, now) -> markDirty());
        vm.fitRequestsProperty().addListener((o, was, now) -> {
            fitPending = true;
            markDirty();
        });
        sel.drawnSelectionProperty().addListener((o, was, now) -> markDirty());
        sel.highlighted().addListener((SetChangeListener<SubjectPath>) c -> markDirty());
        sel.matches().addListener((javafx.collections.ListChangeListener<SubjectPath>) c -> markDirty());
        sel.focusProperty().addListener((o, was, now) -> {
            if (now != null) {
                centerOn(now.path());
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideTooltip());
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
        Comparison c = vm.comparisonProperty().get();
        boolean compared = c != null && c.base().equals(doc.source());
        GhostShapes ghosts = compared ? c.ghosts() : GhostShapes.NONE;
        Rect content = ghosts.cards().isEmpty() ? doc.drawing().bounds() : doc.drawing().bounds().union(ghosts.bounds());
        boolean fitted = fitPending;
        if (fitPending) {
            fitPending = false;
            camera.fit(content, w, h);
        }
        RenderState state = new RenderState(sel.drawnSelectionProperty().get(), new HashSet<>(sel.highlighted()),
                new HashSet<>(sel.matches()), doc.badges(), camera.scale(), compared ? c.status() : java.util.Map.of());
        if (!fitted && zoomSettle.getStatus() == Animation.Status.RUNNING
                && picture.scaled(doc.drawing(), state, ghosts, camera, w, h)) {
            return; // a wheel burst: the picture stretched stands in until the wheel rests
        }
        picture.show(doc.drawing(), state, ghosts, camera, w, h, content);
        if (StartupTrace.on() && !firstFrameTraced) {
            traceFirstFrame();
        }
    }

    /**
     * The start-up benchmark's end mark: the first graph has been painted in this pulse, and is on the screen once
     * the next pulse begins (a pulse starts after the renderer has taken the previous one's frame).
     */
    private void traceFirstFrame() {
        firstFrameTraced = true;
        Scene scene = getScene();
        boolean[] done = {false};
        scene.addPreLayoutPulseListener(() -> {
            if (!done[0]) {
                done[0] = true;
                StartupTrace.mark(StartupTrace.FIRST_FRAME);
            }
        });
        Platform.requestNextPulse();
    }

    // ---- camera ----

    public void zoom(double factor) {
        zoomStep(factor, getWidth() / 2, getHeight() / 2);
    }

    /** One notch of a zoom burst: the picture is stretched now and painted sharp when the burst is over. */
    private void zoomStep(double factor, double x, double y) {
        camera.zoomAt(factor, x, y);
        zoomSettle.playFromStart();
        markDirty();
    }

    private void centerOn(SubjectPath path) {
        drawing().flatMap(g -> g.boundsOf(path)).ifPresent(r -> {
            camera.centerOn(r.centerX(), r.centerY(), getWidth(), getHeight());
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
        return tooltip.isShowing() ? tooltip.getText() : null;
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

    // ---- input ----

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomStep(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        requestFocus();
        hideTooltip();
    }

    private void onDragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_SLOP) {
            return;
        }
        camera.pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
        dragged = true;
        markDirty();
    }

    private void onReleased(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            sel.select(hit(e.getX(), e.getY()).orElse(null));
        }
    }

    private Optional<SubjectPath> hit(double sx, double sy) {
        return drawing().flatMap(g -> g.hit(camera.toWorldX(sx), camera.toWorldY(sy)));
    }

    private void onMoved(MouseEvent e) {
        SubjectPath over = hit(e.getX(), e.getY()).orElse(null);
        List<Diagnostic> diags = sel.diagnosticsOn(over);
        if (diags.isEmpty()) {
            hideTooltip();
            return;
        }
        if (!over.equals(hovered) || !tooltip.isShowing()) {
            hovered = over;
            tooltip.setText(diags.stream().map(d -> d.severity().word().toUpperCase() + " " + d)
                    .collect(Collectors.joining("\n")));
            tooltip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }

    private void hideTooltip() {
        hovered = null;
        tooltip.hide();
    }
}
