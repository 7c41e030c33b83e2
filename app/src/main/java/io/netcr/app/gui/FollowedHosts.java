package io.netcr.app.gui;

import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.StableLayout;
import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.HostException;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.live.Delta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The hosts a window follows live (issue 14 §3 "every connected host follows its kernel"), one {@link LiveFeed}
 * each, keyed by the document's source: "This host" through its monitor (or the privilege helper's agent), and
 * every connected host through its agent's {@code subscribe} on the same ssh connection the window reads it by.
 * A host is followed from the moment its document is loaded; a remote host's subscription closes when its
 * connection leaves {@link ConnectionState#CONNECTED} (disconnected, lost, connecting again) and opens again when
 * its document is read after a reconnect. Files and images are never followed.
 *
 * <p>A feed's new snapshot is laid out again with {@link StableLayout} (what is drawn stays where it is) and
 * handed to the window to replace the host's document; on the active document what changed flashes
 * ({@link LiveFlash}, cleared when another source becomes active). The Events tab, Pause live and the status bar
 * show the ACTIVE document's feed through the properties here, which follow whichever feed that is; an image
 * shows a feed that follows nothing, so Pause is disabled on it. FX thread only.
 */
public final class FollowedHosts implements AutoCloseable {

    /** One followed host: its feed, and the subscription that feeds it while there is one. */
    private static final class Followed {
        final LiveFeed feed;
        AutoCloseable subscription;
        /** A remote subscription is being started in the background. */
        boolean starting;
        /** Counts the stops: a subscription that arrives after one is closed at once. */
        int stops;

        Followed(LiveFeed feed) {
            this.feed = feed;
        }
    }

    private final WorkbenchHosts hosts;
    private final TaskExecutor executor;
    private final BackgroundWork work;
    private final ObservableList<Document> documents;
    private final ReadOnlyBooleanProperty details;
    private final ReadOnlyObjectProperty<Document> active;
    private final Consumer<Document> replace;
    private final LiveFlash flash = new LiveFlash(System::nanoTime);
    private final Map<WorkbenchSource, Followed> followed = new HashMap<>();
    /** What an image, or no document, shows: nothing followed, nothing to pause. */
    private final LiveFeed still;
    private final ReadOnlyObjectWrapper<LiveFeed> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ObservableList<String>> log = new ReadOnlyObjectWrapper<>(this, "log");
    /** The window is closing: connections that end now end no subscription of ours (all are closed already). */
    private boolean closed;
    /** Whether this host's subscription waits for {@link #release()}, and what waits (FX thread). */
    private boolean holdThisHost;
    private Runnable thisHostWaiting;
    private final Controls controls = new Controls(paused, following.getReadOnlyProperty(),
            status.getReadOnlyProperty(), filter, log.getReadOnlyProperty());

    /**
     * The live controls of the window, on whichever feed is shown (the active document's host's).
     *
     * @param paused    Pause live updates of that host
     * @param following true while that host is followed: there are live updates to pause
     * @param status    for the status bar: "Live", "Live paused (...)", "Not live: ..."; empty for an image
     * @param filter    the event log's filter (case-insensitive text), kept when the active document changes
     * @param log       that host's event log lines that pass the filter, oldest first
     */
    public record Controls(BooleanProperty paused, ReadOnlyBooleanProperty following, ReadOnlyStringProperty status,
                           StringProperty filter, ReadOnlyObjectProperty<ObservableList<String>> log) {
    }

    /**
     * @param documents the window's documents; {@code active} the one shown
     * @param details   true when the graph shows MAC and MTU (the layout depends on it)
     * @param replace   puts a followed host's new document in place of its old one
     */
    FollowedHosts(WorkbenchHosts hosts, BackgroundWork work, ObservableList<Document> documents,
                  ReadOnlyBooleanProperty details, ReadOnlyObjectProperty<Document> active,
                  Consumer<Document> replace) {
        this.hosts = hosts;
        this.executor = work.executor();
        this.work = work;
        this.documents = documents;
        this.details = details;
        this.active = active;
        this.replace = replace;
        this.still = new LiveFeed(executor::runOnUiThread);
        show(still);
        entry(WorkbenchSource.LIVE);
        active.addListener((o, was, now) -> {
            show(now != null && now.source().host() ? entry(now.source()).feed : still);
            if (was == null || now == null || !was.source().equals(now.source())) {
                flash.clear(); // the marks were another document's
            }
        });
        hosts.remotes().connections().addListener((ListChangeListener<HostConnection>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(h -> stopWhenNotConnected(h, new WorkbenchSource.Remote(h.label())));
            }
        });
        if (hosts.thisHost().helper() != null) {
            // not root: this host is followed through the helper's agent once it runs (read again then)
            stopWhenNotConnected(hosts.thisHost().helper(), WorkbenchSource.LIVE);
        }
    }

    /** A host's subscription ends with the connection it goes through: closed, lost, or being made again. */
    private void stopWhenNotConnected(HostConnection c, WorkbenchSource source) {
        c.stateProperty().addListener((o, was, now) -> {
            if (now != ConnectionState.CONNECTED && !closed) {
                stop(source, now == ConnectionState.CLOSED ? "disconnected"
                        : now == ConnectionState.LOST ? "the connection was lost" : "connecting again");
            }
        });
    }

    private Followed entry(WorkbenchSource source) {
        return followed.computeIfAbsent(source, s -> {
            Followed f = new Followed(new LiveFeed(executor::runOnUiThread));
            f.feed.snapshotProperty().addListener((o, was, now) -> updated(s, f, now));
            return f;
        });
    }

    /**
     * A host's document was read: from now on that host follows its kernel, unless it does already. This host is
     * subscribed to at once (its monitor starts in this process, or on its helper's agent); a remote host in the
     * background, since its agent's first answer (the whole host) is awaited.
     */
    void loaded(Document doc) {
        if (!doc.source().host()) {
            return; // an image stays still
        }
        Followed f = entry(doc.source());
        if (f.subscription != null || f.starting) {
            return;
        }
        if (doc.source() instanceof WorkbenchSource.Remote r) {
            hosts.remotes().find(r.destination()).filter(c -> c.getState() == ConnectionState.CONNECTED)
                    .ifPresent(c -> subscribe(r, c, f));
        } else if (holdThisHost) {
            thisHostWaiting = () -> followThisHost(f);
        } else {
            followThisHost(f);
        }
    }

    /**
     * Starts following this host (the subscription is null when it cannot be followed: it is refreshed by hand),
     * unless the window closed meanwhile: a window may close on another thread than this one (FX), hence the lock
     * that {@link #close()} takes too.
     */
    private void followThisHost(Followed f) {
        synchronized (this) {
            if (!closed && f.subscription == null) {
                f.subscription = hosts.thisHost().follow(f.feed);
            }
        }
    }

    /**
     * This host is followed only from {@link #release()} on: the window holds it until its first graph is on
     * the screen, because the monitor's first reading of every namespace would compete with the first paint
     * (on two cores it put the first frame 0.3 s after the window). Nothing is missed: the monitor's first
     * reading replaces what was shown if anything changed meanwhile.
     */
    public void holdThisHost() {
        holdThisHost = true;
    }

    /** This host may be followed now; a subscription held back starts. */
    public void release() {
        holdThisHost = false;
        Runnable waiting = thisHostWaiting;
        thisHostWaiting = null;
        if (waiting != null) {
            waiting.run();
        }
    }

    private void subscribe(WorkbenchSource.Remote source, HostConnection c, Followed f) {
        f.starting = true;
        int mine = f.stops;
        executor.execute(new BackgroundTask<>("Following " + source.name(),
                () -> c.host().subscribe(List.of(), f.feed), (AutoCloseable subscription) -> {
                    if (mine != f.stops) {
                        closeLater(subscription); // the connection ended meanwhile
                        if (f.subscription == null && !f.starting) {
                            f.feed.stopped("the connection ended"); // unless a newer subscription feeds it now
                        }
                        return;
                    }
                    f.starting = false;
                    f.subscription = subscription;
                    updated(source, f, f.feed.snapshotProperty().get()); // what changed since the document was read
                }, e -> {
                    if (mine == f.stops) {
                        f.starting = false;
                        f.feed.ended(e instanceof HostException he ? he : HostException.of(Errno.EIO, source.name(),
                                Phase.READ, "cannot follow " + source.name() + ": " + e));
                    }
                }));
    }

    /** Ends following a host, if it is followed; {@code why} for the status bar. Its next read follows it again. */
    void stop(WorkbenchSource source, String why) {
        Followed f = followed.get(source);
        if (f == null) {
            return;
        }
        f.stops++;
        f.starting = false;
        AutoCloseable s = f.subscription;
        f.subscription = null;
        if (s != null) {
            closeLater(s);
        }
        f.feed.stopped(why);
    }

    /** True while {@code source}'s host is subscribed to. */
    public boolean following(WorkbenchSource source) {
        Followed f = followed.get(source);
        return f != null && f.subscription != null;
    }

    /**
     * A followed host changed (or its view was resumed): its document is laid out again with the new snapshot, in
     * the background, keeping what was drawn where it was ({@link StableLayout}), and replaces the one shown;
     * nothing is read again.
     */
    private void updated(WorkbenchSource source, Followed f, Snapshot now) {
        Document shownDoc = document(source);
        if (f.subscription == null || now == null || shownDoc == null || shownDoc.snapshot() == now
                || shownDoc.snapshot().namespaces().equals(now.namespaces())) {
            return; // closed, or nothing to show that is not shown (the monitor's first reading, as a rule)
        }
        boolean withDetails = details.get();
        GraphDrawing before = shownDoc.drawing(); // what is on screen stays where it is (StableLayout)
        work.run("Following " + source.name() + "…",
                () -> Document.of(source, now, StableLayout.layout(before, now, withDetails).drawing()), doc -> {
                    if (f.subscription == null || f.feed.snapshotProperty().get() != now || document(source) == null) {
                        return; // closed meanwhile, or a newer update is on its way
                    }
                    List<Delta> changed = f.feed.takeUnshown();
                    replace.accept(doc);
                    if (active.get() != null && active.get().source().equals(source)) {
                        flash.flash(changed); // what changed is marked for a moment
                    }
                });
    }

    private Document document(WorkbenchSource source) {
        return documents.stream().filter(d -> d.source().equals(source)).findFirst().orElse(null);
    }

    /** What the last live updates of the active document's host changed, marked on the graph for a moment. */
    public LiveFlash flash() {
        return flash;
    }

    /** The controls and the Events tab show this feed from now on; the filter typed stays. */
    private void show(LiveFeed feed) {
        LiveFeed was = shown.get();
        if (was == feed) {
            return;
        }
        if (was != null) {
            paused.unbindBidirectional(was.pausedProperty());
            filter.unbindBidirectional(was.filterProperty());
        }
        feed.filterProperty().set(filter.get());
        filter.bindBidirectional(feed.filterProperty());
        paused.bindBidirectional(feed.pausedProperty()); // takes the feed's state
        following.bind(feed.followingProperty());
        status.bind(feed.statusProperty());
        log.set(feed.log());
        shown.set(feed);
    }

    /** "This host"'s feed (its event log, pause and resume), whichever document is active. */
    public LiveFeed thisHost() {
        return entry(WorkbenchSource.LIVE).feed;
    }

    /** The feed of a host source (made if need be); null for a file. */
    public LiveFeed feed(WorkbenchSource source) {
        return source.host() ? entry(source).feed : null;
    }

    /** The feed the controls and the Events tab show: the active document's host's, or one that follows nothing. */
    public ReadOnlyObjectProperty<LiveFeed> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** What the tool bar, the View menu, the status bar and the Events tab show: the active document's host's feed. */
    public Controls controls() {
        return controls;
    }

    /** Ends every subscription: the window closes. */
    @Override
    public synchronized void close() {
        closed = true; // the connections close after this, on whatever thread closes the window
        followed.forEach((source, f) -> {
            f.stops++;
            f.starting = false;
            AutoCloseable s = f.subscription;
            f.subscription = null;
            if (s != null && source.equals(WorkbenchSource.LIVE)) {
                closeQuietly(s); // this process's monitor: its sockets go now
            } else if (s != null) {
                closeLater(s);
            }
        });
    }

    /** Closes a remote subscription on a thread of its own (its cancel waits for the agent's answer). */
    private static void closeLater(AutoCloseable s) {
        Thread t = new Thread(() -> closeQuietly(s), "netcr-close-subscription");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable s) {
        try {
            s.close();
        } catch (Exception e) {
            // closing a subscription does not fail
        }
    }
}
