package io.netcr.app.gui;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.services.Samples;
import io.netcr.model.Diagnostic;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The workbench window's state: the opened sources (files and the live host), the active one, loading,
 * refreshing and exporting in the background ({@link BackgroundWork}: the status line), recent files.
 * Selection lives in {@link SelectionModel}, search in {@link SearchModel}, comparing in {@link CompareModel},
 * following the hosts live in {@link FollowedHosts}.
 */
public final class WorkbenchViewModel {

    private final BackgroundWork work;
    private final RecentFiles recentStore;
    private final WorkbenchHosts hosts;
    private final SourceLoader loader;
    private final ObservableList<Document> documents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Document> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final SelectionModel selection = new SelectionModel(active.getReadOnlyProperty());
    private final SearchModel search = new SearchModel(active.getReadOnlyProperty(), selection);
    private final CompareModel compare;
    private final BooleanProperty showDetails = new SimpleBooleanProperty(this, "showDetails", false);
    private final ReadOnlyIntegerWrapper fitRequests = new ReadOnlyIntegerWrapper(this, "fitRequests", 0);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    /** How many reads of each source were started: only the newest one's answer is shown. */
    private final Map<WorkbenchSource, Integer> reads = new HashMap<>();
    private final ObservableList<Document> documentsView = FXCollections.unmodifiableObservableList(documents);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final FollowedHosts followed;

