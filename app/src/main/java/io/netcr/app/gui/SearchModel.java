package io.netcr.app.gui;

import io.netcr.app.graph.SnapshotSearch;
import io.netcr.model.SubjectPath;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search field's state: what is typed, every match (all highlighted on the graph), which one the user is
 * at ("2 of 5"), and moving to the next or previous one, which selects it (graph, navigator and properties
 * follow the selection) and asks the graph to zoom until it is readable. Typing starts again from no current
 * match; a new document keeps the text and searches it. No controls: testable without a robot.
 */
public final class SearchModel {

    private final ReadOnlyObjectProperty<Document> active;
    private final SelectionModel selection;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<SubjectPath> matches = FXCollections.observableArrayList();
    private final ObservableList<SubjectPath> matchesView = FXCollections.unmodifiableObservableList(matches);
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");

    public SearchModel(ReadOnlyObjectProperty<Document> active, SelectionModel selection) {
        this.active = active;
        this.selection = selection;
        text.addListener((o, was, now) -> search());
        active.addListener((o, was, now) -> search());
    }

    private void search() {
        Document d = active.get();
        matches.setAll(d == null ? List.of() : SnapshotSearch.find(d.snapshot(), text.get()));
        current.set(-1);
        updatePosition();
    }

    /** Goes to the next match (the first, after typing), wrapping around; false when nothing matches. */
    public boolean next() {
        return go(current.get() + 1);
    }

    /** Goes to the previous match (the last, after typing), wrapping around; false when nothing matches. */
    public boolean previous() {
        return go(current.get() < 0 ? matches.size() - 1 : current.get() - 1);
    }

    private boolean go(int index) {
        if (matches.isEmpty()) {
            return false;
        }
        int i = Math.floorMod(index, matches.size());
        current.set(i);
        updatePosition();
        selection.reveal(matches.get(i), true);
        return true;
    }

    private void updatePosition() {
        String q = text.get() == null ? "" : text.get().trim();
        int n = matches.size();
        if (q.isEmpty()) {
            position.set("");
        } else if (n == 0) {
            position.set("no match");
        } else if (current.get() < 0) {
            position.set(n == 1 ? "1 match" : n + " matches");
        } else {
            position.set((current.get() + 1) + " of " + n);
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Every match, drawn objects (namespaces and devices), exact hits first. */
    public ObservableList<SubjectPath> matches() {
        return matchesView;
    }

    /** The index of the match the user is at, or -1 before Enter. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "2 of 5", "5 matches", "no match", or empty with no text. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }
}
