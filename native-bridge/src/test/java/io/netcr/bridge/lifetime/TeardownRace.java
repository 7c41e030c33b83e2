package io.netcr.bridge.lifetime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The check of issue 19: after two namespaces, each joined to the host by a veth, are deleted the same
 * way, the host half of the one netcr looked at must be gone no later than {@link #MARGIN_NANOS} after
 * the host half of a control that nothing of netcr holds. The kernel frees a namespace asynchronously
 * (its cleanup_net worker), so the control is the clock, not a fixed time. Polls the devices in
 * /sys/class/net (this process is in the host's namespace) until a deadline; never a fixed sleep.
 */
public final class TeardownRace {

    public static final long MARGIN_NANOS = 500_000_000L;
    /** How long the kernel may take to free the control at all (a loaded machine frees slowly). */
    private static final long CONTROL_DEADLINE_NANOS = 60_000_000_000L;
    private static final long POLL_NANOS = 1_000_000L;

    private TeardownRace() {
    }

    public static boolean exists(String hostDevice) {
        return Files.exists(Path.of("/sys/class/net", hostDevice));
    }

    /**
     * Waits for both host halves to go; fails when the watched one is still there {@link #MARGIN_NANOS}
     * after the control went. Returns how much later (ns; negative: sooner) the watched one went.
     */
    public static long assertGoneWithControl(String watchedHostDevice, String controlHostDevice) {
        assertTrue(exists(watchedHostDevice) || exists(controlHostDevice), "the devices were there to begin with");
        long start = System.nanoTime();
        long watchedGone = -1;
        long controlGone = -1;
        while (true) {
            long now = System.nanoTime();
            if (watchedGone < 0 && !exists(watchedHostDevice)) {
                watchedGone = now;
            }
            if (controlGone < 0 && !exists(controlHostDevice)) {
                controlGone = now;
            }
            if (watchedGone >= 0 && controlGone >= 0) {
                long late = watchedGone - controlGone;
                assertTrue(late <= MARGIN_NANOS, watchedHostDevice + " went " + late / 1_000_000
                        + " ms after the control " + controlHostDevice + " (allowed: 500 ms)");
                return late;
            }
            if (controlGone >= 0 && now - controlGone > MARGIN_NANOS) {
                fail(watchedHostDevice + " is still there " + (now - controlGone) / 1_000_000 + " ms after the control "
                        + controlHostDevice + " went: its namespace is kept alive");
            }
            if (now - start > CONTROL_DEADLINE_NANOS) {
                fail("the control " + controlHostDevice + " did not go within 60 s (watched gone: " + (watchedGone >= 0)
                        + ")");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
