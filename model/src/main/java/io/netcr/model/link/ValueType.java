package io.netcr.model.link;

import io.netcr.model.IpText;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The kind of value one setting of a device kind holds, and the one canonical text it is written in (so that
 * equal settings are equal strings, in images, JSON and diffs): decimal numbers without leading zeros,
 * {@code true}/{@code false}, canonical IP text, lower-case MACs, or one word of a fixed set.
 */
public final class ValueType {

    private static final Pattern UNSIGNED = Pattern.compile("0|[1-9][0-9]{0,19}");
    private static final Pattern SIGNED = Pattern.compile("0|-?[1-9][0-9]{0,9}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    public static final ValueType BOOL = new ValueType("true or false", "true", v -> v.equals("true") || v.equals("false"));
    public static final ValueType U8 = unsigned(0xFFL);
    public static final ValueType U16 = unsigned(0xFFFFL);
    public static final ValueType U32 = unsigned(0xFFFF_FFFFL);
    /** Any unsigned 64-bit number, in decimal. */
    public static final ValueType U64 = new ValueType("a whole number from 0 to 18446744073709551615", "5",
            v -> UNSIGNED.matcher(v).matches() && fitsU64(v));
    public static final ValueType S32 = new ValueType("a whole number from -2147483648 to 2147483647", "-1",
            v -> SIGNED.matcher(v).matches() && fits(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
    public static final ValueType IP4 = ip("an IPv4 address", 4, "10.250.0.1");
    public static final ValueType IP6 = ip("an IPv6 address", 16, "fd00:250::1");
    /** An address of either family (a vxlan's remote may be IPv4 or IPv6). */
    public static final ValueType IP = ip("an IPv4 or IPv6 address", 0, "10.250.0.2");
    public static final ValueType MAC_LIST = list("Ethernet addresses joined by ','", "02:00:0a:fa:00:01",
            v -> MAC.matcher(v).matches());
    public static final ValueType IP4_LIST = list("IPv4 addresses joined by ','", "10.250.0.1,10.250.0.2", IP4::accepts);
    public static final ValueType IP6_LIST = list("IPv6 addresses joined by ','", "fd00:250::1", IP6::accepts);
    public static final ValueType MAC1 = new ValueType("an Ethernet address (lower-case hex pairs)", "02:00:0a:fa:00:02",
            v -> MAC.matcher(v).matches());
    /** A port range {@code LOW-HIGH}, each 0..65535 (a vxlan's source ports). */
    public static final ValueType PORT_RANGE = new ValueType("two port numbers LOW-HIGH", "1000-2000", v -> {
        String[] p = v.split("-", -1);
        return p.length == 2 && U16.accepts(p[0]) && U16.accepts(p[1]);
    });
    /** VLAN priority mappings {@code FROM:TO} joined by ',' (a vlan's ingress and egress QoS maps). */
    public static final ValueType QOS_MAP = list("FROM:TO pairs of whole numbers joined by ','", "1:2,3:4", v -> {
        String[] p = v.split(":", -1);
        return p.length == 2 && U32.accepts(p[0]) && U32.accepts(p[1]);
    });

    private final String description;
    private final String example;
    private final Predicate<String> valid;

    private ValueType(String description, String example, Predicate<String> valid) {
        this.description = description;
        this.example = example;
        this.valid = valid;
    }

    /** One of these words, exactly. */
    public static ValueType words(String... words) {
        Set<String> set = Set.of(words);
        return new ValueType("one of " + String.join(", ", List.of(words)), words[words.length - 1], set::contains);
    }

    public static ValueType unsigned(long max) {
        return new ValueType("a whole number from 0 to " + max, Long.toString(Math.min(max, 7)),
                v -> UNSIGNED.matcher(v).matches() && fits(v, 0, max));
    }

    private static ValueType ip(String description, int length, String example) {
        return new ValueType(description + " in canonical form", example, v -> IpText.parse(v)
                .filter(b -> length == 0 || b.length == length).map(IpText::format).filter(v::equals).isPresent());
    }

    /** Items joined by ',' (none: the empty text). */
    private static ValueType list(String description, String example, Predicate<String> item) {
        return new ValueType(description, example,
                v -> v.isEmpty() || List.of(v.split(",", -1)).stream().allMatch(item));
    }

    public boolean accepts(String value) {
        return value != null && valid.test(value);
    }

    /** A value of this type (the last word of a set: not the zero a kernel often reports by default). */
    public String example() {
        return example;
    }

    /** What a value of this type looks like, for a diagnostic. */
    public String description() {
        return description;
    }

    private static boolean fits(String digits, long min, long max) {
        if (digits.length() > 12) {
            return false;
        }
        long v = Long.parseLong(digits);
        return v >= min && v <= max;
    }

    private static boolean fitsU64(String digits) {
        try {
            Long.parseUnsignedLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
