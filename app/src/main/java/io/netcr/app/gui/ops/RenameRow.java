package io.netcr.app.gui.ops;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the renames table: OLD → NEW (a namespace label, or {@code dev:NAME} for an outside half). */
public final class RenameRow {

    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");

    public RenameRow(String from, String to) {
        this.from.set(from);
        this.to.set(to);
    }

    /** True when both halves are filled in: only such rows are passed to the planner. */
    public boolean complete() {
        return !from.get().isBlank() && !to.get().isBlank();
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }
}
