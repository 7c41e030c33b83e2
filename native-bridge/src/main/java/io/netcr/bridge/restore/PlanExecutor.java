package io.netcr.bridge.restore;

import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.plan.RestorePlan;

/**
 * Executes a {@link RestorePlan} over rtnetlink, all or nothing: namespaces are created as
 * {@code ip netns add} does, everything else is sent as rtnetlink requests, pipelined (many requests
 * sent before their ACKs are read) on one socket per namespace. Every step is announced in the restore
 * journal ({@link io.netcr.bridge.restore.journal.JournalWriter}) before it is sent, and its outcome entered
 * once the kernel has answered; on any failure what the journal says was made is undone in reverse, and the
 * result names the failed step (its number and iproute2 equivalent), its subject, the errno and the kernel's
 * extended-ack text. A restore killed half-way leaves the journal for {@link Recovery}. The outside halves
 * of veth pairs are created and configured in the caller's namespace: run it from a thread that is in the
 * restorer's namespace (any ordinary thread).
 *
 * <p>The caller holds the {@link RestoreLock} of the same {@link RunDir} and has checked {@link Privileges}.
 */
public final class PlanExecutor {

    /**
     * @param failBeforeStep TEST SEAM ONLY: when k &gt; 0, the restore fails as if the kernel refused step
     *                       k (1-based), after steps 1..k-1 took effect, so that rollback can be tested at
     *                       every step. 0 in production.
     * @param window         ACKs left unread per socket at most
     * @param runDir         where the journal goes (beside the lock)
     * @param command        who restores, as the journal records it (e.g. "netcr restore a.netcr")
     */
    public record Options(int failBeforeStep, int window, RunDir runDir, String command) {

        public static Options defaults() {
            return new Options(0, 128, RunDir.current(), "netcr restore");
        }

        /** TEST SEAM: see {@link Options#failBeforeStep}. */
        public Options failingBefore(int step) {
            return new Options(step, window, runDir, command);
        }

        /** The journal in {@code dir}, recording {@code who} as the restoring command. */
        public Options journaledIn(RunDir dir, String who) {
            return new Options(failBeforeStep, window, dir, who);
        }
    }

    private PlanExecutor() {
    }

    /** Runs the plan; throws IllegalArgumentException for a plan with errors (it must not be run). */
    public static RestoreResult execute(RestorePlan plan, Options options) {
        return execute(plan, options, RestoreProgress.NONE);
    }

    /**
     * Runs the plan and tells {@code progress} of each step as it starts and, after a failure, of each change
     * as it is undone, on this thread. With {@link RestoreProgress#NONE} no event is made.
     */
    public static RestoreResult execute(RestorePlan plan, Options options, RestoreProgress progress) {
        if (!plan.isExecutable()) {
            throw new IllegalArgumentException("the plan has errors and must not be executed");
        }
        try (Execution e = new Execution(plan, options, progress, null)) {
            return e.run();
        }
    }
}
