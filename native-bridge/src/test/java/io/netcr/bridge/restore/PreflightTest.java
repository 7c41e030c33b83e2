package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Privilege preflight and the restore lock, without a kernel. */
class PreflightTest {

    @TempDir
    Path dir;

    private Path status(String capEff) throws Exception {
        return Files.writeString(dir.resolve("status"), "Name:\tjava\nCapInh:\t0000000000000000\nCapEff:\t" + capEff + "\n");
    }

    @Test
    void should_pass_with_sys_admin_and_net_admin() throws Exception {
        assertTrue(Privileges.check(status("000001ffffffffff")).isEmpty());
    }

    @Test
    void should_say_run_as_root_when_capabilities_are_missing() throws Exception {
        Diagnostic d = Privileges.check(status("0000000000000000")).orElseThrow();

        assertEquals(Errno.EPERM, d.code());
        assertTrue(d.message().contains("root") && d.message().contains("CAP_SYS_ADMIN")
                && d.message().contains("CAP_NET_ADMIN"), d.message());
    }

    @Test
    void should_name_only_the_missing_capability() throws Exception {
        Diagnostic d = Privileges.check(status(Long.toHexString(1L << Privileges.CAP_SYS_ADMIN))).orElseThrow();

        assertTrue(d.message().contains("CAP_NET_ADMIN") && !d.message().contains("CAP_SYS_ADMIN"), d.message());
    }

    @Test
    void should_refuse_a_second_holder_naming_the_first() throws Exception {
        Path lock = dir.resolve("run/restore.lock");
        try (RestoreLock first = RestoreLock.acquire(lock, false, "netcr restore a.netcr")) {
            RestoreLock.BusyException e = assertThrows(RestoreLock.BusyException.class,
                    () -> RestoreLock.acquire(lock, false, "netcr restore b.netcr"));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid())
                    && e.getMessage().contains("a.netcr") && e.getMessage().contains("--wait"), e.getMessage());
        }
        RestoreLock.acquire(lock, false, "again").close();
    }

    @Test
    void should_wait_for_the_lock_with_wait() throws Exception {
        Path lock = dir.resolve("restore.lock");
        RestoreLock first = RestoreLock.acquire(lock, false, "first");
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> toldHolders = new CopyOnWriteArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        // The holder lets go only once the second restore has said it waits: no guess at how long that takes.
        Thread releaser = new Thread(() -> {
            try {
                // never a hang: without the event, let go after a minute, and the assertions below fail
                boolean told = waiting.await(60, TimeUnit.SECONDS);
                released.set(told);
                first.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        releaser.start();
        try (RestoreLock second = RestoreLock.acquire(lock, "second", new RestoreLock.Waiting() {
            @Override
            public void heldBy(String holder) {
                toldHolders.add(holder);
                waiting.countDown();
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        })) {
            assertTrue(released.get(), "the second holder got the lock only after the first let go");
            assertEquals(1, toldHolders.size(), toldHolders::toString);
            assertTrue(toldHolders.get(0).contains("(first)"), "it was told whom it waited for: " + toldHolders);
        }
        releaser.join();
    }
}
