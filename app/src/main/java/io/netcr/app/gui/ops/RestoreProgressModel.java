package io.netcr.app.gui.ops;

import io.netcr.app.gui.task.LatestValue;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.hosts.StepEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Restore dialog's running restore: waiting for the lock another restore holds (who holds it; Cancel
 * works until the lock is taken), then the plan step being done (a determinate bar and the step's text),
 * or the undo of a failed one ("rolling back: ..."). Its {@link RestoreWatch} is called on the restoring
 * thread (in process, or as an agent's events arrive); its {@link Cancellation} is what Cancel uses. What the
 * watch hears reaches the FX thread through a {@link LatestValue}, one hand-over queued at most,
 * so thousands of steps cost only as many updates as the FX thread has time for. Properties change on the
 * FX thread only.
 */
public final class RestoreProgressModel {

    /** The bar's value while the length of the work is not known (a ProgressBar's indeterminate). */
    public static final double INDETERMINATE = -1;

    /** The note RestoreLock writes: "pid N (COMMAND) since INSTANT". */
    private static final Pattern NOTE = Pattern.compile("pid (\\d+) \\((.*)\\) since (\\S+)");

    private final TaskExecutor ui;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper holder = new ReadOnlyStringWrapper(this, "holder");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", false);
    private Run current;
    /** How far the steps got, as last shown: the bar shrinks from there while they are undone. */
    private double reached;

    public RestoreProgressModel(TaskExecutor ui) {
        this.ui = ui;
    }

    /**
     * A restore starts (FX thread): the watch and the cancellation to hand to the engine. Earlier runs are not heard
     * any more.
     */
    Run start() {
        current = new Run();
        reached = 0;
        progress.set(INDETERMINATE);
        stepText.set("");
        holder.set(null);
        cancellable.set(false);
        return current;
    }

    /** Cancel, heard only while the restore waits for the lock: true when it will change nothing. */
    boolean cancel() {
        if (current == null || current.cancellation.isCancelled() || !current.cancellation.cancel()) {
            return false;
        }
        cancellable.set(false);
        return true;
    }

    /** The restore ended: a full bar when it succeeded, an empty one when it was undone or not run. */
    void ended(boolean success) {
        current = null;
        holder.set(null);
        cancellable.set(false);
        progress.set(success ? 1 : 0);
    }

    /** Nothing to show (new options, another image, a cancelled wait). */
    void clear() {
        ended(false);
        stepText.set("");
    }

    private void showHolder(Run run, String note) {
        if (run == current && !run.cancellation.hasBegun() && !run.cancellation.isCancelled()) {
            holder.set(holderText(note));
            stepText.set("waiting for another restore (" + holder.get() + ") to finish");
            cancellable.set(true);
        }
    }

    private void showBegun(Run run) {
        if (run == current) {
            holder.set(null);
            stepText.set("");
            cancellable.set(false);
        }
    }

    private void showEvent(Run run, StepEvent e) {
        if (run != current) {
            return; // a late hand-over of a run that has ended
        }
        if (e.undo()) {
            progress.set(reached * (e.total() - e.number()) / e.total()); // what will still be in place after it
            stepText.set("rolling back: " + e.text() + " (" + e.number() + " of " + e.total() + ")");
        } else {
            reached = (double) e.number() / e.total();
            progress.set(reached);
            stepText.set("step " + e.number() + " of " + e.total() + ": " + e.text());
        }
    }

    /** "pid N: COMMAND, since HH:MM:SS" (local time) from the lock's note; any other note as it is. */
    static String holderText(String note) {
        Matcher m = NOTE.matcher(note);
        if (!m.matches()) {
            return note;
        }
        try {
            LocalTime since = LocalTime.ofInstant(Instant.parse(m.group(3)), ZoneId.systemDefault())
                    .truncatedTo(ChronoUnit.SECONDS);
            return "pid " + m.group(1) + ": " + m.group(2) + ", since " + since;
        } catch (DateTimeParseException e) {
            return note;
        }
    }

    /** The part done (0 to 1), or {@link #INDETERMINATE} while waiting or planning. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * "waiting for another restore (WHO) to finish", then "step K of N: iproute2 equivalent", or "rolling back:
     * ..." while undoing; empty before any step (and while it plans once it has the lock).
     */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** Who holds the lock while this restore waits for it; null when it is not waiting. */
    public ReadOnlyStringProperty holderProperty() {
        return holder.getReadOnlyProperty();
    }

    /** True while the restore waits for the lock and has not been cancelled. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** One restore, as heard on its own thread: the watch to hand to the host, and its cancellation. */
    final class Run implements RestoreWatch {

        final Cancellation cancellation = new Cancellation();
        private final LatestValue<String> holders = new LatestValue<>(ui, h -> showHolder(this, h));
        private final LatestValue<StepEvent> events = new LatestValue<>(ui, e -> showEvent(this, e));

        @Override
        public void waiting(String note) {
            holders.post(note);
        }

        @Override
        public void begun() {
            ui.runOnUiThread(() -> showBegun(this)); // after any holder handed over before: the same queue
        }

        @Override
        public void step(StepEvent event) {
            events.post(event);
        }
    }
}
