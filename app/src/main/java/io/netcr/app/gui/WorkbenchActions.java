package io.netcr.app.gui;

import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.services.CheckpointEngine;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.RecoveryDialog;
import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.app.gui.ops.RecoveryViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.services.RestoreEngine;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import javafx.stage.Window;

/**
 * File ▸ Checkpoint… and Restore…: makes each dialog with its view-model, fed from the window's state (its
 * live snapshot, the namespaces selected on the graph, its active image or the image it checkpointed last) and
 * wired back to it (open the written image, restore it, refresh the live host). A restore that did not finish
 * is offered for recovery when the workbench starts and before a restore.
 */
public final class WorkbenchActions {

    private final Window owner;
    private final WorkbenchViewModel vm;
    private final CheckpointEngine checkpointEngine;
    private final RestoreEngine restoreEngine;
    private final RecoveryEngine recoveryEngine;
    private final Path imagesDir;
    /** The image the last checkpoint of this window wrote, or null. */
    private Path lastCheckpoint;

    public WorkbenchActions(Window owner, WorkbenchViewModel vm) {
        this(owner, vm, CheckpointEngine.system(), RestoreEngine.system(RunDir.current()),
                RecoveryEngine.system(RunDir.current()), Path.of(System.getProperty("user.home")));
    }

    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore,
                            RecoveryEngine recovery) {
        this(owner, vm, checkpoint, restore, recovery, Path.of(System.getProperty("user.home")));
    }

    /** @param imagesDir where the checkpoint dialog proposes to write its image */
    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore,
                            RecoveryEngine recovery, Path imagesDir) {
        this.owner = owner;
        this.vm = vm;
        this.checkpointEngine = checkpoint;
        this.restoreEngine = restore;
        this.recoveryEngine = recovery;
        this.imagesDir = imagesDir;
    }

    /**
     * Looks for a restore that did not finish, in the background, and offers its recovery in a dialog when
     * there is one; otherwise nothing shows. Returns the dialog's view-model.
     */
    public RecoveryViewModel offerRecovery() {
        RecoveryViewModel model = new RecoveryViewModel(vm.executor(), recoveryEngine, vm::openLive);
        model.check(() -> new RecoveryDialog(owner, model).show());
        return model;
    }

    /** The checkpoint dialog over the window's live snapshot (read now when the window has none). */
    public CheckpointDialog checkpointDialog() {
        return checkpointDialog(Set.of());
    }

    /**
     * The checkpoint dialog with {@code preselected} namespaces (names of this host) checked. Its "Restore…"
     * opens the restore dialog on the image it wrote, and so does File ▸ Restore… afterwards.
     */
    public CheckpointDialog checkpointDialog(Set<String> preselected) {
        Document live = vm.documents().stream().filter(Document::live).findFirst().orElse(null);
        CheckpointViewModel model = new CheckpointViewModel(vm.executor(), checkpointEngine,
                live == null ? null : live.snapshot(), imagesDir, LocalDate.now());
        model.preselect(preselected);
        model.writtenProperty().addListener((o, was, now) -> {
            if (now != null) {
                lastCheckpoint = now;
            }
        });
        return new CheckpointDialog(owner, model, vm::open, image -> restoreDialog(image).show());
    }

    /**
     * The restore dialog on the image it defaults to: the active document when it is an image, else the image
     * this window checkpointed last, else none. A restore refreshes the live host.
     */
    public RestoreDialog restoreDialog() {
        return restoreDialog(defaultImage().orElse(null));
    }

    /**
     * The restore dialog on {@code image} (null: none chosen yet). A leftover of a restore that did not finish is
     * offered for recovery over it.
     */
    public RestoreDialog restoreDialog(Path image) {
        offerRecovery();
        RestoreViewModel model = new RestoreViewModel(vm.executor(), restoreEngine, vm::openLive);
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
