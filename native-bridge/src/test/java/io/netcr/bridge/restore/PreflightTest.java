package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
                first.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        releaser.start();
        long t0 = System.nanoTime();
        try (RestoreLock second = RestoreLock.acquire(lock, true, "second")) {
            assertTrue(System.nanoTime() - t0 >= 150_000_000L, "it waited");
        }
        releaser.join();
    }
}
