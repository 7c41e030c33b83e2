package io.netcr.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

    /** Every bit that has a word of its own; other bits are written as hex words ("0x1000"). */
    public static final int KNOWN_BITS = 0xFFF;

    /** iproute2 calls IFA_F_SECONDARY "temporary" on IPv6 addresses (privacy extensions). */
    public static final String TEMPORARY = "temporary";

    private IfaFlags() {
    }

    /**
     * The bit of one word: iproute2's words, "temporary" (IFA_F_TEMPORARY, the IPv6 name of bit 0x01),
     * or a single bit in hex ("0x1000") for flags newer than this table. Empty for anything else.
     */
    public static Optional<Integer> bit(String word) {
        if (TEMPORARY.equals(word)) {
            return Optional.of(0x01);
        }
        if (word != null && word.matches("0x[0-9a-f]{1,8}")) {
            long v = Long.parseLong(word.substring(2), 16);
            return v != 0 && Long.bitCount(v) == 1 && v <= 0x80000000L ? Optional.of((int) v) : Optional.empty();
        }
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

    /** The words of these bits as iproute2 prints them for an IPv4 address, sorted. */
    public static List<String> words(int bits) {
        return words(bits, Address.INET);
    }

    /**
     * The words of these bits, sorted: iproute2's word for each known bit ("temporary" rather than
     * "secondary" for inet6), and hex for any other, so that no bit is lost.
     */
    public static List<String> words(int bits, String family) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : BITS.entrySet()) {
            if ((bits & e.getValue()) != 0) {
                words.add(e.getValue() == 0x01 && Address.INET6.equals(family) ? TEMPORARY : e.getKey());
            }
        }
        for (int i = 0; i < 32; i++) {
            int bit = 1 << i;
            if ((bits & bit) != 0 && (KNOWN_BITS & bit) == 0) {
                words.add(String.format(Locale.ROOT, "0x%x", Integer.toUnsignedLong(bit)));
            }
        }
        Collections.sort(words);
        return words;
    }
}
