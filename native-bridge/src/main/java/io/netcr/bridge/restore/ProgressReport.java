package io.netcr.bridge.restore;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.RestorePlan;
import java.util.List;

/**
 * Hands one restore's events to its {@link RestoreProgress}. The executor asks {@link #listening()} before
 * it makes an event, so that a restore nobody listens to makes none (bench/restore runs so). A listener
 * that throws loses its events, not the restore nor its undo; the result then carries a warning.
 */
final class ProgressReport {

    private final RestoreProgress listener;
    private boolean listening;
    private String failure;

    ProgressReport(RestoreProgress listener) {
        this.listener = listener;
        this.listening = listener != RestoreProgress.NONE;
    }

    boolean listening() {
        return listening;
    }

    /** Step {@code index} (0-based) of the plan starts. */
    void stepStarted(RestorePlan plan, int index) {
        report(new RestoreEvent.StepStarted(index + 1, plan.steps().size(), plan.steps().get(index)));
    }

    /** Change {@code number} (1-based, newest first) of {@code total} is being undone. */
    void undoing(int number, int total, String text) {
        report(new RestoreEvent.Undoing(number, total, text));
    }

    private void report(RestoreEvent event) {
        if (!listening) {
            return;
        }
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            listening = false;
            failure = e.toString();
        }
    }

    /** A warning when the listener failed; else none. */
    List<Diagnostic> warnings() {
        return failure == null ? List.of() : List.of(Diagnostic.warning(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                "the restore's progress was not shown from then on, its listener failed (" + failure
                        + "); the restore itself went on"));
    }
}
