package io.netcr.app.gui;

import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.EdgeShape;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The one selection that the graph, the navigator and the property sheet share, keyed by SubjectPath,
 * plus what follows from it: the drawn object to highlight, a veth's peer, the property rows; and the
 * diagnostics list of the active document. No controls: testable without a robot.
 */
public final class SelectionModel {

    private final ReadOnlyObjectProperty<Document> active;
    private final ObjectProperty<SubjectPath> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<SubjectPath> drawnSelection = new ReadOnlyObjectWrapper<>(this, "drawn");
    private final ObservableSet<SubjectPath> highlighted = FXCollections.observableSet();
    private final ObservableList<PropertyRows.Row> properties = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FocusRequest> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    // Read-only views made once: an unmodifiable wrapper listens weakly to its list, so a wrapper made per
    // call would be collected and silently stop telling its listeners anything.
    private final ObservableSet<SubjectPath> highlightedView = FXCollections.unmodifiableObservableSet(highlighted);
    private final ObservableList<PropertyRows.Row> propertiesView =
            FXCollections.unmodifiableObservableList(properties);
    private final ObservableList<Diagnostic> diagnosticsView = FXCollections.unmodifiableObservableList(diagnostics);
    private long serial;

    public SelectionModel(ReadOnlyObjectProperty<Document> active) {
        this.active = active;
        active.addListener((o, was, now) -> documentChanged(was, now));
        selected.addListener((o, was, now) -> update());
    }

    /** Selects a namespace, device or address by path (null clears the selection). */
    public void select(SubjectPath path) {
        selected.set(path);
    }

    /** Selects an object and centres the graph on it (or on its nearest drawn owner). */
    public void reveal(SubjectPath path) {
        reveal(path, false);
    }

    /** Selects an object and centres the graph on it; with {@code zoom}, zoomed in until it is readable. */
    public void reveal(SubjectPath path, boolean zoom) {
        select(path);
        SubjectPath drawn = drawnSelection.get();
        if (drawn != null) {
            focus.set(new FocusRequest(drawn, zoom, ++serial));
        }
    }

    /** The diagnostics a drawn object carries as its badge. */
    public List<Diagnostic> diagnosticsOn(SubjectPath drawn) {
        Document d = active.get();
        return d == null || drawn == null ? List.of() : d.badges().getOrDefault(drawn, List.of());
    }

    /** The namespace of the selection: the selected namespace, or the one holding the selected device or address. */
    public Optional<Namespace> selectedNamespace() {
        Document d = active.get();
        SubjectPath p = selected.get();
        if (d == null || p == null || p.isRoot()) {
            return Optional.empty();
        }
        while (!p.parent().isRoot()) {
            p = p.parent();
        }
        return d.index().find(p).filter(Namespace.class::isInstance).map(Namespace.class::cast);
    }

    /** The diagnostics of a namespace's card in the overview: those on its box and on any of its devices. */
    public List<Diagnostic> diagnosticsWithin(SubjectPath box) {
        Document d = active.get();
        if (d == null || box == null) {
            return List.of();
        }
        List<Diagnostic> all = new ArrayList<>();
        d.badges().forEach((drawn, diags) -> {
            if (box.equals(d.drawing().boxOf(drawn).orElse(drawn))) {
                all.addAll(diags);
            }
        });
        return all;
    }

    /** Shows diagnostics that belong to no document (a file that could not be read). */
    public void showProblems(List<Diagnostic> problems) {
        diagnostics.setAll(problems);
    }

    private void documentChanged(Document was, Document now) {
        diagnostics.setAll(now == null ? List.of() : now.snapshot().diagnostics());
        boolean sameSnapshot = was != null && now != null && was.snapshot().equals(now.snapshot());
        if (!sameSnapshot) {
            selected.set(null);
        }
        update();
    }

    private void update() {
        Document d = active.get();
        SubjectPath path = selected.get();
        if (d == null || path == null) {
            drawnSelection.set(null);
            highlighted.clear();
            properties.clear();
            return;
        }
        GraphDrawing g = d.drawing();
        SubjectPath drawn = g.nearestDrawn(path).orElse(null);
        drawnSelection.set(drawn);
        Set<SubjectPath> lit = new HashSet<>();
        if (drawn != null && path.equals(drawn)) {
            // selecting a veth (a device, not one of its addresses) lights its peer, wherever it is
            for (EdgeShape e : g.edges()) {
                if (e.kind() == EdgeKind.PEER && e.touches(drawn)) {
                    lit.add(e.from().equals(drawn) ? e.to() : e.from());
                }
            }
        }
        highlighted.retainAll(lit);
        highlighted.addAll(lit);
        properties.setAll(d.index().find(path).map(o -> PropertyRows.of(o, d.index())).orElse(List.of()));
    }

    public ObjectProperty<SubjectPath> selectedProperty() {
        return selected;
    }

    public SubjectPath getSelected() {
        return selected.get();
    }

    /** The drawn object that shows the selection: the selected one, or its nearest drawn owner. */
    public ReadOnlyObjectProperty<SubjectPath> drawnSelectionProperty() {
        return drawnSelection.getReadOnlyProperty();
    }

    public Optional<SubjectPath> drawnSelection() {
        return Optional.ofNullable(drawnSelection.get());
    }

    /** Drawn objects lit with the selection: the peer of a selected veth. */
    public ObservableSet<SubjectPath> highlighted() {
        return highlightedView;
    }

    public ObservableList<PropertyRows.Row> properties() {
        return propertiesView;
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnosticsView;
    }

    public ReadOnlyObjectProperty<FocusRequest> focusProperty() {
        return focus.getReadOnlyProperty();
    }
}
