package io.netcr.model;

import java.util.Objects;

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
}
