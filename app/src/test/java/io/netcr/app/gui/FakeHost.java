package io.netcr.app.gui;

import io.netcr.model.ReadResult;
import java.util.function.Supplier;

/** A live host for view-model tests: answers what the test says, counts reads, remembers being closed. */
final class FakeHost implements LiveHost {

    Supplier<ReadResult> answer;
    int reads;
    boolean closed;

    FakeHost(Supplier<ReadResult> answer) {
        this.answer = answer;
    }

    @Override
    public ReadResult read() {
        reads++;
        return answer.get();
    }

    @Override
    public void close() {
        closed = true;
    }
}
