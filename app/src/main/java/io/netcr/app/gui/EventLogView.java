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
 * The event log tab: what the active document's host did while the window followed it, one line per change (time,
 * what, where, old -> new), newest last, filterable; and the pause that keeps the graph still while the log goes
 * on. Switching documents switches the log ({@link FollowedHosts} says whose is shown).
 */
final class EventLogView extends BorderPane {

    static final String ID = "event-log";
    static final String ID_PAUSE = "live-pause";

    EventLogView(FollowedHosts.Controls feed) {
        setId(ID);
        ListView<String> lines = new ListView<>();
        lines.itemsProperty().bind(feed.log());
        lines.setPlaceholder(new Label("No change yet: a followed host's changes appear here as they happen"));
        ListChangeListener<String> scroll = c -> lines.scrollTo(c.getList().size() - 1);
        feed.log().addListener((o, was, now) -> {
            was.removeListener(scroll);
            now.addListener(scroll);
            lines.scrollTo(now.size() - 1);
        });
        feed.log().get().addListener(scroll);
        TextField filter = new TextField();
        filter.setPromptText("Filter the log");
        filter.textProperty().bindBidirectional(feed.filter());
        ToggleButton pause = new ToggleButton("Pause live");
        pause.setId(ID_PAUSE);
        pause.selectedProperty().bindBidirectional(feed.paused());
        Label state = new Label();
        state.textProperty().bind(feed.status());
        HBox bar = new HBox(8, pause, filter, state);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setPadding(new Insets(4));
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(lines);
    }
}
