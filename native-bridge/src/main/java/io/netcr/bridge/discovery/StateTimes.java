package io.netcr.bridge.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Milliseconds a checkpoint's state read spent in each part (sysctls, ruleset, dumps...), summed over the
 * threads that did it: where the time goes, for {@code netcr checkpoint --timing} and the benchmarks.
 */
final class StateTimes {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds the time since {@code since} (System.nanoTime) to {@code part}; returns now. */
    long add(String part, long since) {
        long now = System.nanoTime();
        order.putIfAbsent(part, Boolean.TRUE);
        nanos.computeIfAbsent(part, k -> new LongAdder()).add(now - since);
        return now;
    }

    /** Each part's milliseconds, in the order the parts were first seen. */
    Map<String, Double> millis() {
        Map<String, Double> out = new LinkedHashMap<>();
        synchronized (order) {
            for (String part : order.keySet()) {
                out.put(part, nanos.get(part).sum() / 1e6);
            }
        }
        return out;
    }
}
