package io.netcr.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        IpAddress ip = IpAddress.of(cidr.substring(0, slash));
        return new Address(ip.family(), ip.toString(), Integer.parseInt(cidr.substring(slash + 1)), "global", List.of(), null);
    }

    /** {@code address/prefixlen}, as in a subject path. */
    public String cidr() {
        return address + "/" + prefixlen;
    }

    public boolean isInet6() {
        return INET6.equals(family);
    }

    /**
     * The address as a value. Empty only for a record whose text is no address of its family, which the
     * readers of files keep so that the validator can say what is wrong with it.
     */
    public Optional<IpAddress> ip() {
        return IpAddress.parse(address).filter(ip -> ip.family().equals(family));
    }

    /** {@code address/prefixlen} as a value (host bits kept), empty where {@link #ip()} is or the length is wrong. */
    public Optional<IpPrefix> prefix() {
        return ip().filter(ip -> prefixlen >= 0 && prefixlen <= ip.bits()).map(ip -> new IpPrefix(ip, prefixlen));
    }

    /** An IPv6 fe80::/10 or IPv4 169.254.0.0/16 address. */
    public boolean isLinkLocal() {
        return ip().map(IpAddress::isLinkLocal).orElse(false);
    }

    /**
     * The address in {@code ip addr} words, for every place that shows one (diff, summary, tables):
     * {@code inet 10.250.0.1/24 scope global permanent label eth0:1}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(family).append(' ').append(cidr()).append(" scope ").append(scope);
        for (String flag : flags) {
            sb.append(' ').append(flag);
        }
        if (label != null) {
            sb.append(" label ").append(label);
        }
        return sb.toString();
    }
}
