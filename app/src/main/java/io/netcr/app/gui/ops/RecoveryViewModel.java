package io.netcr.app.gui.ops;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.services.RecoveryService;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recovery dialog's state: the leftover journal of a restore that did not finish (looked for when the
 * workbench starts and before a restore), what undoing it would remove (its dry run), and the two ways out,
 * Undo and Finish, run in the background with the same calls as {@code netcr recover}; or Later, which
 * leaves it (a new restore is refused until then). After a recovery, {@code onRecovered} runs (the window
 * reads the live host again).
 */
public final class RecoveryViewModel {

    private final TaskExecutor executor;
    private final RecoveryEngine engine;
    private final Runnable onRecovered;
    private final String hostLabel;
    private final ReadOnlyStringWrapper leftover = new ReadOnlyStringWrapper(this, "leftover");
    private final ObservableList<String> preview = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);
    private final ReadOnlyBooleanWrapper acting = new ReadOnlyBooleanWrapper(this, "acting", false);
    private final ReadOnlyBooleanWrapper recovered = new ReadOnlyBooleanWrapper(this, "recovered", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding canAct;

    public RecoveryViewModel(TaskExecutor executor, RecoveryEngine engine, Runnable onRecovered) {
        this(executor, engine, onRecovered, LocalHost.LABEL);
    }

    /** @param hostLabel the host the restore ran on, as messages name it: "this host", "web2" */
    public RecoveryViewModel(TaskExecutor executor, RecoveryEngine engine, Runnable onRecovered, String hostLabel) {
        this.hostLabel = hostLabel;
        this.executor = executor;
        this.engine = engine;
        this.onRecovered = onRecovered;
        canAct = Bindings.createBooleanBinding(() -> leftover.get() != null && !working.get() && !recovered.get(),
                leftover, working, recovered);
    }

    /**
     * Looks for a leftover in the background; when there is one (or its journal cannot be read),
     * {@code whenFound} runs on the FX thread: the window shows the dialog then. Nothing runs otherwise.
     */
    public void check(Runnable whenFound) {
        executor.execute(new BackgroundTask<>("Looking for a restore that did not finish", engine::find,
                (Optional<String> found) -> {
                    if (found.isEmpty()) {
                        return;
                    }
                    leftover.set(found.get());
                    status.set("A restore " + on() + "did not finish: " + found.get());
                    whenFound.run();
                    previewUndo();
                }, e -> {
                    problems.setAll(Diagnostic.error(Errno.EBADMSG, SubjectPath.ROOT, Phase.RESTORE,
                            "the journal of a restore that did not finish " + on() + "cannot be read: "
                                    + e.getMessage() + "; run netcr recover in a terminal there to see what it needs"));
                    status.set("A restore journal is left " + on() + "and cannot be read");
                    whenFound.run();
                }));
    }

    /** What Undo would remove: the dry run, checking every identity, changing nothing. */
    private void previewUndo() {
        working.set(true);
        executor.execute(new BackgroundTask<>("Checking what the restore made", () -> engine.recover(false, true),
                (RecoveryOutcome r) -> {
                    working.set(false);
                    List<String> lines = new ArrayList<>();
                    r.actions().forEach(a -> lines.add("Undo removes: " + a));
                    problems.setAll(r.problems());
                    if (lines.isEmpty()) {
                        lines.add("Nothing the restore made is left: Undo only closes its journal");
                    }
                    preview.setAll(lines);
                    status.set("Undo it, finish it, or leave it for later");
                }, e -> {
                    working.set(false);
                    preview.setAll("Cannot tell what Undo would remove: " + e.getMessage());
                }));
    }

    /** Removes exactly what the restore made, and closes its journal. */
    public void undo() {
        run(false);
    }

    /** Completes the restore from the plan in its journal (a failed step undoes it all). */
    public void finish() {
        run(true);
    }

    private void run(boolean finish) {
        if (!canAct.get()) {
            return;
        }
        working.set(true);
        acting.set(true);
        status.set(finish ? "Finishing the restore…" : "Undoing what the restore made…");
        executor.execute(new BackgroundTask<>(finish ? "Finishing a restore" : "Undoing a restore",
                () -> engine.recover(finish, false), r -> done(finish, r), e -> {
                    working.set(false);
                    acting.set(false);
                    status.set("Recovery failed: " + e);
                }));
    }

    private void done(boolean finish, RecoveryOutcome r) {
        working.set(false);
        acting.set(false);
        if (r.kind() == RecoveryService.Kind.RAN) {
            preview.setAll(r.actions().stream().map(a -> (finish ? "Done: " : "Removed: ") + a).toList());
        }
        problems.setAll(r.problems());
        if (r.kind() == RecoveryService.Kind.NOTHING) {
            recovered.set(true);
            status.set("Nothing to recover any more: another recovery dealt with it");
            onRecovered.run();
        } else if (r.success()) {
            recovered.set(true);
            status.set(finish ? "The restore is complete" : "Undone: " + (on().isEmpty() ? "the host" : hostLabel)
                    + " is as it was before that restore");
            onRecovered.run();
        } else {
            status.set((finish ? "The restore could not be finished" : "Not everything could be undone")
                    + "; see the problems below");
        }
    }

    /** The restore that did not finish, in one line ("pid 42 (netcr restore a.netcr), started ..."), or null. */
    public ReadOnlyStringProperty leftoverProperty() {
        return leftover.getReadOnlyProperty();
    }

    /** The host it ran on: "this host", "web2". */
    public String hostLabel() {
        return hostLabel;
    }

    /** "on web2 " for another host, nothing for this one. */
    private String on() {
        return LocalHost.LABEL.equals(hostLabel) ? "" : "on " + hostLabel + " ";
    }

    /** What Undo would remove (before), or what was done (after). */
    public ObservableList<String> preview() {
        return preview;
    }

    public ObservableList<Diagnostic> problems() {
        return problems;
    }

    /** Undo and Finish can be asked for: a leftover is known, nothing runs, it is not recovered yet. */
    public BooleanBinding canActProperty() {
        return canAct;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** An undo or finish runs: it cannot stop half-way, so the dialog stays until it ends. */
    public ReadOnlyBooleanProperty actingProperty() {
        return acting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recoveredProperty() {
        return recovered.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
