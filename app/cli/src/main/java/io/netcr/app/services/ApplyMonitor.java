package io.netcr.app.services;

import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.model.plan.RestorePlan;

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

    /**
     * The plan made once the lock is taken, before it runs (or, when it has errors, instead of running): an
     * agent sends it to its client here, ahead of the steps' events.
     */
    default void planned(RestorePlan plan) {
    }
}
