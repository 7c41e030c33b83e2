package io.netcr.model.plan;

import io.netcr.model.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * A restore as pure data: the steps in order, the problems found before anything changes, and which
 * new name each image namespace gets. It is computed from the image and a snapshot of the host, and
 * executed only when it has no error.
 *
 * @param steps          what will be done, in order
 * @param diagnostics    problems found by planning and preflight (an error makes the plan not executable)
 * @param namespaceNames image namespace id to its new name (the restorer's namespace is absent)
 */
public record RestorePlan(List<PlanStep> steps, List<Diagnostic> diagnostics, Map<String, String> namespaceNames) {

    public RestorePlan {
        steps = List.copyOf(steps);
        diagnostics = List.copyOf(diagnostics);
        namespaceNames = Map.copyOf(namespaceNames);
    }

    public boolean isExecutable() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
