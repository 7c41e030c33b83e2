package io.netcr.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What configures a device beyond the fields every device has: its kind's settings, as the kernel's
 * IFLA_INFO_DATA carries them (a vxlan's id, ttl and learning, a macvlan's mode, a tun's owner), and its IPv6
 * address generation mode. Everything here is what a restore sets again; what the kernel keeps at run time (a
 * tun's attached queues) is in the device's properties instead. Keys and values follow the kind's
 * {@link io.netcr.model.link.KindSpec}; the validator checks them.
 *
 * @param data        the kind's settings, key to canonical text, sorted by key; empty for kinds without any
 * @param addrGenMode IFLA_INET6_ADDR_GEN_MODE in iproute2's words ({@code eui64}, {@code none},
 *                    {@code stable_secret}, {@code random}), or null when not known (an image made before
 *                    netcr recorded it, or a device without IPv6)
 */
public record LinkConfig(Map<String, String> data, String addrGenMode) {

    /** Nothing recorded: an older image's device, or a loopback. */
    public static final LinkConfig NONE = new LinkConfig(Map.of(), null);

    /** The address generation modes, by IFLA_INET6_ADDR_GEN_MODE number (IN6_ADDR_GEN_MODE_*). */
    public static final List<String> ADDR_GEN_MODES = List.of("eui64", "none", "stable_secret",
            "random");

    public LinkConfig {
        data = data == null || data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
    }

    public static LinkConfig of(Map<String, String> data, String addrGenMode) {
        return (data == null || data.isEmpty()) && addrGenMode == null ? NONE : new LinkConfig(data, addrGenMode);
    }

    public boolean isEmpty() {
        return data.isEmpty() && addrGenMode == null;
    }

    /** A setting, or null. */
    public String get(String key) {
        return data.get(key);
    }

    public LinkConfig withAddrGenMode(String mode) {
        return of(data, mode);
    }

    public LinkConfig withData(Map<String, String> d) {
        return of(d, addrGenMode);
    }
}
