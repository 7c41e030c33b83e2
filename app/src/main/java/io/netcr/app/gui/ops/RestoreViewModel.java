package io.netcr.app.gui.ops;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LocalHost;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The restore dialog's state: the image, the renames and prefix, the dry-run plan and its preflight
 * (recomputed in the background whenever they change), and Apply, enabled only for an executable plan in
 * a privileged process. Apply waits for a restore that holds the lock (Cancel stops the wait) and shows
 * its progress ({@link RestoreProgressModel}). After a restore, {@code onRestored} runs (the window
 * refreshes the live host).
 */
public final class RestoreViewModel {

    private record Planned(int generation, PlanSummary plan, Optional<Diagnostic> privilege, String failure) {
    }

    /**
     * A host the image can be restored on.
     *
     * @param label      how messages name it: "this host", "web2"
     * @param onRestored what runs after a restore there (the window reads that host again)
     */
    public record Target(String label, RestoreEngine engine, Runnable onRestored) {
    }

    private final TaskExecutor executor;
    private RestoreEngine engine;
    private Runnable onRestored;
    private String hostLabel = LocalHost.LABEL;
    private Map<String, Target> targetsByName = Map.of();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final ObjectProperty<Path> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyObjectWrapper<Snapshot> imageSnapshot = new ReadOnlyObjectWrapper<>(this, "imageSnapshot");
    private final ObservableList<RenameRow> renames = FXCollections.observableArrayList(
            r -> new Observable[] {r.fromProperty(), r.toProperty()});
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlanSummary> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyBooleanWrapper privileged = new ReadOnlyBooleanWrapper(this, "privileged", false);
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper(this, "planning", false);
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Choose an image to restore");
    private final ReadOnlyObjectWrapper<Map<String, String>> restored = new ReadOnlyObjectWrapper<>(this, "restored");
    private final BooleanBinding canApply;
    private final RestoreProgressModel run;
    private int generation;
    private String restoring = "";

    public RestoreViewModel(TaskExecutor executor, RestoreEngine engine, Runnable onRestored) {
        this.executor = executor;
        this.engine = engine;
        this.onRestored = onRestored;
        this.run = new RestoreProgressModel(executor);
        run.holderProperty().addListener((o, was, now) -> {
            if (now != null) {
                status.set("Waiting for another restore to finish; Cancel leaves " + hostLabel + " as it is");
            } else if (applying.get()) {
                status.set(restoring); // the lock is taken
            }
        });
        // after a restore the same plan is not offered again: its names are taken now
        canApply = Bindings.createBooleanBinding(() -> plan.get() != null && plan.get().isExecutable()
                && privileged.get() && !planning.get() && !applying.get() && restored.get() == null,
                plan, privileged, planning, applying, restored);
        image.addListener((o, was, now) -> readImage(now));
        target.addListener((o, was, now) -> retarget(now));
        prefix.addListener((o, was, now) -> replan());
        renames.addListener((javafx.collections.ListChangeListener<RenameRow>) c -> replan());
    }

    /**
     * The hosts the image may be restored on, by the name the dialog shows; the first is chosen. Choosing
     * another ({@link #targetProperty()}) plans again there.
     */
    public void offerTargets(Map<String, Target> byName) {
        targetsByName = new LinkedHashMap<>(byName);
        targets.setAll(byName.keySet());
        target.set(targets.isEmpty() ? null : targets.get(0));
    }

    private void retarget(String name) {
        Target t = name == null ? null : targetsByName.get(name);
        if (t == null || applying.get()) {
            return;
        }
        engine = t.engine();
        onRestored = t.onRestored();
        hostLabel = t.label();
        replan();
    }

    private void readImage(Path file) {
        run.clear();
        plan.set(null);
        imageSnapshot.set(null);
        steps.clear();
        problems.clear();
        restored.set(null);
        if (file == null) {
            return;
        }
        planning.set(true);
        status.set("Reading " + file.getFileName() + "…");
        executor.execute(new BackgroundTask<>("Reading image", () -> engine.readImage(file), (ReadResult r) -> {
            planning.set(false);
            if (!file.equals(image.get())) {
                return; // another image was chosen meanwhile
            }
            if (r.snapshot() == null) {
                problems.setAll(r.diagnostics());
                status.set(file.getFileName() + " was refused; it cannot be restored");
                return;
            }
            imageSnapshot.set(r.snapshot());
            renames.setAll(renameCandidates(r.snapshot()));
            replan();
        }, e -> {
            planning.set(false);
            status.set("Cannot read " + file + ": " + e.getMessage());
        }));
    }

    /** One row per namespace and per outside half of the image, NEW left empty (an empty row renames nothing). */
    private static List<RenameRow> renameCandidates(Snapshot s) {
        List<RenameRow> rows = new ArrayList<>();
        for (Namespace n : s.namespaces()) {
            if (n.init()) {
                n.devices().forEach(d -> rows.add(new RenameRow(RestoreOptions.DEVICE_KEY + d.name(), "")));
            } else {
                rows.add(new RenameRow(n.label(), ""));
            }
        }
        return rows;
    }

    /** The options as the planner takes them: the complete rename rows and the prefix. */
    public RestoreOptions options() {
        Map<String, String> map = new LinkedHashMap<>();
        for (RenameRow r : renames) {
            if (r.complete()) {
                map.put(r.fromProperty().get().trim(), r.toProperty().get().trim());
            }
        }
        return new RestoreOptions(map, prefix.get() == null ? "" : prefix.get().trim());
    }

