package io.netcr.model.link;

/**
 * One setting of a device kind: its key in {@link io.netcr.model.LinkConfig#data()}, the type of its value, and
 * how {@code ip link add} writes it (for the iproute2 equivalent of a restore step).
 *
 * @param key      the key, as iproute2's {@code ip -d -j link} names it where it names it
 * @param type     the value's type and canonical text
 * @param ipWord   the option {@code ip link add} takes it with ({@code ttl}, {@code dstport}); for a
 *                 boolean, the word that sets it; null when iproute2 has no option for it
 * @param offWord  for a boolean, the word that clears it ({@code nolearning}), or null when iproute2 says
 *                 nothing for false
 */
public record KindField(String key, ValueType type, String ipWord, String offWord) {

    /** A setting written {@code WORD VALUE}. */
    public static KindField value(String key, ValueType type, String ipWord) {
        return new KindField(key, type, ipWord, null);
    }

    /** A boolean written {@code ON} when true and {@code OFF} (or nothing, when null) when false. */
    public static KindField bool(String key, String on, String off) {
        return new KindField(key, ValueType.BOOL, on, off);
    }

    /** How {@code ip link add} would say this value: " ttl 5", " nolearning", or "" when it says nothing. */
    String ipText(String value) {
        if (type == ValueType.BOOL) {
            String word = "true".equals(value) ? ipWord : offWord;
            return word == null ? "" : " " + word;
        }
        String shown = type == ValueType.PORT_RANGE ? value.replace('-', ' ') : value;
        return " " + (ipWord != null ? ipWord : key) + " " + shown;
    }
}
