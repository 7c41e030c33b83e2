package io.netcr.app;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * Start-up milestones, for measuring a start from outside the process. When {@code NETCR_TRACE_T0} holds the
 * wall-clock time the process was started at (seconds since the epoch, as bash's {@code $EPOCHREALTIME} writes
 * it just before the exec), each milestone prints {@code netcr: trace NAME MS} to stderr, MS being the
 * milliseconds from then; when {@code NETCR_TRACE_EXIT} names the milestone, the process exits right after it
 * (the package's training runs and the start-up benchmarks, which need no window left open). Without the
 * variable a milestone costs one field read.
 */
public final class StartupTrace {

    /** The workbench has painted its first graph and the next frame has begun: the graph is on the screen. */
    public static final String FIRST_FRAME = "first-frame";

    private static final String T0 = System.getenv("NETCR_TRACE_T0");
    private static final String EXIT_AFTER = System.getenv("NETCR_TRACE_EXIT");

    private StartupTrace() {
    }

    /** True when milestones are being reported. */
    public static boolean on() {
        return T0 != null;
    }

    /** Reports a milestone (and exits after it when asked to); does nothing when not tracing. */
    public static void mark(String name) {
        if (T0 == null) {
            return;
        }
        report(System.err, name, millisSince(T0, Instant.now()));
        if (name.equals(EXIT_AFTER)) {
            System.exit(0);
        }
    }

    static void report(PrintStream err, String name, double millis) {
        err.printf(Locale.ROOT, "netcr: trace %s %.1f%n", name, millis);
        err.flush();
    }

    /** Milliseconds from {@code t0} (seconds since the epoch, with a '.' or ',' decimal point) to {@code now}. */
    static double millisSince(String t0, Instant now) {
        String[] parts = t0.trim().split("[.,]", 2);
        long seconds = Long.parseLong(parts[0]);
        String fraction = parts.length > 1 ? (parts[1] + "000000000").substring(0, 9) : "0";
        long nanos = Long.parseLong(fraction);
        return ((now.getEpochSecond() - seconds) * 1_000_000_000L + (now.getNano() - nanos)) / 1e6;
    }
}
