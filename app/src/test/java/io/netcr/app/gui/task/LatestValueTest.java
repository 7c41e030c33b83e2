package io.netcr.app.gui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The hand-over of a worker's newest value to the UI thread: one queued at most, the newest delivered. */
class LatestValueTest {

    /** A UI thread the test turns by hand: what is handed over waits in a queue until the test runs it. */
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final List<Integer> shown = new ArrayList<>();
    private final TaskExecutor ui = new TaskExecutor() {
        @Override
        public <T> void execute(BackgroundTask<T> task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runOnUiThread(Runnable action) {
            queued.add(action);
        }
    };

    @Test
    void should_queue_one_hand_over_for_thousands_of_values_and_deliver_the_newest() throws Exception {
        LatestValue<Integer> latest = new LatestValue<>(ui, shown::add);
        Thread worker = new Thread(() -> {
            for (int i = 1; i <= 10_000; i++) {
                latest.post(i);
            }
        });

        worker.start();
        worker.join();

        assertEquals(1, queued.size(), "one hand-over for 10000 values");
        queued.poll().run();
        assertEquals(List.of(10_000), shown);
    }

    @Test
    void should_hand_over_again_once_the_ui_thread_has_taken_the_value() {
        LatestValue<Integer> latest = new LatestValue<>(ui, shown::add);

        latest.post(1);
        queued.poll().run();
        latest.post(2);
        latest.post(3);

        assertEquals(1, queued.size());
        queued.poll().run();
        assertEquals(List.of(1, 3), shown);
    }
}