    /** A window on the real host: one {@link LiveHost#discovery()} for its lifetime (the first document's). */
    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore) {
        this(executor, recentStore, FirstDocument.liveHost());
    }

    /** A window whose "this host" is {@code live} as it is (no privilege helper): tests stand in a fake. */
    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore, LiveHost live) {
        this(executor, recentStore, WorkbenchHosts.of(live, executor, recentStore.hosts(), System.getenv()));
    }

    /** A window on these hosts: this one (through the privilege helper when not root) and the remote ones. */
    public WorkbenchViewModel(TaskExecutor executor, RecentFiles recentStore, WorkbenchHosts hosts) {
        this.work = new BackgroundWork(executor);
        this.recentStore = recentStore;
        this.hosts = hosts;
        this.loader = new SourceLoader(hosts);
        this.compare = new CompareModel(active.getReadOnlyProperty(), loader, work, this::fit);
        recent.setAll(recentStore.load());
        showDetails.addListener((o, was, now) -> relayout());
        this.followed = new FollowedHosts(hosts, work, documentsView, showDetails, active.getReadOnlyProperty(),
                this::replaceFollowed);
        hosts.remotes().connections().addListener((ListChangeListener<HostConnection>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::sayProblems);
            }
        });
    }

    /**
     * A host that does not connect, or whose connection ends, says why in words: in the status line and in the
     * diagnostics (the navigator marks it lost; picking it connects again).
     */
    private void sayProblems(HostConnection c) {
        c.problemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selection.showProblems(List.of(now));
                work.say(StatusText.notConnected(c.label(), now));
            }
        });
    }

    /** Opens a snapshot file (in the background); it becomes the active document. */
    public void open(Path file) {
        load(WorkbenchSource.file(file), null, null);
    }

    /** Reads a source again, or for the first time (in the background): a file, this host, a connected host. */
    public void open(WorkbenchSource source) {
        load(source, null, null);
    }

    /** Reads the live host (in the background); on failure its diagnostics are listed. */
    public void openLive() {
        load(WorkbenchSource.LIVE, null, null);
    }

    /**
     * Connects to another host (again, if connected already) and, once its agent has said hello, reads it; then
     * {@code connected} runs (the window offers recovery of a restore left unfinished there). Empty, or why the
     * destination is not one (nothing is started then).
     */
    public Optional<String> connect(String destination, Consumer<HostConnection> connected) {
        return hosts.remotes().connect(destination, c -> {
            load(new WorkbenchSource.Remote(c.label()), null, null);
            connected.accept(c);
        });
    }

    /** Ends the connection to a remote host and closes its document. */
    public void disconnect(HostConnection c) {
        hosts.remotes().disconnect(c);
        WorkbenchSource.Remote source = new WorkbenchSource.Remote(c.label());
        documents.removeIf(d -> d.source().equals(source));
        Document a = active.get();
        if (a != null && a.source().equals(source)) {
            compare.activating(documents.isEmpty() ? null : documents.get(0));
            active.set(documents.isEmpty() ? null : documents.get(0));
            fit();
        }
        work.say("Disconnected from " + c.label());
    }

    /**
     * Starts netcr's agent with the privilege helper (the window is not root) and, once it runs, reads this host
     * through it; {@code connected} runs then (the window offers recovery of a restore left unfinished here).
     */
    public void startAgent(Runnable connected) {
        hosts.thisHost().startHelper(() -> {
            openLive();
            connected.run();
        });
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
        String verb = source.host() ? "Reading " : "Opening ";
        int mine = reads.merge(source, 1, Integer::sum);
        work.run(verb + source.name() + "…", () -> loader.load(source, details), loaded -> {
            if (reads.get(source) != mine) {
                return; // a newer read of the same source was asked for (this host through the agent, say)
            }
            if (loaded.document() == null) {
                if (otherwise != null) {
                    otherwise.accept(loaded.problems());
                    return;
                }
                selection.showProblems(loaded.problems());
                work.say(StatusText.cannotOpen(source, loaded.problems()));
                return;
            }
            Document doc = loaded.document();
            put(doc);
            followed.loaded(doc); // from now on a host follows its kernel (an image stays still)
            if (source instanceof WorkbenchSource.File f && !f.sample()) {
                recent.setAll(recentStore.add(f.path()));
            }
            work.say(note != null ? note : StatusText.summary(doc));
            compare.recompare(doc);
        });
    }

    /** Adds a document, or replaces the one read from the same source, and makes it active. */
    private void put(Document doc) {
        int i = indexOf(doc.source());
        if (i >= 0) {
            documents.set(i, doc);
        } else {
            documents.add(doc);
        }
        activate(doc);
    }

    /** Where the document read from {@code source} is in the list; -1 when none is open. */
    private int indexOf(WorkbenchSource source) {
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).source().equals(source)) {
                return i;
            }
        }
        return -1;
    }

    public void activate(Document doc) {
        if (active.get() != doc) {
            boolean newDrawing = active.get() == null || active.get().drawing() != doc.drawing();
            compare.activating(doc);
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
        work.run("Laying out…", () -> Exports.layout(d.snapshot(), details), (GraphDrawing g) -> {
            int i = documents.indexOf(d);
            Document now = d.withDrawing(g);
            if (i >= 0) {
                documents.set(i, now);
            }
            active.set(now); // same snapshot: the selection stays
            work.say(StatusText.summary(now) + (details ? "; showing MAC and MTU" : ""));
        });
    }

    /** The hosts this window reads and works on. */
    public WorkbenchHosts hosts() {
        return hosts;
    }

    /**
     * A followed host's new document (laid out by {@link FollowedHosts}) replaces its old one; shown, it stays the
     * active one without a Fit (the camera stays where the user put it). A comparison with that host is made again.
     */
    private void replaceFollowed(Document doc) {
        int i = indexOf(doc.source());
        if (i < 0) {
            return; // closed meanwhile
        }
        boolean shownNow = active.get() != null && active.get().source().equals(doc.source());
        documents.set(i, doc);
        if (shownNow) {
            compare.activating(doc);
            active.set(doc);
            work.say(StatusText.summary(doc));
        }
        compare.recompare(doc);
    }

    /** What the last live updates changed, marked on the graph for a moment. */
    public LiveFlash liveFlash() {
        return followed.flash();
    }

    /** What "This host" follows: its event log, pause and resume. */
    public LiveFeed liveFeed() {
        return followed.thisHost();
    }

    /** The hosts followed live, one feed each, and the one the controls show (the active document's). */
    public FollowedHosts followed() {
        return followed;
    }

    /** Releases the live host's sockets and namespace descriptors, and ends the agents' connections. */
    public void close() {
        followed.close();
        loader.close();
    }

    /** Exports the active document in the background. */
    public void export(Path file, ExportFormat format) {
        Document d = active.get();
        if (d == null) {
            work.say("Nothing to export: open a snapshot first");
            return;
        }
        work.run("Exporting " + file.getFileName() + "…", () -> {
            Exports.write(format, d.snapshot(), d.drawing(), file);
            return file;
        }, f -> work.say("Exported " + format.description() + " to " + f));
    }

    /** The executor the window's work runs on; the dialogs run theirs on it too. */
    TaskExecutor executor() {
        return work.executor();
    }

    /** Asks the graph view to fit everything in the window. */
    public void fit() {
        fitRequests.set(fitRequests.get() + 1);
    }

    public SelectionModel selection() {
        return selection;
    }

    /** The search field's matches and where the user is among them. */
    public SearchModel search() {
        return search;
    }

    /** The comparison of the active document with another source. */
    public CompareModel compare() {
        return compare;
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
        return work.statusProperty();
    }

    /** 0 when idle, -1 (indeterminate) while work runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return work.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public ReadOnlyIntegerProperty fitRequestsProperty() {
        return fitRequests.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }
}
