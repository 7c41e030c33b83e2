package io.netcr.app.gui.ops;

import io.netcr.model.Namespace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One namespace of the host in the checkpoint dialog, with its check box state. */
public final class NamespaceChoice {

    private final Namespace namespace;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);

    NamespaceChoice(Namespace namespace) {
        this.namespace = namespace;
    }

    /** How the checkpoint names it: its first name, else its id (nsfs:INODE). */
    public String spec() {
        return namespace.names().isEmpty() ? namespace.id() : namespace.names().get(0);
    }

    /** The init namespace is never checkpointed (its outside halves are recorded with the set). */
    public boolean selectable() {
        return !namespace.init();
    }

    public String text() {
        String name = namespace.init() ? namespace.label() + " (this host's own namespace)" : namespace.label();
        int n = namespace.devices().size();
        return name + "  ·  " + n + (n == 1 ? " device" : " devices");
    }

    public Namespace namespace() {
        return namespace;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value && selectable());
    }
}
