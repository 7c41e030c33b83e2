package io.netcr.bridge.restore;

import io.netcr.model.plan.RestorePlan;

/**
 * Executes a {@link RestorePlan} over rtnetlink, all or nothing: namespaces are created as
 * {@code ip netns add} does, everything else is sent as rtnetlink requests, pipelined (many requests
 * sent before their ACKs are read) on one socket per namespace. What the kernel confirms is journaled;
 * on any failure the journal is undone in reverse, and the result names the failed step (its number and
 * iproute2 equivalent), its subject, the errno and the kernel's extended-ack text. The outside halves
 * of veth pairs are created and configured in the caller's namespace: run it from a thread that is in
 * the restorer's namespace (any ordinary thread).
 *
 * <p>The caller holds the {@link RestoreLock} and has checked {@link Privileges}.
 */
public final class PlanExecutor {

    /**
     * @param failBeforeStep TEST SEAM ONLY: when k &gt; 0, the restore fails as if the kernel refused step
     *                       k (1-based), after steps 1..k-1 took effect, so that rollback can be tested at
     *                       every step. 0 in production.
     * @param window         ACKs left unread per socket at most
     */
    public record Options(int failBeforeStep, int window) {

        public static Options defaults() {
            return new Options(0, 128);
        }

        /** TEST SEAM: see {@link Options#failBeforeStep}. */
        public Options failingBefore(int step) {
            return new Options(step, window);
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
        try (Execution e = new Execution(plan, options, progress)) {
            return e.run();
        }
    }
}
