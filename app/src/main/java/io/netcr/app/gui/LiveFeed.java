package io.netcr.app.gui;

import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.model.Snapshot;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The view-model of a followed host (issue 14 §3, the part without a window): the snapshot the live monitor's
 * updates make, paused and resumed, and the event log of what changed. It is a {@link LiveWatch}, so any
 * {@code Host.subscribe} feeds it ("This host" through the monitor here, another host through its agent). Calls
 * from the subscription's thread are handed to {@code fx} (the FX thread; tests run them at once).
 *
 * <p>Paused, the log goes on and the snapshot stays as it was; resuming shows the host as it is now (the last
 * update's snapshot, which already holds every change made while paused). The log keeps the last
 * {@link #LOG_LIMIT} lines and is filtered by {@link #filterProperty()} (case-insensitive text).
 */
public final class LiveFeed implements LiveWatch {

    /** Deltas kept for the graph to flash until it shows them; past this many the rest is not flashed. */
    static final int UNSHOWN_LIMIT = 10_000;

    /** Lines the event log keeps in memory; older ones are dropped. */
    public static final int LOG_LIMIT = 2000;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Executor fx;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(log);
    private final List<Delta> unshown = new ArrayList<>();
    private Snapshot latest;
    private int waiting;

    public LiveFeed(Executor fx) {
        this.fx = fx;
        paused.addListener((o, was, now) -> {
            if (!now && latest != null) {
                snapshot.set(latest);
            }
            waiting = 0;
            say();
        });
        filter.addListener((o, was, now) -> {
            String f = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(f.isEmpty() ? null : line -> line.toLowerCase(Locale.ROOT).contains(f));
        });
    }

    @Override
    public void started(Snapshot first) {
        fx.execute(() -> {
            latest = first;
            following.set(true);
            snapshot.set(first);
            say();
        });
    }

    @Override
    public void updated(LiveUpdate update, Snapshot after) {
        Instant now = Instant.now();
        fx.execute(() -> {
            for (Delta d : update.deltas()) {
                log.add(CLOCK.format(now) + " " + d);
            }
            if (log.size() > LOG_LIMIT) {
                log.remove(0, log.size() - LOG_LIMIT);
            }
            if (unshown.size() < UNSHOWN_LIMIT) {
                unshown.addAll(update.deltas());
            }
            latest = after;
            if (paused.get()) {
                waiting += update.deltas().size();
            } else {
                snapshot.set(after);
            }
            say();
        });
    }

    @Override
    public void ended(HostException why) {
        fx.execute(() -> {
            following.set(false);
            status.set("Not live: " + why.getMessage());
        });
    }

    /**
     * The window closed the subscription (its host was disconnected, its connection lost or about to be made again):
     * nothing is followed any more until a new subscription starts. FX thread.
     */
    public void stopped(String why) {
        if (following.get()) {
            following.set(false);
            status.set("Not live: " + why);
        }
    }

    private void say() {
        status.set(paused.get() ? "Live paused" + (waiting > 0 ? " (" + waiting + " changes since)" : "") : "Live");
    }

    /** The followed host's snapshot to show: the last update's, or the one shown when paused. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** True from the subscription's first snapshot until it ends: there are live updates to pause. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** For the status bar: "Live", "Live paused (3 changes since)", "Not live: ...". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /**
     * The deltas of the updates since the last call: the graph takes them when it shows the snapshot they made, to
     * flash what changed ({@link LiveFlash}).
     */
    public List<Delta> takeUnshown() {
        List<Delta> taken = List.copyOf(unshown);
        unshown.clear();
        return taken;
    }

    /** The event log's lines that pass the filter, oldest first. */
    public ObservableList<String> log() {
        return shown;
    }
}
