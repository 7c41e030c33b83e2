package io.netcr.app.gui.ops;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.services.CheckpointService;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The checkpoint dialog's state: the host's namespaces with check boxes, the options, the output file, and
 * the run (in the background, cancellable until the file is written) with its result or diagnostics.
 */
public final class CheckpointViewModel {

    /** What a run asks of the engine; the test seam's view of a click on Checkpoint. */
    public record Request(List<String> namespaces, CheckpointOptions options, Path output) {
    }

    /** How a run ended: the image written, or why not. */
    private record Outcome(Request request, Snapshot image, List<Diagnostic> problems, String failure, boolean cancelled) {
    }

    private final TaskExecutor executor;
    private final CheckpointEngine engine;
    private final ObservableList<NamespaceChoice> namespaces = FXCollections.observableArrayList(
            c -> new javafx.beans.Observable[] {c.selectedProperty()});
    private final BooleanProperty skipUnsupported = new SimpleBooleanProperty(this, "skipUnsupported", false);
    private final IntegerProperty maxAddresses = new SimpleIntegerProperty(this, "maxAddresses",
            CheckpointOptions.DEFAULT_MAX_ADDRESSES);
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>(this, "output");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private final String defaultFileName;
    private AtomicBoolean cancel = new AtomicBoolean();
    private Set<String> preselected = Set.of();
    private Request lastRequest;
    private final String hostLabel;

    /**
     * @param live the window's snapshot of this host, or null to read it now (in the background)
     * @param home the directory the output file is proposed in
     */
    public CheckpointViewModel(TaskExecutor executor, CheckpointEngine engine, Snapshot live, Path home, LocalDate today) {
        this(executor, engine, live, home, today, LocalHost.LABEL);
    }

    /** @param hostLabel the host checkpointed, as messages name it: "this host", "web2" */
    public CheckpointViewModel(TaskExecutor executor, CheckpointEngine engine, Snapshot live, Path home, LocalDate today,
                               String hostLabel) {
        this.hostLabel = hostLabel;
        this.executor = executor;
        this.engine = engine;
        String host = live == null || live.source().host() == null || live.source().host().isBlank() ? "netcr"
                : live.source().host();
        defaultFileName = host + "-" + today + ".netcr";
        output.set(home.resolve(defaultFileName));
        canRun = Bindings.createBooleanBinding(() -> !running.get() && output.get() != null
                && namespaces.stream().anyMatch(NamespaceChoice::isSelected), running, output, namespaces);
        if (live != null) {
            show(live);
        } else {
            loadHost();
        }
    }

    /**
     * Checks these namespaces (by name, id or label: the ones selected on the graph) as soon as the host's
     * namespaces are known; names the host does not have are ignored.
     */
    public void preselect(Collection<String> names) {
        preselected = Set.copyOf(names);
        applyPreselection();
    }

    private void applyPreselection() {
        for (NamespaceChoice n : namespaces) {
            Namespace ns = n.namespace();
            if (preselected.contains(n.spec()) || preselected.contains(ns.id()) || preselected.contains(ns.label())) {
                n.setSelected(true);
            }
        }
    }

    private void show(Snapshot live) {
        namespaces.setAll(live.namespaces().stream().map(NamespaceChoice::new).toList());
        applyPreselection();
        status.set(live.namespaces().size() <= 1 ? capitalised(hostLabel) + " has no namespace to checkpoint besides its own"
                : "Choose the namespaces to checkpoint");
    }

    private void loadHost() {
        running.set(true);
        status.set("Reading " + hostLabel + "…");
        executor.execute(new BackgroundTask<>("Reading " + hostLabel, engine::readHost, s -> {
            running.set(false);
            show(s);
        }, e -> {
            running.set(false);
            status.set(capitalised(hostLabel) + " cannot be read: " + e.getMessage());
        }));
    }

    /** Checks every selectable namespace, or none. */
    public void selectAll(boolean value) {
        namespaces.forEach(n -> n.setSelected(value));
    }

    /** Starts the checkpoint in the background. */
    public void checkpoint() {
        if (!canRun.get()) {
            return;
        }
        Request request = new Request(namespaces.stream().filter(NamespaceChoice::isSelected)
                .map(NamespaceChoice::spec).toList(),
                new CheckpointOptions(skipUnsupported.get(), Math.max(1, maxAddresses.get())), output.get());
        lastRequest = request;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        written.set(null);
        diagnostics.clear();
        status.set("Checkpointing " + request.namespaces().size() + " namespace(s)…");
        executor.execute(new BackgroundTask<>("Checkpoint", () -> work(request, cancelled), this::finished, e -> {
            running.set(false);
            status.set("Checkpoint failed: " + e.getMessage() + "; nothing was written");
        }));
    }

    /** The worker: the same calls as {@code netcr checkpoint}; a cancel before the write leaves no file. */
    private Outcome work(Request request, AtomicBoolean cancelled) {
        CheckpointResult result;
        try {
            result = engine.checkpoint(request.namespaces(), request.options());
        } catch (Exception | LinkageError e) {
            return new Outcome(request, null, List.of(), "cannot read " + hostLabel + ": " + e.getMessage(), false);
        }
        if (result.image() == null) {
            return new Outcome(request, null, result.diagnostics(), null, false);
        }
        if (cancelled.get()) {
            return new Outcome(request, null, result.diagnostics(), null, true);
        }
        try {
            engine.write(result.image(), request.output());
        } catch (Exception e) {
            return new Outcome(request, null, result.diagnostics(), "cannot write " + request.output() + ": "
                    + e.getMessage(), false);
        }
        return new Outcome(request, result.image(), result.diagnostics(), null, false);
    }

    private void finished(Outcome o) {
        running.set(false);
        diagnostics.setAll(o.problems());
        if (o.cancelled()) {
            status.set("Cancelled; nothing was written");
        } else if (o.failure() != null) {
            status.set("Checkpoint failed: " + o.failure() + "; nothing was written");
        } else if (o.image() == null) {
            long errors = o.problems().stream().filter(Diagnostic::isError).count();
            status.set("Refused (" + errors + (errors == 1 ? " error" : " errors") + "); nothing was written");
        } else {
            written.set(o.request().output());
            String warnings = o.problems().isEmpty() ? "" : "; " + o.problems().size() + " warning(s) below";
            status.set(capitalised(CheckpointService.summary(o.image(), o.request().output())) + warnings);
        }
    }

    /** The host checkpointed: "this host", "web2". */
    public String hostLabel() {
        return hostLabel;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stops a running checkpoint before it writes; the dialog says so at once. */
    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            status.set("Cancelling…");
        }
    }

    /** Opens the written image in the workbench. */
    public void openWritten(Consumer<Path> opener) {
        if (written.get() != null) {
            opener.accept(written.get());
        }
    }

    public ObservableList<NamespaceChoice> namespaces() {
        return namespaces;
    }

    public BooleanProperty skipUnsupportedProperty() {
        return skipUnsupported;
    }

    public IntegerProperty maxAddressesProperty() {
        return maxAddresses;
    }

    /** The file to write; the view's file chooser sets it, and so do tests. */
    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    public String defaultFileName() {
        return defaultFileName;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The image written by the last run, or null. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The last request started (for tests and the log). */
    public Request lastRequest() {
        return lastRequest;
    }
}