    /** Recomputes the dry run in the background; only the newest request's answer is shown. */
    public void replan() {
        Snapshot img = imageSnapshot.get();
        if (img == null || applying.get()) {
            return;
        }
        int gen = ++generation;
        RestoreOptions options = options();
        restored.set(null); // new options: a new plan, and the last result is history
        run.clear();
        planning.set(true);
        status.set("Planning…");
        RestoreEngine planner = engine;
        String where = hostLabel;
        executor.execute(new BackgroundTask<>("Planning the restore", () -> {
            Optional<Diagnostic> privilege = planner.checkPrivileges();
            try {
                return new Planned(gen, planner.plan(img, options), privilege, null);
            } catch (HostException e) {
                return new Planned(gen, null, privilege, e.diagnostics().get(0).message());
            } catch (Exception e) {
                return new Planned(gen, null, privilege, "cannot read " + where + ": " + e.getMessage());
            }
        }, this::planned, e -> {
            planning.set(false);
            status.set("Planning failed: " + e);
        }));
    }

    private void planned(Planned p) {
        if (p.generation() != generation) {
            return; // a newer plan is coming
        }
        planning.set(false);
        privileged.set(p.privilege().isEmpty());
        plan.set(p.plan());
        List<Diagnostic> all = new ArrayList<>();
        p.privilege().ifPresent(all::add);
        if (p.plan() == null) {
            steps.clear();
            problems.setAll(all);
            status.set(p.failure());
            return;
        }
        all.addAll(p.plan().diagnostics());
        problems.setAll(all);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < p.plan().steps().size(); i++) {
            lines.add((i + 1) + ". " + p.plan().steps().get(i).equivalent());
        }
        steps.setAll(lines);
        long errors = all.stream().filter(Diagnostic::isError).count();
        status.set(p.plan().steps().size() + " steps; " + (errors == 0 ? "ready to apply"
                : errors + (errors == 1 ? " problem" : " problems") + " to fix before applying"));
    }

    /** Runs the restore in the background, all or nothing. */
    public void apply() {
        Snapshot img = imageSnapshot.get();
        if (!canApply.get() || img == null) {
            return;
        }
        RestoreOptions options = options();
        applying.set(true);
        restored.set(null);
        restoring = "Restoring " + plan.get().namespaceNames().size() + " namespace(s)…";
        status.set(restoring);
        RestoreRequest request = new RestoreRequest(img, options, true, "netcr workbench restore " + image.get());
        RestoreProgressModel.Run watch = run.start();
        RestoreEngine restorer = engine;
        Runnable after = onRestored;
        executor.execute(new BackgroundTask<>("Restore", () -> restorer.apply(request, watch, watch.cancellation),
                a -> applied(a, after), e -> {
                    applying.set(false);
                    run.ended(false);
                    status.set("Restore failed: " + e);
                }));
    }

    /**
     * The window's close button. Allowed, and cancelling, while a restore waits for another one; refused
     * while one runs past the lock (it takes seconds, and closing then would leave it to finish unseen,
     * its result and any rollback unread). Always allowed when nothing runs.
     */
    public boolean mayClose() {
        if (!applying.get() || run.cancel()) {
            return true;
        }
        status.set(restoring + " It cannot stop half-way: close the window once it has finished.");
        return false;
    }

    /** Stops a restore that waits for another one; it then changes nothing. Not heard once the lock is taken. */
    public void cancel() {
        if (run.cancel()) {
            status.set("Cancelling…");
        }
    }

    private void applied(RestoreOutcome a, Runnable after) {
        applying.set(false);
        if (a.cancelled()) {
            run.clear();
            status.set("Cancelled while waiting for another restore; nothing was changed");
            return;
        }
        run.ended(a.success());
        if (a.success()) {
            Map<String, String> names = a.result().namespaceNames();
            restored.set(names);
            problems.setAll(a.problems());
            status.set(String.format("Restored %d namespace%s in %.0f ms: %s", names.size(), names.size() == 1 ? "" : "s",
                    a.result().millis(), String.join(" ", names.values().stream().sorted().toList())));
            after.run();
            return; // not planned again: the result stays on screen; Apply is off until the options change
        }
        plan.set(null);
        problems.setAll(a.problems());
        status.set(a.result() != null ? "Restore failed and was rolled back; the host is as it was"
                : "Nothing was restored");
    }

    /** The host the plan is made on and the restore would run on, as the chosen target names it. */
    public String hostLabel() {
        return hostLabel;
    }

    /** The hosts offered to restore on (empty: this host only). */
    public ObservableList<String> targets() {
        return targets;
    }

    /** The host chosen to restore on, by its name in {@link #targets()}. */
    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<Path> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<Snapshot> imageSnapshotProperty() {
        return imageSnapshot.getReadOnlyProperty();
    }

    public ObservableList<RenameRow> renames() {
        return renames;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    /** The dry run: "N. iproute2 equivalent" per step. */
    public ObservableList<String> steps() {
        return steps;
    }

    /** The preflight's findings (EPERM first when unprivileged), or the diagnostics of a failed restore. */
    public ObservableList<Diagnostic> problems() {
        return problems;
    }

    public ReadOnlyObjectProperty<PlanSummary> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public ReadOnlyBooleanProperty privilegedProperty() {
        return privileged.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    /** The running (or last) restore: its bar, its step, who it waits for, whether Cancel is heard. */
    public RestoreProgressModel progress() {
        return run;
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Image namespace id → new name, after a successful restore; else null. */
    public ReadOnlyObjectProperty<Map<String, String>> restoredProperty() {
        return restored.getReadOnlyProperty();
    }
}
