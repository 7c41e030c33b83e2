package io.netcr.app.hosts;

import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.plan.PlanSummary;
import java.util.List;

/**
 * How a restore on a host went.
 *
 * @param plan      the plan it made, or null when it made none (no privilege, busy, cancelled, lock unusable)
 * @param result    the execution, or null when it did not run (also when the plan has errors)
 * @param problems  what went wrong: the reason no plan was made, the plan's findings, or the execution's
 * @param cancelled true when it was cancelled while it waited for another restore (nothing was changed)
 */
public record RestoreOutcome(PlanSummary plan, RestoreResult result, List<Diagnostic> problems, boolean cancelled) {

    public RestoreOutcome {
        problems = List.copyOf(problems);
    }

    public boolean success() {
        return result != null && result.success();
    }
}
