package io.netcr.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * One IPv4 or IPv6 address as a value: its family, its bytes, and what kind of address it is. Made from
 * 4 or 16 bytes (the kernel's form) or from literal text (never a name lookup); printed in the canonical
 * text the model's records hold (RFC 5952 for IPv6, as iproute2 prints). Immutable.
 */
public final class IpAddress implements Comparable<IpAddress> {

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of these 4 or 16 bytes; throws IllegalArgumentException for any other length. */
    public static IpAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        return new IpAddress(bytes.clone());
    }

    /** The address a literal names, or empty when the text is not one. */
    public static Optional<IpAddress> parse(String text) {
        return IpText.parse(text).map(IpAddress::new);
    }

    /** The address a literal names; throws IllegalArgumentException naming the text when it is not one. */
    public static IpAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }

    /** The all-zero address of a family ({@code 0.0.0.0} or {@code ::}): where "default" routes start. */
    public static IpAddress zero(String family) {
        int length = IpText.length(family);
        if (length == 0) {
            throw new IllegalArgumentException("family '" + family + "' is neither inet nor inet6");
        }
        return new IpAddress(new byte[length]);
    }

    /** {@link Address#INET} or {@link Address#INET6}. */
    public String family() {
        return bytes.length == 4 ? Address.INET : Address.INET6;
    }

    public boolean isInet6() {
        return bytes.length == 16;
    }

    /** 32 or 128. */
    public int bits() {
        return bytes.length * 8;
    }

    /** A copy of its 4 or 16 bytes, in network order. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Link-local: fe80::/10 for IPv6 (what the kernel makes for every link), 169.254.0.0/16 for IPv4. */
    public boolean isLinkLocal() {
        return isInet6() ? (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80
                : (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254;
    }

    /** Multicast: ff00::/8 for IPv6, 224.0.0.0/4 for IPv4. */
    public boolean isMulticast() {
        return isInet6() ? (bytes[0] & 0xff) == 0xff : (bytes[0] & 0xf0) == 0xe0;
    }

    /** Loopback: ::1, or 127.0.0.0/8. */
    public boolean isLoopback() {
        if (!isInet6()) {
            return (bytes[0] & 0xff) == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }

    /** True when the first {@code length} bits are those of {@code other} (same family). */
    boolean sharesBits(IpAddress other, int length) {
        if (other.bytes.length != bytes.length) {
            return false;
        }
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != other.bytes[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (other.bytes[whole] & mask);
    }

    /** This address with every bit after the first {@code length} cleared: the network of a prefix. */
    IpAddress masked(int length) {
        byte[] b = bytes.clone();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            b[i] &= (byte) ((0xff << (8 - keep)) & 0xff);
        }
        return new IpAddress(b);
    }

    /** IPv4 before IPv6, then by bytes as unsigned numbers. */
    @Override
    public int compareTo(IpAddress o) {
        if (bytes.length != o.bytes.length) {
            return Integer.compare(bytes.length, o.bytes.length);
        }
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The canonical text: dotted quad, or RFC 5952. */
    @Override
    public String toString() {
        return IpText.format(bytes);
    }
}
