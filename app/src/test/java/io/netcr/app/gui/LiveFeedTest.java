package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The followed host's view-model without a window or a kernel: updates, pause and resume, the capped log. */
class LiveFeedTest {

    private static final Source SRC = new Source(Source.LIVE, "h", "6.18", Instant.EPOCH, null, "test");

    private static Snapshot with(String... names) {
        List<Namespace> ns = new ArrayList<>();
        for (String n : names) {
            ns.add(new Namespace("nsfs:" + n.hashCode(), List.of(n), false, List.of()));
        }
        return new Snapshot(SRC, ns, List.of());
    }

    private static LiveUpdate added(String name) {
        return new LiveUpdate(List.of(), List.of(), List.of(new Delta(Delta.Kind.NAMESPACE, ChangeKind.ADDED,
                "nsfs:" + name.hashCode(), name, null, name, List.of())), false);
    }

    @Test
    void should_show_each_update_and_log_it() {
        LiveFeed feed = new LiveFeed(Runnable::run);
        Snapshot first = with("red");
        feed.started(first);
        assertSame(first, feed.snapshotProperty().get());
        Snapshot after = with("red", "blue");
        feed.updated(added("blue"), after);
        assertSame(after, feed.snapshotProperty().get());
        assertEquals(1, feed.log().size());
        assertTrue(feed.log().get(0).endsWith(" + namespace blue"), feed.log().get(0));
        assertEquals("Live", feed.statusProperty().get());
    }

    @Test
    void should_hold_the_snapshot_while_paused_and_show_the_host_as_it_is_on_resume() {
        LiveFeed feed = new LiveFeed(Runnable::run);
        Snapshot first = with("red");
        feed.started(first);
        feed.pausedProperty().set(true);
        feed.updated(added("blue"), with("red", "blue"));
        Snapshot last = with("red", "blue", "green");
        feed.updated(added("green"), last);
        assertSame(first, feed.snapshotProperty().get(), "paused: the picture stays");
        assertEquals("Live paused (2 changes since)", feed.statusProperty().get());
        assertEquals(2, feed.log().size(), "the log goes on");
        feed.pausedProperty().set(false);
        assertSame(last, feed.snapshotProperty().get());
        assertEquals("Live", feed.statusProperty().get());
    }

    @Test
    void should_keep_the_last_lines_only_and_filter_them() {
        LiveFeed feed = new LiveFeed(Runnable::run);
        feed.started(with());
        for (int i = 0; i < LiveFeed.LOG_LIMIT + 10; i++) {
            feed.updated(added("n" + i), with());
        }
        assertEquals(LiveFeed.LOG_LIMIT, feed.log().size());
        assertTrue(feed.log().get(0).endsWith(" + namespace n10"), feed.log().get(0));
        feed.filterProperty().set("N2001");
        assertEquals(1, feed.log().size());
        assertTrue(feed.log().get(0).endsWith("n2001"));
    }
}
