package io.netcr.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A route of a namespace's main table.
 *
 * @param family      "inet" or "inet6"
 * @param destination "default" or {@code prefix/len} in canonical text
 * @param gateway     next hop, or null
 * @param device      output device name, or null
 * @param metric      priority (RTA_PRIORITY), 0 when absent
 * @param protocol    "kernel", "boot", "static", "dhcp", "ra", ... or a number
 * @param scope       "global", "link", "host", ...
 * @param type        "unicast", "local", "broadcast", "blackhole", "unreachable", ...
 * @param prefsrc     preferred source address, or null
 */
public record Route(String family, String destination, String gateway, String device, int metric, String protocol,
                    String scope, String type, String prefsrc) {

    public Route {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(destination, "destination");
        protocol = protocol == null ? "boot" : protocol;
        scope = scope == null ? "global" : scope;
        type = type == null ? "unicast" : type;
    }

    /** The kernel makes these by itself for every address; a restore need not, and a diff may ignore them. */
    public boolean isKernelMade() {
        return "kernel".equals(protocol);
    }

    public boolean isInet6() {
        return Address.INET6.equals(family);
    }

    /**
     * The destination as a value ({@code default} is the zero-length prefix of the family). Empty only for
     * a record whose text is no prefix of its family, which the validator reports.
     */
    public Optional<IpPrefix> destinationPrefix() {
        return IpPrefix.parse(destination, family).filter(p -> p.family().equals(family));
    }

    /** A route to the link-local addresses (within fe80::/10 or 169.254.0.0/16). */
    public boolean isLinkLocal() {
        return destinationPrefix().map(IpPrefix::isLinkLocal).orElse(false);
    }

    /** A route to multicast addresses (within ff00::/8 or 224.0.0.0/4). */
    public boolean isMulticast() {
        return destinationPrefix().map(IpPrefix::isMulticast).orElse(false);
    }

    /**
     * The route in {@code ip route} words and order, which {@code ip route add} also reads, for every place
     * that shows one (diff, summary, plan, journal, tables):
     * {@code [TYPE ]DEST[ via GW][ dev DEV][ proto P][ scope S][ src PREFSRC][ metric M]}. Like iproute2 it
     * leaves out what is usual: type unicast, proto boot, scope global, metric 0.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!"unicast".equals(type)) {
            sb.append(type).append(' ');
        }
        sb.append(destination);
        if (gateway != null) {
            sb.append(" via ").append(gateway);
        }
        if (device != null) {
            sb.append(" dev ").append(device);
        }
        if (!"boot".equals(protocol)) {
            sb.append(" proto ").append(protocol);
        }
        if (!"global".equals(scope)) {
            sb.append(" scope ").append(scope);
        }
        if (prefsrc != null) {
            sb.append(" src ").append(prefsrc);
        }
        if (metric != 0) {
            sb.append(" metric ").append(Integer.toUnsignedString(metric));
        }
        return sb.toString();
    }
}
