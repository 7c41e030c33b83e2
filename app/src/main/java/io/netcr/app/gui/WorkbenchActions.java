package io.netcr.app.gui;

import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.HostOps;
import io.netcr.app.gui.ops.RecoveryDialog;
import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.app.gui.ops.RecoveryViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.hosts.LocalHost;
import io.netcr.model.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.stage.Window;

/**
 * File ▸ Checkpoint… and Restore…: makes each dialog with its view-model, fed from the window's state (the host
 * of the active document, the namespaces selected on the graph, its active image or the image it checkpointed
 * last) and wired back to it (open the written image, restore it, read the host again). Each host's dialogs work
 * through that host ({@link HostOps}): this one in process or through the privilege helper's agent, a remote one
 * through its agent. A restore that did not finish is offered for recovery when the workbench starts, when a host
 * connects, and before a restore.
 */
public final class WorkbenchActions {

    private final Window owner;
    private final WorkbenchViewModel vm;
    /** This host's engines when a test stands them in; null: through the window's hosts. */
    private final HostOps thisHost;
    private final Path imagesDir;
    /** The image the last checkpoint of this window wrote, or null. */
    private Path lastCheckpoint;

    public WorkbenchActions(Window owner, WorkbenchViewModel vm) {
        this(owner, vm, null, Path.of(System.getProperty("user.home")));
    }

    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore,
                            RecoveryEngine recovery) {
        this(owner, vm, checkpoint, restore, recovery, Path.of(System.getProperty("user.home")));
    }

    /** @param imagesDir where the checkpoint dialog proposes to write its image */
    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore,
                            RecoveryEngine recovery, Path imagesDir) {
        this(owner, vm, new HostOps(LocalHost.LABEL, checkpoint, restore, recovery), imagesDir);
    }

    private WorkbenchActions(Window owner, WorkbenchViewModel vm, HostOps thisHost, Path imagesDir) {
        this.owner = owner;
        this.vm = vm;
        this.thisHost = thisHost;
        this.imagesDir = imagesDir;
    }

    /** The dialogs' engines for the host behind {@code source} (this host for a file). */
    private HostOps ops(WorkbenchSource source) {
        if (source instanceof WorkbenchSource.Remote) {
            return HostOps.on(vm.hosts().access(source));
        }
        return thisHost != null ? thisHost : HostOps.on(vm.hosts().thisHost().access());
    }

    /**
     * Looks for a restore on this host that did not finish, in the background, and offers its recovery in a dialog
     * when there is one; otherwise nothing shows. Returns the dialog's view-model.
     */
    public RecoveryViewModel offerRecovery() {
        return offerRecovery(WorkbenchSource.LIVE);
    }

    /** The same for the host behind {@code source}: a remote host once it has connected. */
    public RecoveryViewModel offerRecovery(WorkbenchSource source) {
        HostOps ops = ops(source);
        RecoveryViewModel model = new RecoveryViewModel(vm.executor(), ops.recovery(), () -> vm.open(source),
                ops.label());
        model.check(() -> new RecoveryDialog(owner, model).show());
        return model;
    }

    /** The checkpoint dialog over the active host's snapshot (this host's, when a file is active). */
    public CheckpointDialog checkpointDialog() {
        return checkpointDialog(Set.of());
    }

    /**
     * The checkpoint dialog with {@code preselected} namespaces (names of that host) checked. Its "Restore…"
     * opens the restore dialog on the image it wrote, and so does File ▸ Restore… afterwards.
     */
    public CheckpointDialog checkpointDialog(Set<String> preselected) {
        WorkbenchSource source = checkpointSource();
        Document doc = vm.documents().stream().filter(d -> d.source().equals(source)).findFirst().orElse(null);
        HostOps ops = ops(source);
        CheckpointViewModel model = new CheckpointViewModel(vm.executor(), ops.checkpoint(),
                doc == null ? null : doc.snapshot(), imagesDir, LocalDate.now(), ops.label());
        model.preselect(preselected);
        model.writtenProperty().addListener((o, was, now) -> {
            if (now != null) {
                lastCheckpoint = now;
            }
        });
        return new CheckpointDialog(owner, model, vm::open, image -> restoreDialog(image).show());
    }

    /** The host a checkpoint is made on: the active document's, when it is a host, else this host. */
    public WorkbenchSource checkpointSource() {
        Document d = vm.getActive();
        return d != null && d.source().host() ? d.source() : WorkbenchSource.LIVE;
    }

    /**
     * The restore dialog on the image it defaults to: the active document when it is an image, else the image
     * this window checkpointed last, else none. A restore reads the host it restored on again.
     */
    public RestoreDialog restoreDialog() {
        return restoreDialog(defaultImage().orElse(null));
    }

    /**
     * The restore dialog on {@code image} (null: none chosen yet), restoring on this host or, chosen in the dialog,
     * on a connected remote host. A leftover of a restore that did not finish here is offered for recovery over it.
     */
    public RestoreDialog restoreDialog(Path image) {
        offerRecovery();
        HostOps here = ops(WorkbenchSource.LIVE);
        RestoreViewModel model = new RestoreViewModel(vm.executor(), here.restore(), vm::openLive);
        Map<String, RestoreViewModel.Target> targets = new LinkedHashMap<>();
        targets.put(WorkbenchSource.THIS_HOST, new RestoreViewModel.Target(here.label(), here.restore(), vm::openLive));
        for (HostConnection c : vm.hosts().remotes().connections()) {
            if (c.getState() == ConnectionState.CONNECTED) {
                WorkbenchSource.Remote source = new WorkbenchSource.Remote(c.label());
                targets.put(c.label(), new RestoreViewModel.Target(c.label(), ops(source).restore(),
                        () -> vm.open(source)));
            }
        }
        model.offerTargets(targets);
        if (image != null) {
            model.imageProperty().set(image);
        }
        return new RestoreDialog(owner, model);
    }

    /** The active image, or the image this window checkpointed last. */
    public Optional<Path> defaultImage() {
        Document d = vm.getActive();
        if (d != null && d.source() instanceof WorkbenchSource.File f && !f.sample()
                && Source.IMAGE.equals(d.snapshot().source().kind())) {
            return Optional.of(f.path());
        }
        return Optional.ofNullable(lastCheckpoint);
    }
}
