package io.netcr.app.gui.canvas;

import io.netcr.app.gui.SelectionModel;
import io.netcr.model.Diagnostic;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * What the mouse does on the graph, apart from painting: the wheel zooms around the cursor, dragging pans, a
 * click selects what is under it (in the overview, a namespace's card), a right click selects it and asks for
 * its context menu, and hovering a badge shows its diagnostics.
 */
final class GraphInput {

    private static final double ZOOM_STEP = 1.2;
    private static final double DRAG_SLOP = 4;

    private final GraphView view;
    private final SelectionModel sel;
    private final Tooltip tooltip = new Tooltip();
    private BiConsumer<SubjectPath, Point2D> onMenu = (path, at) -> { };
    private double pressX;
    private double pressY;
    private boolean dragged;
    private SubjectPath hovered;

    GraphInput(GraphView view, SelectionModel sel) {
        this.view = view;
        this.sel = sel;
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        view.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideTooltip());
        view.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::onMenu);
    }

    void setOnMenu(BiConsumer<SubjectPath, Point2D> handler) {
        onMenu = handler;
    }

    /** What the badge tooltip says while it shows, else null. */
    String shownTooltip() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            view.zoomStep(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        view.requestFocus();
        hideTooltip();
        if (e.getButton() == MouseButton.SECONDARY) {
            menu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
        }
    }

    private void onDragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_SLOP) {
            return;
        }
        view.pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
        dragged = true;
    }

    private void onReleased(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            sel.select(view.hit(e.getX(), e.getY()).orElse(null));
        }
    }

    /** The menu key (a right click is handled on the press, which every platform sends). */
    private void onMenu(ContextMenuEvent e) {
        if (e.isKeyboardTrigger()) {
            menu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
        }
        e.consume();
    }

    /** The object under (x, y) becomes the selection, and its menu opens at the screen point. */
    private void menu(double x, double y, double screenX, double screenY) {
        hideTooltip();
        SubjectPath at = view.hit(x, y).orElse(null);
        if (at != null) {
            sel.select(at);
            onMenu.accept(at, new Point2D(screenX, screenY));
        }
    }

    private void onMoved(MouseEvent e) {
        SubjectPath over = view.hit(e.getX(), e.getY()).orElse(null);
        List<Diagnostic> diags = view.showsCards() ? sel.diagnosticsWithin(over) : sel.diagnosticsOn(over);
        if (diags.isEmpty()) {
            hideTooltip();
            return;
        }
        if (!over.equals(hovered) || !tooltip.isShowing()) {
            hovered = over;
            tooltip.setText(diags.stream().map(d -> d.severity().word().toUpperCase() + " " + d)
                    .collect(Collectors.joining("\n")));
            tooltip.show(view, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }

    private void hideTooltip() {
        hovered = null;
        tooltip.hide();
    }
}
