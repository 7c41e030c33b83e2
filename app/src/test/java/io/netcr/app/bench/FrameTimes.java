package io.netcr.app.bench;

import java.util.Arrays;
import java.util.Locale;

/** Frame times in milliseconds, and what the benches print of them: average, 95th percentile, maximum. */
final class FrameTimes {

    private final double[] ms;

    FrameTimes(double[] ms) {
        this.ms = ms.clone();
    }

    double avg() {
        return Arrays.stream(ms).average().orElse(0);
    }

    double max() {
        return Arrays.stream(ms).max().orElse(0);
    }

    double p95() {
        double[] s = sorted();
        return s.length == 0 ? 0 : s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    /** {@code avg / p95 / max ms}: one cell of a bench table. */
    String cell() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", avg(), p95(), max());
    }

    /** The four slowest, slowest first: which frames painted. */
    String slowest() {
        double[] s = sorted();
        StringBuilder b = new StringBuilder();
        for (int i = s.length - 1; i >= Math.max(0, s.length - 4); i--) {
            b.append(String.format(Locale.ROOT, "%.1f ", s[i]));
        }
        return b.append("ms").toString();
    }

    private double[] sorted() {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s;
    }
}
