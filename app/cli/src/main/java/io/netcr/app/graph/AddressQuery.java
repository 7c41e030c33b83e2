package io.netcr.app.graph;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A search that names a range of addresses: a CIDR ({@code 10.250.3.0/24}, {@code fd00:250::/32}) or the leading
 * octets of an IPv4 address ({@code 10.250}, {@code 10.250.}: the /16). Only literals are parsed (no name is
 * ever looked up).
 *
 * @param network the range's first address, as an unsigned number
 * @param bits    the address's width (32 or 128)
 * @param length  the prefix length
 */
record AddressQuery(BigInteger network, int bits, int length) {

    /** The range a search names, or null when it names none. */
    static AddressQuery parse(String query) {
        String q = query.trim();
        int slash = q.indexOf('/');
        if (slash > 0) {
            BigInteger[] a = literal(q.substring(0, slash));
            Integer len = number(q.substring(slash + 1), a == null ? 0 : a[1].intValue());
            return a == null || len == null ? null : new AddressQuery(mask(a[0], a[1].intValue(), len),
                    a[1].intValue(), len);
        }
        if (!q.matches("\\d{1,3}(\\.\\d{1,3}){0,2}\\.?") || !q.contains(".")) {
            return null; // a bare number is a name's digits, not an address
        }
        String[] octets = q.split("\\.");
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int o = i < octets.length ? Integer.parseInt(octets[i]) : 0;
            if (o > 255) {
                return null;
            }
            value = (value << 8) | o;
        }
        return new AddressQuery(BigInteger.valueOf(value), 32, 8 * octets.length);
    }

    /** True when {@code address} (a literal, as the model keeps it) is inside the range. */
    boolean contains(String address) {
        BigInteger[] a = literal(address);
        return a != null && a[1].intValue() == bits && mask(a[0], bits, length).equals(network);
    }

    private static BigInteger mask(BigInteger value, int bits, int length) {
        return value.shiftRight(bits - length).shiftLeft(bits - length);
    }

    private static Integer number(String s, int max) {
        if (!s.matches("\\d{1,3}")) {
            return null;
        }
        int n = Integer.parseInt(s);
        return n <= max ? n : null;
    }

    /** {value, bits} of an IPv4 or IPv6 literal, or null. */
    private static BigInteger[] literal(String s) {
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.contains(":") && s.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return null; // never hand a name to InetAddress: it would look it up
        }
        try {
            byte[] b = InetAddress.getByName(s).getAddress();
            return new BigInteger[] {new BigInteger(1, b), BigInteger.valueOf(8L * b.length)};
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
