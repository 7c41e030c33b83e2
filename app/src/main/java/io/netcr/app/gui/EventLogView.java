package io.netcr.app.gui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The event log tab: what "This host" did while the window followed it, one line per change (time, what,
 * where, old -> new), newest last, filterable; and the pause that keeps the graph still while the log goes on.
 */
final class EventLogView extends BorderPane {

    static final String ID = "event-log";
    static final String ID_PAUSE = "live-pause";

    EventLogView(LiveFeed feed) {
        setId(ID);
        ListView<String> lines = new ListView<>(feed.log());
        lines.setPlaceholder(new Label("No change yet: this host's changes appear here as they happen"));
        feed.log().addListener((ListChangeListener<String>) c -> lines.scrollTo(feed.log().size() - 1));
        TextField filter = new TextField();
        filter.setPromptText("Filter the log");
        filter.textProperty().bindBidirectional(feed.filterProperty());
        ToggleButton pause = new ToggleButton("Pause live");
        pause.setId(ID_PAUSE);
        pause.selectedProperty().bindBidirectional(feed.pausedProperty());
        Label state = new Label();
        state.textProperty().bind(feed.statusProperty());
        HBox bar = new HBox(8, pause, filter, state);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setPadding(new Insets(4));
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(lines);
    }
}
