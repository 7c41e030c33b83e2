package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore lock between processes (a second JVM holds it, or asks for it) and between threads of this
 * one: waiting, who holds it, giving up. No kernel objects; the lock file lives in a test directory.
 */
class RestoreLockTest {

    @TempDir
    Path dir;

    /** Waits while another holds the lock; gives up once it has heard who (when {@code cancelAfterHolder}). */
    private static final class Recording implements RestoreLock.Waiting {
        final List<String> holders = new ArrayList<>();
        final boolean cancelAfterHolder;
        Runnable onHolder = () -> { };

        Recording(boolean cancelAfterHolder) {
            this.cancelAfterHolder = cancelAfterHolder;
        }

        @Override
        public void heldBy(String holder) {
            holders.add(holder);
            onHolder.run();
        }

        @Override
        public boolean cancelled() {
            return cancelAfterHolder && !holders.isEmpty();
        }
    }

    @Test
    void should_wait_for_another_process_say_who_it_is_and_take_the_lock_once_it_is_gone() throws Exception {
        Path file = dir.resolve("restore.lock");
        LockHolderProcess other = LockHolderProcess.start(file, "netcr restore other.netcr");
        assertEquals("held", other.said);
        Recording waiting = new Recording(false);
        waiting.onHolder = () -> {
            try {
                other.close(); // the other restore ends while this one waits
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        try (RestoreLock lock = RestoreLock.acquire(file, "this restore", waiting)) {
            assertEquals(1, waiting.holders.size(), waiting.holders.toString());
            assertTrue(waiting.holders.get(0).startsWith("pid " + other.process.pid() + " (netcr restore other.netcr) "
                    + "since "), waiting.holders.toString());
            try (LockHolderProcess third = LockHolderProcess.start(file, "third")) {
                assertTrue(third.said.startsWith("busy") && third.said.contains("(this restore)"), third.said);
            }
        }
    }

    @Test
    void should_give_up_waiting_for_another_process_when_cancelled_and_leave_its_lock_alone() throws Exception {
        Path file = dir.resolve("restore.lock");
        try (LockHolderProcess other = LockHolderProcess.start(file, "netcr restore other.netcr")) {
            assertEquals("held", other.said);
            Recording waiting = new Recording(true);

            assertThrows(RestoreLock.CancelledException.class,
                    () -> RestoreLock.acquire(file, "this restore", waiting));

            assertEquals(1, waiting.holders.size());
            try (LockHolderProcess third = LockHolderProcess.start(file, "third")) {
                assertTrue(third.said.startsWith("busy") && third.said.contains("other.netcr"), third.said);
            }
        }
    }

    /**
     * Regression: an fcntl lock belongs to the process, and closing any descriptor of the file drops it. A
     * second restore in the process that holds the lock (refused, or waiting then cancelled) used to open
     * the file, read the note and close it: the kernel forgot the lock, and another process could take it.
     */
    @Test
    void should_keep_the_lock_of_this_process_when_another_thread_of_it_is_refused_or_gives_up() throws Exception {
        Path file = dir.resolve("restore.lock");
        try (RestoreLock held = RestoreLock.acquire(file, false, "netcr workbench restore a.netcr")) {
            RestoreLock.BusyException busy = assertThrows(RestoreLock.BusyException.class,
                    () -> RestoreLock.acquire(file, false, "second"));
            assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid() + " (netcr workbench restore "
                    + "a.netcr) since "), busy.getMessage());
            Recording waiting = new Recording(true);
            Throwable[] thrown = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    RestoreLock.acquire(file, "third", waiting).close();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            other.start();
            other.join();
            assertTrue(thrown[0] instanceof RestoreLock.CancelledException, String.valueOf(thrown[0]));
            assertEquals(1, waiting.holders.size());
            assertTrue(waiting.holders.get(0).contains("(netcr workbench restore a.netcr)"),
                    waiting.holders.toString());

            try (LockHolderProcess elsewhere = LockHolderProcess.start(file, "another process")) {
                assertTrue(elsewhere.said.startsWith("busy") && elsewhere.said.contains("a.netcr"), elsewhere.said);
            }
        }
        try (LockHolderProcess elsewhere = LockHolderProcess.start(file, "another process")) {
            assertEquals("held", elsewhere.said, "released when closed");
        }
    }
}
