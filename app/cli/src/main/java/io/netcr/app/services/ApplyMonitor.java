package io.netcr.app.services;

import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.RestoreProgress;

/**
 * Follows one {@link RestoreService#apply} from the restoring thread: who holds the lock while it waits
 * ({@link RestoreLock.Waiting}, which may also give up), then the plan's steps and any undo
 * ({@link RestoreProgress}). Between the two, {@link #begin()} decides, once, whether the restore goes on.
 */
public interface ApplyMonitor extends RestoreLock.Waiting, RestoreProgress {

    /**
     * The lock is taken and nothing is changed yet: true lets the restore go on, and from then on it can no
     * longer be cancelled; false (it was cancelled meanwhile) gives the lock back and changes nothing.
     */
    boolean begin();
}
