package io.netcr.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An IP prefix as a value: an address and a length, as in {@code 10.250.0.0/24} or {@code fd00:250::/64}.
 * The address keeps its host bits ({@code 10.250.0.1/24} is an address on a device as well as the prefix it
 * lies in); {@link #network()} clears them. The zero-length prefix of a family is what iproute2 calls
 * {@code default}.
 *
 * @param address its address
 * @param length  0 to 32 (IPv4) or 0 to 128 (IPv6)
 */
public record IpPrefix(IpAddress address, int length) {

    /** iproute2's word for the zero-length prefix, and the model's {@link Route#destination()} for it. */
    public static final String DEFAULT = "default";

    public IpPrefix {
        Objects.requireNonNull(address, "address");
        if (length < 0 || length > address.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + address.bits()
                    + " for " + address.family());
        }
    }

    /** The zero-length prefix of a family: every address of it, "default". */
    public static IpPrefix anyOf(String family) {
        return new IpPrefix(IpAddress.zero(family), 0);
    }

    /**
     * The prefix that text names: {@code ADDRESS/LENGTH}, a bare address (its full length, as iproute2
     * reads it), or {@code default} for the family given. Empty when the text is none of these.
     */
    public static Optional<IpPrefix> parse(String text, String family) {
        if (text == null) {
            return Optional.empty();
        }
        if (DEFAULT.equals(text)) {
            return IpText.length(family) == 0 ? Optional.empty() : Optional.of(anyOf(family));
        }
        int slash = text.indexOf('/');
        Optional<IpAddress> address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(new IpPrefix(address.get(), address.get().bits()));
        }
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(len);
        return n <= address.get().bits() ? Optional.of(new IpPrefix(address.get(), n)) : Optional.empty();
    }

    public String family() {
        return address.family();
    }

    public boolean isInet6() {
        return address.isInet6();
    }

    /** True for the zero-length prefix, which iproute2 prints as {@code default}. */
    public boolean isDefault() {
        return length == 0;
    }

    /** The prefix with its host bits cleared: {@code 10.250.0.0/24} for {@code 10.250.0.1/24}. */
    public IpPrefix network() {
        return new IpPrefix(address.masked(length), length);
    }

    /** True when the address is of this family and within the prefix. */
    public boolean contains(IpAddress other) {
        return address.sharesBits(other, length);
    }

    /** True when every address of {@code other} is within this prefix (so it is at least as long). */
    public boolean contains(IpPrefix other) {
        return other.length >= length && contains(other.address);
    }

    /** Within fe80::/10 (IPv6) or 169.254.0.0/16 (IPv4), as a route to the link-local addresses is. */
    public boolean isLinkLocal() {
        return length >= (isInet6() ? 10 : 16) && address.isLinkLocal();
    }

    /** Within ff00::/8 (IPv6) or 224.0.0.0/4 (IPv4). */
    public boolean isMulticast() {
        return length >= (isInet6() ? 8 : 4) && address.isMulticast();
    }

    /** {@code ADDRESS/LENGTH}, always with the length (the text of {@link Address#cidr()}). */
    @Override
    public String toString() {
        return address + "/" + length;
    }
}
