package io.netcr.app.hosts;

import io.netcr.bridge.restore.RestoreEvent;

/**
 * A running restore's step, as any host reports it: step {@code number} of {@code total} starts, or, when
 * {@code undo}, change {@code number} of {@code total} is undone after a failure; {@code text} says what, as its
 * iproute2 equivalent.
 */
public record StepEvent(boolean undo, int number, int total, String text) {

    /** The event of a restore in this process. */
    public static StepEvent of(RestoreEvent e) {
        return new StepEvent(e instanceof RestoreEvent.Undoing, e.number(), e.total(), e.text());
    }
}
