package io.netcr.app.hosts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancels a restore while it waits, and only then: once it has begun ({@link #begin()} won), it completes or
 * rolls back. In process the two are decided here, atomically; for an agent a cancel is sent, and the far side
 * decides (the outcome says which won).
 */
public final class Cancellation {

    private static final int OPEN = 0;
    private static final int BEGUN = 1;
    private static final int CANCELLED = 2;

    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    /** A cancellation nobody will use. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks to cancel: false when the restore had already begun. */
    public boolean cancel() {
        if (!state.compareAndSet(OPEN, CANCELLED)) {
            return state.get() == CANCELLED;
        }
        onCancel.forEach(Runnable::run);
        return true;
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** The restore begins unless cancelled first: true when it may. */
    public boolean begin() {
        return state.compareAndSet(OPEN, BEGUN) || state.get() == BEGUN;
    }

    public boolean hasBegun() {
        return state.get() == BEGUN;
    }

    /** Runs {@code action} when a cancel is asked (at once if it was asked already). */
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (state.get() == CANCELLED) {
            action.run();
        }
    }
}
