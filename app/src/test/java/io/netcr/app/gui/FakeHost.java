package io.netcr.app.gui;

import io.netcr.app.hosts.LiveWatch;
import io.netcr.model.ReadResult;
import java.util.function.Supplier;

/**
 * A live host for view-model tests: answers what the test says, counts reads, remembers being closed. Made
 * {@link #followable()}, it is followed: the window's feed is kept in {@link #watch}, and the test plays the
 * monitor by calling it (started, updated) with snapshots of its own.
 */
final class FakeHost implements LiveHost {

    Supplier<ReadResult> answer;
    int reads;
    boolean closed;
    private boolean follows;
    volatile LiveWatch watch;

    FakeHost(Supplier<ReadResult> answer) {
        this.answer = answer;
    }

    @Override
    public ReadResult read() {
        reads++;
        return answer.get();
    }

    /** This host from now on accepts being followed (by default it cannot be, as a host without a monitor). */
    FakeHost followable() {
        follows = true;
        return this;
    }

    @Override
    public AutoCloseable follow(LiveWatch w) {
        if (!follows) {
            return null;
        }
        watch = w;
        return () -> watch = null;
    }

    @Override
    public void close() {
        closed = true;
    }
}
