package io.netcr.bridge.lifetime;

import io.netcr.bridge.discovery.LiveDiscovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What giving up the kept sockets would cost: the warm refresh on this host with pins that are kept
 * (the shared registry) against pins given up after every snapshot (a registry without events, as on a
 * kernel without pidfd_open). Run by hand on a prepared host (bench/discovery's star), as root:
 * {@code java -cp CLASSPATH io.netcr.bridge.lifetime.TransientRefreshTiming [repeats]}.
 */
public final class TransientRefreshTiming {

    private TransientRefreshTiming() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Path noProc = Files.createTempDirectory("netcr-no-proc");
        try (NamespaceRegistry blind = NamespaceRegistry.start(noProc)) {
            for (int round = 0; round < 2; round++) { // the second round, with the JIT warm, is the one to read
                System.out.printf("round %d: kept %.1f ms, given up after each snapshot %.1f ms (medians of %d)%n",
                        round + 1, median(NamespaceRegistry.shared(), repeats), median(blind, repeats), repeats);
            }
        } finally {
            Files.deleteIfExists(noProc);
        }
    }

    /** Median milliseconds of the refreshes after the first (cold) snapshot. */
    private static double median(NamespaceRegistry registry, int repeats) throws Exception {
        List<Double> times = new ArrayList<>();
        try (LiveDiscovery d = new LiveDiscovery("netcr timing", registry)) {
            d.snapshot();
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                d.snapshot();
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
