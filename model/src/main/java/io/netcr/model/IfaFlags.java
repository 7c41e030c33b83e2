package io.netcr.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IFA_F_* address flag bits (linux/if_addr.h) and the words iproute2 prints for them. The model keeps
 * words ({@link Address#flags()}); the image and netlink carry bits.
 */
public final class IfaFlags {

    private static final Map<String, Integer> BITS = new TreeMap<>();

    static {
        BITS.put("secondary", 0x01);      // IFA_F_SECONDARY (also IFA_F_TEMPORARY for IPv6)
        BITS.put("nodad", 0x02);
        BITS.put("optimistic", 0x04);
        BITS.put("dadfailed", 0x08);
        BITS.put("home", 0x10);
        BITS.put("deprecated", 0x20);
        BITS.put("tentative", 0x40);
        BITS.put("permanent", 0x80);
        BITS.put("mngtmpaddr", 0x100);      // iproute2's word for IFA_F_MANAGETEMPADDR
        BITS.put("noprefixroute", 0x200);
        BITS.put("autojoin", 0x400);        // IFA_F_MCAUTOJOIN
        BITS.put("stable-privacy", 0x800);
    }

    /** Every bit that has a word. */
    public static final int KNOWN_BITS = 0xFFF;

    private IfaFlags() {
    }

    /** The bit of one word, or empty when iproute2 has no such word. */
    public static Optional<Integer> bit(String word) {
        return Optional.ofNullable(BITS.get(word));
    }

    /** The bits of these words; throws IllegalArgumentException naming an unknown word. */
    public static int bits(Collection<String> words) {
        int bits = 0;
        for (String w : words) {
            bits |= bit(w).orElseThrow(() -> new IllegalArgumentException("unknown address flag: " + w));
        }
        return bits;
    }

    /** The words of the known bits, sorted; unknown bits are left out (see {@link #KNOWN_BITS}). */
    public static List<String> words(int bits) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : BITS.entrySet()) { // TreeMap: sorted by word
            if ((bits & e.getValue()) != 0) {
                words.add(e.getKey());
            }
        }
        return words;
    }
}
