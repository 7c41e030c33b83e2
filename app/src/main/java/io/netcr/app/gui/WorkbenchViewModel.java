package io.netcr.app.gui;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.services.Samples;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import io.netcr.model.diff.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench window's state: the opened sources (files and the live host), the active one, loading,
 * refreshing, comparing and exporting through a {@link TaskExecutor}, the status line, recent files.
 * Selection and search live in {@link SelectionModel}.
 */
public final class WorkbenchViewModel {

    private final TaskExecutor executor;
    private final RecentFiles recentStore;
    private final SourceLoader loader;
    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Document> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final SelectionModel selection = new SelectionModel(active.getReadOnlyProperty());
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final BooleanProperty showDetails = new SimpleBooleanProperty(this, "showDetails", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyIntegerWrapper fitRequests = new ReadOnlyIntegerWrapper(this, "fitRequests", 0);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Document> documentsView = FXCollections.unmodifiableObservableList(documents);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObservableList<Change> changesView = FXCollections.unmodifiableObservableList(changes);
    private int running;

    /** A window on the real host: one {@link LiveHost#discovery()} for its lifetime (the first document's). */
    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore) {
        this(executor, recentStore, FirstDocument.liveHost());
    }

    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore, LiveHost live) {
        this.executor = executor;
        this.recentStore = recentStore;
        this.loader = new SourceLoader(live);
        recent.setAll(recentStore.load());
        showDetails.addListener((o, was, now) -> relayout());
        comparison.addListener((o, was, now) -> changes.setAll(now == null ? List.of() : now.changes()));
    }

    /** Opens a snapshot file (in the background); it becomes the active document. */
    public void open(Path file) {
        load(WorkbenchSource.file(file), null, null);
    }

    /** Reads the live host (in the background); on failure its diagnostics are listed. */
    public void openLive() {
        load(WorkbenchSource.LIVE, null, null);
    }

    /**
     * What the window opens with when it is given no file: the live host, or, when it cannot be read at
     * all, the bundled sample, saying why in the status line.
     */
    public void openLiveOrSample() {
        load(WorkbenchSource.LIVE, null, problems -> openAsSample(Samples.demoFile(), StatusText.sampleInstead(problems)));
    }

    /** Opens a file the way the bundled sample is opened (not a recent file); tests use their own sample. */
    void openAsSample(Path file, String note) {
        load(WorkbenchSource.sample(file), note, null);
    }

    /** Reads the active source again: the live host (reusing its sockets), or the file. */
    public void refresh() {
        Document d = active.get();
        if (d != null) {
            load(d.source(), null, null);
        }
    }

    /**
     * @param note      the status line after success, instead of the summary
     * @param otherwise what to do when the source cannot be read, instead of listing why
     */
    private void load(WorkbenchSource source, String note, Consumer<List<Diagnostic>> otherwise) {
        boolean details = showDetails.get();
        String verb = source instanceof WorkbenchSource.Live ? "Reading " : "Opening ";
        run(verb + source.name() + "…", () -> loader.load(source, details), loaded -> {
            if (loaded.document() == null) {
                if (otherwise != null) {
                    otherwise.accept(loaded.problems());
                    return;
                }
                selection.showProblems(loaded.problems());
                status.set(StatusText.cannotOpen(source, loaded.problems()));
                return;
            }
            Document doc = loaded.document();
            put(doc);
            if (source instanceof WorkbenchSource.File f && !f.sample()) {
                recent.setAll(recentStore.add(f.path()));
            }
            status.set(note != null ? note : StatusText.summary(doc));
            recompare(doc);
        });
    }

    /** Adds a document, or replaces the one read from the same source, and makes it active. */
    private void put(Document doc) {
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).source().equals(doc.source())) {
                documents.set(i, doc);
                activate(doc);
                return;
            }
        }
        documents.add(doc);
        activate(doc);
    }

    public void activate(Document doc) {
        if (active.get() != doc) {
            boolean newDrawing = active.get() == null || active.get().drawing() != doc.drawing();
            Comparison c = comparison.get();
            if (c != null && !c.base().equals(doc.source())) {
                comparison.set(null); // it was about another document
            }
            active.set(doc);
            if (newDrawing) {
                fit();
            }
        }
    }

    private void relayout() {
        Document d = active.get();
        if (d == null) {
            return;
        }
        boolean details = showDetails.get();
        run("Laying out…", () -> Exports.layout(d.snapshot(), details), (GraphDrawing g) -> {
            int i = documents.indexOf(d);
            Document now = d.withDrawing(g);
            if (i >= 0) {
                documents.set(i, now);
            }
            active.set(now); // same snapshot: the selection stays
            status.set(StatusText.summary(now) + (details ? "; showing MAC and MTU" : ""));
        });
    }

    // ---- compare ----

    /** Compares the active document with another source (in the background) and colours the differences. */
    public void compareWith(WorkbenchSource other) {
        Document base = active.get();
        if (base == null) {
            status.set("Nothing to compare: open a snapshot first");
            return;
        }
        run("Comparing with " + other.name() + "…", () -> {
            ReadResult r = other.equals(base.source()) ? new ReadResult(base.snapshot(), List.of()) : loader.read(other);
            String title = other instanceof WorkbenchSource.Live ? WorkbenchSource.THIS_HOST : other.name();
            return new Compared(r.snapshot() == null ? null : Comparison.of(base, other, title, r.snapshot()),
                    r.diagnostics());
        }, result -> {
            Comparison c = result.comparison();
            if (c == null) {
                status.set("Cannot compare: " + StatusText.cannotOpen(other, result.problems()));
            } else if (active.get() != null && active.get().source().equals(c.base())) {
                comparison.set(c);
                status.set(c.summary());
                if (!c.ghosts().cards().isEmpty()) {
                    fit(); // the removed objects are drawn under the graph: show them
                }
            }
        });
    }

    /** A comparison, or why the other source could not be read. */
    private record Compared(Comparison comparison, List<Diagnostic> problems) {
    }

    /** The active document was read again: compare the new version with the same other snapshot. */
    private void recompare(Document doc) {
        Comparison c = comparison.get();
        if (c != null && c.base().equals(doc.source())) {
            run("Comparing…", () -> c.again(doc), comparison::set);
        }
    }

    public void clearComparison() {
        if (comparison.get() != null) {
            comparison.set(null);
            status.set("Comparison cleared");
        }
    }

    /** Releases the live host's sockets and namespace descriptors: call when the window closes. */
    public void close() {
        loader.close();
    }

    /** Exports the active document in the background. */
    public void export(Path file, ExportFormat format) {
        Document d = active.get();
        if (d == null) {
            status.set("Nothing to export: open a snapshot first");
            return;
        }
        run("Exporting " + file.getFileName() + "…", () -> {
            Exports.write(format, d.snapshot(), d.drawing(), file);
            return file;
        }, f -> status.set("Exported " + format.description() + " to " + f));
    }

    /** The executor the window's work runs on; the dialogs run theirs on it too. */
    io.netcr.app.gui.task.TaskExecutor executor() {
        return executor;
    }

    /** Asks the graph view to fit everything in the window. */
    public void fit() {
        fitRequests.set(fitRequests.get() + 1);
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> done) {
        running++;
        busy.set(true);
        progress.set(-1);
        status.set(title);
        executor.execute(new BackgroundTask<>(title, work, result -> {
            finished();
            done.accept(result);
        }, error -> {
            finished();
            status.set(title.replace("…", "") + " failed: " + error);
        }));
    }

    private void finished() {
        running--;
        busy.set(running > 0);
        progress.set(running > 0 ? -1 : 0);
    }

    public SelectionModel selection() {
        return selection;
    }

    public ObservableList<Document> documents() {
        return documentsView;
    }

    public ReadOnlyObjectProperty<Document> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Document getActive() {
        return active.get();
    }

    public BooleanProperty showDetailsProperty() {
        return showDetails;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0 when idle, -1 (indeterminate) while work runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty fitRequestsProperty() {
        return fitRequests.getReadOnlyProperty();
    }

    /** The comparison shown on the graph, or null. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The changes of the comparison, for the Changes tab; empty without one. */
    public ObservableList<Change> changes() {
        return changesView;
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }
}
