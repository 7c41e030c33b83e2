package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/live's measuring part, run on a star that bench/live built (bench/common.sh build_star): the live monitor
 * in this process, following the whole host.
 * <ol>
 *   <li>latency: CHANGES times, `ip -n SPOKE link set eth0 down` (or up), from just before the `ip` process
 *       starts to the update that carries the change reaching the listener (the model); also from `ip`'s exit;</li>
 *   <li>idle: this process's CPU time over IDLE seconds with nothing changing, as a share of one core;</li>
 *   <li>burst: `ip -batch` files (made before the clock) that add BURST namespaces with a veth each to the hub;
 *       the time until the followed snapshot holds them all, the number of updates that took, and the time
 *       until it equals a fresh snapshot (compared with SnapshotDiff, every field).</li>
 * </ol>
 * Usage: {@code LiveBench SPOKE_PREFIX N CHANGES IDLE_SECONDS NS_BATCH LINK_BATCH BURST_PREFIX BURST}
 */
public final class LiveBench {

    private static final BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
    private static final AtomicInteger updates = new AtomicInteger();
    private static volatile String waitedFor;

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        String spokes = args[0];
        int n = Integer.parseInt(args[1]);
        int changes = Integer.parseInt(args[2]);
        int idleSeconds = Integer.parseInt(args[3]);
        Path nsBatch = Path.of(args[4]);
        Path linkBatch = Path.of(args[5]);
        String burstPrefix = args[6];
        int burst = Integer.parseInt(args[7]);

        long t0 = System.nanoTime();
        try (LiveMonitor m = LiveMonitor.start(LiveMonitor.Options.defaults("netcr bench"), LiveBench::heard)) {
            System.out.printf(Locale.ROOT, "start: %d namespaces followed in %.0f ms (the first reading)%n",
                    m.snapshot().namespaces().size(), (System.nanoTime() - t0) / 1e6);
            latency(spokes, n, changes);
            idle(idleSeconds);
            burst(m, nsBatch, linkBatch, burstPrefix, burst);
        }
    }

    private static void heard(LiveUpdate u, Snapshot after) {
        long now = System.nanoTime();
        updates.incrementAndGet();
        String w = waitedFor;
        if (w == null) {
            return;
        }
        for (Delta d : u.deltas()) {
            if (d.kind() == Delta.Kind.DEVICE && (d.netns() + "/" + d.name()).equals(w)
                    && d.changes().stream().anyMatch(f -> f.field().equals("up"))) {
                arrivals.add(new long[] {now});
                return;
            }
        }
    }

    private static void latency(String spokes, int n, int changes) throws Exception {
        List<Double> fromStart = new ArrayList<>();
        List<Double> fromExit = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            int k = 1 + (i * 7919) % n; // spread over the star
            String ns = spokes + k;
            String state = (i / n) % 2 == 0 ? "down" : "up";
            arrivals.clear();
            waitedFor = ns + "/eth0";
            long start = System.nanoTime();
            Process p = new ProcessBuilder("ip", "-n", ns, "link", "set", "eth0", state).inheritIO().start();
            p.waitFor();
            long exit = System.nanoTime();
            long[] at = arrivals.poll(10, TimeUnit.SECONDS);
            if (at == null) {
                throw new IllegalStateException("no update for " + waitedFor + " " + state + " within 10 s");
            }
            fromStart.add((at[0] - start) / 1e6);
            fromExit.add((at[0] - exit) / 1e6);
        }
        waitedFor = null;
        System.out.printf(Locale.ROOT, "latency over %d changes, ms: from `ip` start p50 %.1f p99 %.1f max %.1f;"
                        + " from `ip` exit p50 %.1f p99 %.1f%n", changes, pct(fromStart, 50), pct(fromStart, 99),
                pct(fromStart, 100), pct(fromExit, 50), pct(fromExit, 99));
    }

    /** The {@code p}th percentile of {@code values} (nearest rank); 100 is the maximum. */
    public static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static void idle(int seconds) throws InterruptedException {
        System.gc();
        int before = updates.get();
        long[] used = cpuOver(seconds);
        System.out.printf(Locale.ROOT, "idle: %.3f %% of one core over %d s (%.0f ms CPU, the whole JVM), %d updates"
                + " meanwhile%n", 100.0 * used[0] / used[1], seconds, used[0] / 1e6, updates.get() - before);
    }

    /** This process's CPU time and the wall time over {@code seconds} of waiting, in nanoseconds. */
    public static long[] cpuOver(int seconds) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds); // the benchmark's idle period itself, not a synchronisation
        return new long[] {os.getProcessCpuTime() - cpu0, System.nanoTime() - t0};
    }

    private static void burst(LiveMonitor m, Path nsBatch, Path linkBatch, String prefix, int burst)
            throws Exception {
        int before = updates.get();
        long t0 = System.nanoTime();
        run("ip", "-b", nsBatch.toString());
        run("ip", "-b", linkBatch.toString());
        long made = System.nanoTime();
        long followed;
        while (true) {
            if (holds(m.snapshot(), prefix, burst)) {
                followed = System.nanoTime();
                break;
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("the burst was not followed within 5 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling a real condition, with a deadline
        }
        int during = updates.get() - before;
        DiffReport diff;
        long equal;
        try (LiveDiscovery d = new LiveDiscovery("netcr bench")) {
            while (true) {
                Snapshot fresh = d.snapshot();
                diff = SnapshotDiff.compare(m.snapshot(), fresh, Followed.EXACT);
                if (diff.isEmpty()) {
                    equal = System.nanoTime();
                    break;
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("followed != fresh after the burst: " + diff.summary());
                }
            }
        }
        System.out.printf(Locale.ROOT, "burst of %d namespaces with a veth each: ip -batch took %.0f ms; followed "
                        + "(all in the model) %.0f ms after the start, in %d updates; followed == fresh "
                        + "(SnapshotDiff, every field) confirmed %.0f ms after the start%n", burst, (made - t0) / 1e6,
                (followed - t0) / 1e6, during, (equal - t0) / 1e6);
    }

    /** Every burst namespace is there with its eth0, and its peer in the hub is resolved. */
    private static boolean holds(Snapshot s, String prefix, int burst) {
        int ok = 0;
        for (Namespace ns : s.namespaces()) {
            if (ns.label().startsWith(prefix) && ns.device("eth0").filter(d -> d.peer() != null
                    && d.peer().name() != null).isPresent()) {
                ok++;
            }
        }
        return ok == burst;
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
