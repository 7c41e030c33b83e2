package io.netcr.model;

import java.util.Map;
import java.util.Optional;

/**
 * A route's metrics (RTA_METRICS, RTAX_* of linux/rtnetlink.h) in iproute2's words: the model keeps them as
 * word to decimal text ({@link Route#metrics()}), the rtnetlink mapping and the restore's request turn
 * words into numbers here. {@code lock} is RTAX_LOCK, the bit mask of metrics the kernel must not change
 * (bit N for RTAX N); {@code congctl} (RTAX_CC_ALGO) is the one whose value is a name. A metric without a
 * word is {@code rtaxN}, so that none is lost.
 */
public final class RouteMetrics {

    public static final int RTAX_LOCK = 1;
    public static final int RTAX_CC_ALGO = 16;
    public static final String LOCK = "lock";
    public static final String CONGCTL = "congctl";

    /** By RTAX number, as iproute2's mx_names. */
    private static final String[] WORDS = {null, LOCK, "mtu", "window", "rtt", "rttvar", "ssthresh", "cwnd", "advmss",
        "reordering", "hoplimit", "initcwnd", "features", "rto_min", "initrwnd", "quickack", CONGCTL,
        "fastopen_no_cookie"};

    private RouteMetrics() {
    }

    /** The word of RTAX number {@code n}: iproute2's, else {@code rtaxN}. */
    public static String word(int n) {
        return n > 0 && n < WORDS.length ? WORDS[n] : "rtax" + n;
    }

    /** The RTAX number of a word (or of {@code rtaxN}); empty when it is neither. */
    public static Optional<Integer> number(String word) {
        for (int i = 1; i < WORDS.length; i++) {
            if (WORDS[i].equals(word)) {
                return Optional.of(i);
            }
        }
        if (word != null && word.matches("rtax\\d{1,4}")) {
            int n = Integer.parseInt(word.substring(4));
            return n > 0 && n < 0xffff ? Optional.of(n) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code metric} is locked by the {@code lock} mask of these metrics. */
    public static boolean locked(Map<String, String> metrics, String metric) {
        String mask = metrics.get(LOCK);
        Optional<Integer> n = number(metric);
        if (mask == null || n.isEmpty() || n.get() >= 32) {
            return false;
        }
        try {
            return (Long.parseLong(mask) & (1L << n.get())) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Appends them as {@code ip route} prints them: {@code  mtu 1400 advmss lock 1360}. */
    static void describe(Map<String, String> metrics, StringBuilder sb) {
        for (Map.Entry<String, String> e : metrics.entrySet()) {
            if (!LOCK.equals(e.getKey())) {
                sb.append(' ').append(e.getKey()).append(locked(metrics, e.getKey()) ? " lock " : " ").append(e.getValue());
            }
        }
    }
}
