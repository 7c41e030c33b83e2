package io.netcr.app.gui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line under the tool bar of a window that is not root: what netcr's agent (started with the privilege helper)
 * would add, or why it did not start, and a button that starts it. Hidden as root and while the agent runs. A thin
 * view of {@link ThisHost}.
 */
final class HelperBar {

    static final String ID = "helper-bar";

    private final HBox bar;

    HelperBar(ThisHost host, Runnable start) {
        Label note = new Label();
        note.setId("helper-note");
        note.textProperty().bind(host.noteProperty());
        note.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(note.textProperty()); // one line: the rest of a long reason is in the tooltip
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        note.setTooltip(whole);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button button = new Button("Start netcr's agent");
        button.setId("helper-start");
        button.visibleProperty().bind(host.offerProperty());
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> start.run());
        button.setMinWidth(HBox.USE_PREF_SIZE);
        bar = new HBox(8, note, button);
        bar.setId(ID);
        bar.getStyleClass().add(ID);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(Bindings.isNotEmpty(host.noteProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
    }

    HBox node() {
        return bar;
    }
}
