package io.netcr.bridge.restore;

import io.netcr.model.plan.PlanStep;

/**
 * What a running restore is doing, as a {@link RestoreProgress} hears it: a plan step starting, or, after
 * a failure, one change being undone. Immutable; numbers count from 1, as the failure message does.
 */
public sealed interface RestoreEvent {

    /** Which one of {@link #total()}, from 1. */
    int number();

    /** How many there are: the plan's steps, or the changes to undo. */
    int total();

    /** What it does, in the words of its iproute2 equivalent. */
    String text();

    /**
     * Plan step {@code number} of {@code total} starts: its request is sent to the kernel (its ACK may be
     * read later, see "Requests, pipelined" in docs/restore.md), or, for a namespace, its creation begins.
     * It carries the step rather than its text, so that the executor builds no string for it: a listener
     * that shows only some events pays for the text of those alone.
     */
    record StepStarted(int number, int total, PlanStep step) implements RestoreEvent {

        /** {@link PlanStep#describe()}, built on each call. */
        @Override
        public String text() {
            return step.describe();
        }
    }

    /**
     * A failed restore undoes change {@code number} of {@code total}, newest first ({@code text}: e.g.
     * {@code ip netns del web}). Only what the kernel confirmed is undone, so {@code total} may be smaller
     * than the number of steps that had started.
     */
    record Undoing(int number, int total, String text) implements RestoreEvent {
    }
}
