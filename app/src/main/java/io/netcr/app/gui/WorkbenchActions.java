package io.netcr.app.gui;

import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.services.CheckpointEngine;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.services.RestoreEngine;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.model.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.stage.Window;

/**
 * File ▸ Checkpoint… and Restore…: makes each dialog with its view-model, fed from the window's state (its
 * live snapshot, its active image) and wired back to it (open the written image, refresh the live host).
 */
public final class WorkbenchActions {

    private final Window owner;
    private final WorkbenchViewModel vm;
    private final CheckpointEngine checkpointEngine;
    private final RestoreEngine restoreEngine;

    public WorkbenchActions(Window owner, WorkbenchViewModel vm) {
        this(owner, vm, CheckpointEngine.system(), RestoreEngine.system(RestoreLock.DEFAULT));
    }

    public WorkbenchActions(Window owner, WorkbenchViewModel vm, CheckpointEngine checkpoint, RestoreEngine restore) {
        this.owner = owner;
        this.vm = vm;
        this.checkpointEngine = checkpoint;
        this.restoreEngine = restore;
    }

    /** The checkpoint dialog over the window's live snapshot (read now when the window has none). */
    public CheckpointDialog checkpointDialog() {
        Document live = vm.documents().stream().filter(Document::live).findFirst().orElse(null);
        CheckpointViewModel model = new CheckpointViewModel(vm.executor(), checkpointEngine,
                live == null ? null : live.snapshot(), Path.of(System.getProperty("user.home")), LocalDate.now());
        return new CheckpointDialog(owner, model, vm::open);
    }

    /** The restore dialog, on the active document when it is an image; a restore refreshes the live host. */
    public RestoreDialog restoreDialog() {
        RestoreViewModel model = new RestoreViewModel(vm.executor(), restoreEngine, vm::openLive);
        Document d = vm.getActive();
        if (d != null && d.source() instanceof WorkbenchSource.File f && !f.sample()
                && Source.IMAGE.equals(d.snapshot().source().kind())) {
            model.imageProperty().set(f.path());
        }
        return new RestoreDialog(owner, model);
    }
}
