package io.netcr.app.gui;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.source.Samples;
import io.netcr.app.source.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
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
 * The workbench window's state: the opened snapshots, the active one, loading and exporting through a
 * {@link TaskExecutor}, the status line, recent files. Selection and search live in {@link SelectionModel}.
 */
public final class WorkbenchViewModel {

    /** Shown when the workbench starts without a file, until live discovery is merged. */
    public static final String SAMPLE_NOTE = "Live discovery is not available yet: showing the bundled sample";

    private final TaskExecutor executor;
    private final RecentFiles recentStore;
    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Document> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final SelectionModel selection = new SelectionModel(active.getReadOnlyProperty());
    private final BooleanProperty showDetails = new SimpleBooleanProperty(this, "showDetails", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyIntegerWrapper fitRequests = new ReadOnlyIntegerWrapper(this, "fitRequests", 0);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Document> documentsView = FXCollections.unmodifiableObservableList(documents);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private int running;

    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore) {
        this.executor = executor;
        this.recentStore = recentStore;
        recent.setAll(recentStore.load());
        showDetails.addListener((o, was, now) -> relayout());
    }

    /** Opens a snapshot file (in the background); it becomes the active document. */
    public void open(Path file) {
        load(file, false, null);
    }

    /** Opens the bundled sample, saying why in the status line. */
    public void openSample(String note) {
        openAsSample(Samples.demoFile(), note);
    }

    /** Opens a file the way the bundled sample is opened (not a recent file); tests use their own sample. */
    void openAsSample(Path file, String note) {
        load(file, true, note);
    }

    /** Reads the active document's file again. */
    public void refresh() {
        Document d = active.get();
        if (d != null) {
            load(d.file(), d.sample(), d.sample() ? SAMPLE_NOTE : null);
        }
    }

    private void load(Path file, boolean sample, String note) {
        boolean details = showDetails.get();
        run("Opening " + file.getFileName() + "…", () -> read(file, sample, details), loaded -> {
            if (loaded.document() == null) {
                selection.showProblems(loaded.problems());
                String first = loaded.problems().isEmpty() ? "unknown error" : loaded.problems().get(0).message();
                status.set("Cannot open " + file.getFileName() + ": " + first);
                return;
            }
            Document doc = loaded.document();
            put(doc);
            if (!sample) {
                recent.setAll(recentStore.add(file));
            }
            status.set(note != null ? note : summary(doc));
        });
    }

    /** What a worker makes of a file: a document, or the diagnostics that say why there is none. */
    private record Loaded(Document document, List<Diagnostic> problems) {
    }

    private static Loaded read(Path file, boolean sample, boolean details) {
        ReadResult r = SnapshotSources.open(file, ReadMode.STRICT);
        if (r.snapshot() == null) {
            return new Loaded(null, r.diagnostics());
        }
        Snapshot s = r.snapshot();
        if (!r.diagnostics().isEmpty() && !s.diagnostics().containsAll(r.diagnostics())) {
            s = s.withDiagnostics(r.diagnostics().stream().filter(d -> !r.snapshot().diagnostics().contains(d)).toList());
        }
        return new Loaded(Document.of(file, sample, s, Exports.layout(s, details)), List.of());
    }

    private static String summary(Document d) {
        Snapshot s = d.snapshot();
        int devices = s.namespaces().stream().mapToInt(ns -> ns.devices().size()).sum();
        long errors = s.diagnostics().stream().filter(Diagnostic::isError).count();
        return "Opened " + d.title() + ": " + s.namespaces().size() + " namespaces, " + devices + " devices, "
                + s.diagnostics().size() + " diagnostics (" + errors + " errors)";
    }

    /** Adds a document, or replaces the one read from the same file, and makes it active. */
    private void put(Document doc) {
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).file().equals(doc.file())) {
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
            status.set(summary(now) + (details ? "; showing MAC and MTU" : ""));
        });
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

    public ObservableList<Path> recentFiles() {
        return recentView;
    }
}
