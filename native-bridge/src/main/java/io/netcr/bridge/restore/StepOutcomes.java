package io.netcr.bridge.restore;

import io.netcr.bridge.rtnl.AckPipeline;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * What the kernel said of each step of one {@link Execution}: a step confirmed is entered in the journal as
 * done, a step refused as refused, and the earliest refusal is the run's failure, the one its diagnostic names.
 * Kept apart from the step loop so that every way a step ends (an ACK, a tun's ioctl, a namespace made by a
 * thread, a sysctl written inside a namespace) records it the same way.
 */
final class StepOutcomes {

    /**
     * The first step that failed: its index (0-based), errno, the kernel's text, what we know beyond, and the
     * object within the step the kernel refused (a sysctl of a SetSysctls), or null for the step's own.
     */
    private record Failure(int step, int errno, String kernelMessage, String detail, SubjectPath subject) {
        Failure(int step, int errno, String kernelMessage, String detail) {
            this(step, errno, kernelMessage, detail, null);
        }
    }

    private final RestorePlan plan;
    private final RunJournal journal;
    private final OwnLinks own;
    private final Resumption resume;
    private Failure failure;
    private int confirmed;

    /** {@code resume}: null for a new restore; else the recovery that goes on with a leftover journal. */
    StepOutcomes(RestorePlan plan, RunJournal journal, OwnLinks own, Resumption resume) {
        this.plan = plan;
        this.journal = journal;
        this.own = own;
        this.resume = resume;
    }

    /** Step {@code i} took effect. */
    void done(int i) {
        confirmed++;
        journal.done(i);
    }

    /** Step {@code i} was refused: entered in the journal, and the run's failure if it is the earliest. */
    void refused(int i, int errno, String kernelMessage, String detail, SubjectPath subject) {
        journal.refused(i, errno, kernelMessage != null ? kernelMessage : detail);
        fail(new Failure(i, errno, kernelMessage, detail, subject));
    }

    /**
     * The run cannot go on at step {@code i} (a send that failed, an interruption, a namespace not made): the
     * run's failure if it is the earliest. Nothing is entered in the journal: the step was not sent, or its
     * outcome is not known (the undo then checks what is there).
     */
    void fail(int i, int errno, String kernelMessage, String detail) {
        fail(new Failure(i, errno, kernelMessage, detail));
    }

    private void fail(Failure f) {
        if (failure == null || f.step() < failure.step()) {
            failure = f;
        }
    }

    boolean failed() {
        return failure != null;
    }

    /** How many steps took effect. */
    int confirmed() {
        return confirmed;
    }

    /** The ACKs a pipeline read: each step confirmed or refused. */
    void process(List<AckPipeline.Outcome> outcomes) {
        for (AckPipeline.Outcome o : outcomes) {
            if (o.ok() || alreadyThere(o)) {
                done(o.tag());
                own.confirmed(o.tag());
            } else {
                refused(o.tag(), o.errno(), o.kernelMessage(), null, null);
            }
        }
    }

    /**
     * After a failure: reads every pipeline's outstanding ACKs, so that the journal holds every outcome the kernel
     * gave; false when some could not be read (said in {@code warnings}: the undo then checks each object's
     * identity instead).
     */
    boolean drainQuietly(Collection<AckPipeline> pipelines, List<Diagnostic> warnings) {
        boolean allRead = true;
        for (AckPipeline p : pipelines) {
            try {
                process(p.drain());
            } catch (IOException e) {
                allRead = false;
                warnings.add(Diagnostic.warning(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                        "some acknowledgements could not be read (" + e.getMessage() + "); the undo checks each "
                                + "object's identity instead"));
            }
        }
        return allRead;
    }

    /** A finish re-sends an address or route that may have been added before the crash: EEXIST is done. */
    private boolean alreadyThere(AckPipeline.Outcome o) {
        if (resume == null || o.errno() != Errno.EEXIST.number() || !resume.unknown(o.tag())) {
            return false;
        }
        PlanStep step = plan.steps().get(o.tag());
        return step instanceof PlanStep.AddAddress || step instanceof PlanStep.AddRoute
                || step instanceof PlanStep.AddRule || step instanceof PlanStep.AddNeighbour;
    }

    /** The failure as the user reads it: which step, why, and what the undo left. */
    Diagnostic failureDiagnostic(Undo.Report undo) {
        List<PlanStep> steps = plan.steps();
        PlanStep step = steps.get(failure.step());
        Errno code = Errno.ofNumber(failure.errno()).orElse(Errno.EIO);
        String what = failure.detail() != null ? failure.detail() : code.description();
        String msg = "restore failed at step " + (failure.step() + 1) + " of " + steps.size() + " (" + step.describe()
                + "): " + what + "; everything the restore had done was undone"
                + (undo.failed().isEmpty() ? ", the host is as it was"
                : ", except what is listed below (its journal stays: netcr recover tries again)");
        return Diagnostic.error(code, failure.subject() != null ? failure.subject() : StepSubjects.of(step),
                Phase.RESTORE, msg)
                .withKernelMessage(failure.kernelMessage());
    }
}
