package io.netcr.app.hosts;

import io.netcr.model.plan.PlanSummary;

/**
 * Hears a restore as it runs on a host, on the thread that called {@link Host#restore} (for an agent, as its
 * events arrive). Every method has a do-nothing default. Return quickly: in process the restore waits for it.
 */
public interface RestoreWatch {

    /** Hears nothing; a restore with this watch makes no step events at all. */
    RestoreWatch NONE = new RestoreWatch() {
        @Override
        public boolean wantsSteps() {
            return false;
        }
    };

    /** Another restore holds the lock (this one waits for it): who, and since when. */
    default void waiting(String holder) {
    }

    /** The lock is taken: from now on the restore completes or rolls back, and cannot be cancelled. */
    default void begun() {
    }

    /** The plan it runs (or, when it has errors, will not run). */
    default void planned(PlanSummary plan) {
    }

    /** A step starts, or (after a failure) a change is undone. */
    default void step(StepEvent event) {
    }

    /** False when {@link #step} is not wanted, so that none is made (each costs a text per step). */
    default boolean wantsSteps() {
        return true;
    }
}
