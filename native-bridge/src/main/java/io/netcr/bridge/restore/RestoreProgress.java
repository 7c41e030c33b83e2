package io.netcr.bridge.restore;

/**
 * Hears a restore as it runs ({@link PlanExecutor#execute(io.netcr.model.plan.RestorePlan, PlanExecutor.Options,
 * RestoreProgress)}): every plan step as it starts, in plan order, one event each, then, when a step fails,
 * every change as it is undone. Called on the thread that runs the restore, which waits for it: return
 * quickly (hand the event to another thread if showing it takes time). An exception it throws stops the
 * events, not the restore; the result carries a warning.
 */
@FunctionalInterface
public interface RestoreProgress {

    /** Nobody listens: the executor then makes no event at all. */
    RestoreProgress NONE = event -> {
    };

    void on(RestoreEvent event);
}
