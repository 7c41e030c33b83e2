package io.netcr.app.hosts;

import io.netcr.app.services.RecoveryService;
import io.netcr.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * How a recovery on a host went (or, dry, would go), as {@code netcr recover} reports it there.
 *
 * @param kind     nothing to do, a damaged journal, refused, cancelled, or it ran
 * @param leftover the restore it recovered, in one line; null when there was none
 * @param success  it ran and every action succeeded (or there was nothing to do)
 * @param actions  what it did, or would do, one line each ("ip netns del web")
 * @param problems what went wrong: why it could not run, and what could not be undone
 */
public record RecoveryOutcome(RecoveryService.Kind kind, String leftover, boolean success, List<String> actions,
                              List<Diagnostic> problems) {

    public RecoveryOutcome {
        actions = List.copyOf(actions);
        problems = List.copyOf(problems);
    }

    /** The outcome of a recovery made in this process. */
    public static RecoveryOutcome of(RecoveryService.Recovered r) {
        List<Diagnostic> problems = new ArrayList<>(r.problems());
        if (r.result() != null) {
            problems.addAll(r.result().diagnostics());
        }
        return new RecoveryOutcome(r.kind(), r.leftover() == null ? null : r.leftover().summary(), r.success(),
                r.result() == null ? List.of() : r.result().actions(), problems);
    }
}
