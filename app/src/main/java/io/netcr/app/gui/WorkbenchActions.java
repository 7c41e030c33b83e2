package io.netcr.app.gui;

import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.gui.ops.CheckpointEngine;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.RecoveryDialog;
import io.netcr.app.gui.ops.RecoveryEngine;
import io.netcr.app.gui.ops.RecoveryViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.gui.ops.RestoreEngine;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.stage.Window;

/**
 * File ▸ Checkpoint… and Restore…: makes each dialog with its view-model, fed from the window's state (its
 * live snapshot, its active image) and wired back to it (open the written image, refresh the live host).
 * A restore that did not finish is offered for recovery when the workbench starts and before a restore.
 */
public final class WorkbenchActions {

    private final Window owner;
    private final WorkbenchViewModel vm;
    private final CheckpointEngine checkpointEngine;
    private final RestoreEngine restoreEngine;
    private final RecoveryEngine recoveryEngine;

    public WorkbenchActions(Window owner, WorkbenchViewModel vm) {
        this(owner, vm, CheckpointEngine.system(), RestoreEngine.system(RunDir.current()),
                RecoveryEngine.system(RunDir.current()));
    }

    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore,
                            RecoveryEngine recovery) {
        this.owner = owner;
        this.vm = vm;
        this.checkpointEngine = checkpoint;
        this.restoreEngine = restore;
        this.recoveryEngine = recovery;
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
        Document live = vm.documents().stream().filter(Document::live).findFirst().orElse(null);
        CheckpointViewModel model = new CheckpointViewModel(vm.executor(), checkpointEngine,
                live == null ? null : live.snapshot(), Path.of(System.getProperty("user.home")), LocalDate.now());
        return new CheckpointDialog(owner, model, vm::open);
    }

    /**
     * The restore dialog, on the active document when it is an image; a restore refreshes the live host. A
     * leftover of a restore that did not finish is offered for recovery over it.
     */
    public RestoreDialog restoreDialog() {
        offerRecovery();
        RestoreViewModel model = new RestoreViewModel(vm.executor(), restoreEngine, vm::openLive);
        Document d = vm.getActive();
        if (d != null && d.source() instanceof WorkbenchSource.File f && !f.sample()
                && Source.IMAGE.equals(d.snapshot().source().kind())) {
            model.imageProperty().set(f.path());
        }
        return new RestoreDialog(owner, model);
    }
}
