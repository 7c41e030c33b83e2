package io.netcr.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address text without name lookups: parsing accepts only literals (a dotted quad, or text with a
 * colon), and formatting follows RFC 5952 (lower case, longest zero run compressed), as iproute2 prints.
 */
public final class IpText {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpText() {
    }

    /** The 4 or 16 bytes of a literal address, or empty when the text is not one. Never looks up a name. */
    public static Optional<byte[]> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (DOTTED_QUAD.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(b);
        }
        if (text.indexOf(':') >= 0 && V6_CHARS.matcher(text).matches()) {
            try {
                // With a colon in it, InetAddress treats the text as an IPv6 literal and never resolves it.
                byte[] b = InetAddress.getByName(text).getAddress();
                if (b.length == 4) { // "::ffff:1.2.3.4" comes back as IPv4; keep it IPv6
                    byte[] v6 = new byte[16];
                    v6[10] = (byte) 0xff;
                    v6[11] = (byte) 0xff;
                    System.arraycopy(b, 0, v6, 12, 4);
                    return Optional.of(v6);
                }
                return Optional.of(b);
            } catch (UnknownHostException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical text of a literal address; throws IllegalArgumentException when it is not one. */
    public static String canonical(String text) {
        return format(parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text)));
    }

    /** Text of 4 or 16 address bytes. */
    public static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        if (b.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + b.length);
        }
        if (isV4Mapped(b)) { // inet_ntop prints these in mixed notation
            return "::ffff:" + format(Arrays.copyOfRange(b, 12, 16));
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1; // RFC 5952: a single zero word is not compressed
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** Bytes of the address length for a family: 4 for inet, 16 for inet6, else 0. */
    public static int length(String family) {
        return Address.INET.equals(family) ? 4 : Address.INET6.equals(family) ? 16 : 0;
    }
}
