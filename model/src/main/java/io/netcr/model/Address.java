package io.netcr.model;

import java.util.List;
import java.util.Objects;

/**
 * A protocol address on a device.
 *
 * @param family    "inet" or "inet6", as iproute2 says
 * @param address   the local address in canonical text (RFC 5952 for IPv6)
 * @param prefixlen prefix length (0..32 or 0..128)
 * @param scope     "global", "site", "link", "host", "nowhere", or a number
 * @param flags     iproute2's words for IFA_F_* flags ("permanent", "nodad", "secondary", ...), sorted
 * @param label     the IPv4 label (IFA_LABEL) when it differs from the device name, else null
 */
public record Address(String family, String address, int prefixlen, String scope, List<String> flags, String label) {

    public static final String INET = "inet";
    public static final String INET6 = "inet6";

    public Address {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        scope = scope == null ? "global" : scope;
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** An address with global scope and no flags, from {@code "10.250.0.1/24"} or {@code "fd00:250::1/64"}. */
    public static Address of(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("address without prefix length: " + cidr);
        }
        String ip = cidr.substring(0, slash);
        String family = ip.indexOf(':') >= 0 ? INET6 : INET;
        return new Address(family, IpText.canonical(ip), Integer.parseInt(cidr.substring(slash + 1)), "global", List.of(), null);
    }

    /** {@code address/prefixlen}, as in a subject path. */
    public String cidr() {
        return address + "/" + prefixlen;
    }

    public boolean isInet6() {
        return INET6.equals(family);
    }
}
