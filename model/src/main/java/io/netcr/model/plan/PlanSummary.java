package io.netcr.model.plan;

import io.netcr.model.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A restore plan as it is shown and sent: each step by its kind, the namespaces it acts in and its iproute2
 * equivalent; which new name each image namespace gets; and the preflight's diagnostics. It is what
 * {@code netcr restore --dry-run} prints and {@link RestorePlanJson} writes, and what a restore on another
 * machine reports of its plan (the steps themselves stay where they run: an agent of another netcr version may
 * plan with steps this one has no class for).
 *
 * @param steps          the steps in order
 * @param namespaceNames image namespace id to its new name
 * @param diagnostics    the planning's and preflight's findings; an error makes the plan not executable
 */
public record PlanSummary(List<Step> steps, Map<String, String> namespaceNames, List<Diagnostic> diagnostics) {

    /**
     * One step.
     *
     * @param kind       the step's kind, e.g. {@code CreateVeth}
     * @param netns      the namespaces it acts in, by their new names; null for the restorer's own namespace
     * @param equivalent what it does, in the words of its iproute2 equivalent
     */
    public record Step(String kind, List<String> netns, String equivalent) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            netns = Collections.unmodifiableList(new ArrayList<>(netns)); // null: the restorer's namespace
            Objects.requireNonNull(equivalent, "equivalent");
        }
    }

    public PlanSummary {
        steps = List.copyOf(steps);
        namespaceNames = Map.copyOf(namespaceNames);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The summary of a plan made here. */
    public static PlanSummary of(RestorePlan plan) {
        List<Step> steps = plan.steps().stream()
                .map(s -> new Step(s.getClass().getSimpleName(), s.targets().stream().map(TargetNs::name).toList(),
                        s.describe()))
                .toList();
        return new PlanSummary(steps, plan.namespaceNames(), plan.diagnostics());
    }

    /** True when the plan has no error, so that it may run. */
    public boolean isExecutable() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
