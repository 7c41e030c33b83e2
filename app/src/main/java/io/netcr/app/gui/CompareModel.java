package io.netcr.app.gui;

import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import io.netcr.model.diff.Change;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Comparing the active document with another source: the comparison the graph colours and the changes the
 * Changes tab lists; computed in the background, again when the active document is read again, and dropped
 * when another document becomes active. No controls.
 */
public final class CompareModel {

    private final ReadOnlyObjectProperty<Document> active;
    private final SourceLoader loader;
    private final BackgroundWork work;
    private final Runnable fit;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final ObservableList<Change> changesView = FXCollections.unmodifiableObservableList(changes);

    CompareModel(ReadOnlyObjectProperty<Document> active, SourceLoader loader, BackgroundWork work, Runnable fit) {
        this.active = active;
        this.loader = loader;
        this.work = work;
        this.fit = fit;
        comparison.addListener((o, was, now) -> changes.setAll(now == null ? List.of() : now.changes()));
    }

    /** Compares the active document with another source (in the background) and colours the differences. */
    public void compareWith(WorkbenchSource other) {
        Document base = active.get();
        if (base == null) {
            work.say("Nothing to compare: open a snapshot first");
            return;
        }
        work.run("Comparing with " + other.name() + "…", () -> {
            ReadResult r = other.equals(base.source()) ? new ReadResult(base.snapshot(), List.of()) : loader.read(other);
            String title = other instanceof WorkbenchSource.Live ? WorkbenchSource.THIS_HOST : other.name();
            return new Compared(r.snapshot() == null ? null : Comparison.of(base, other, title, r.snapshot()),
                    r.diagnostics());
        }, result -> {
            Comparison c = result.comparison();
            if (c == null) {
                work.say("Cannot compare: " + StatusText.cannotOpen(other, result.problems()));
            } else if (active.get() != null && active.get().source().equals(c.base())) {
                comparison.set(c);
                work.say(c.summary());
                if (!c.ghosts().cards().isEmpty()) {
                    fit.run(); // the removed objects are drawn under the graph: show them
                }
            }
        });
    }

    /** A comparison, or why the other source could not be read. */
    private record Compared(Comparison comparison, List<Diagnostic> problems) {
    }

    /**
     * A document was read again or followed: the active one's new version is compared with the same other snapshot,
     * and a new version of the source compared with is compared with the active one.
     */
    void recompare(Document doc) {
        Comparison c = comparison.get();
        Document shown = active.get();
        if (c != null && c.base().equals(doc.source())) {
            work.run("Comparing…", () -> c.again(doc), comparison::set);
        } else if (c != null && c.other().equals(doc.source()) && shown != null && shown.source().equals(c.base())) {
            // the source compared with was read again, or its followed host changed: compare with it as it is now
            work.run("Comparing…", () -> Comparison.of(shown, c.other(), c.otherTitle(), doc.snapshot()),
                    comparison::set);
        }
    }

    /** Another document becomes active: a comparison about a different one is dropped. */
    void activating(Document doc) {
        Comparison c = comparison.get();
        if (c != null && (doc == null || !c.base().equals(doc.source()))) {
            comparison.set(null);
        }
    }

    public void clear() {
        if (comparison.get() != null) {
            comparison.set(null);
            work.say("Comparison cleared");
        }
    }

    /** The comparison shown on the graph, or null. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The changes of the comparison, for the Changes tab; empty without one. */
    public ObservableList<Change> changes() {
        return changesView;
    }
}
