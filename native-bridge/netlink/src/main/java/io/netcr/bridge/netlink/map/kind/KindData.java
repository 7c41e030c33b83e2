package io.netcr.bridge.netlink.map.kind;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a kind's IFLA_INFO_DATA says, in the model's words.
 *
 * @param config     the settings a restore sets again (the model's {@code LinkConfig.data})
 * @param runtime    what the kernel keeps at run time, for the device's properties (a tun's attached queues)
 * @param lowerIndex the ifindex of the device it sits on when the kind names it in its own data (a vxlan's
 *                   IFLA_VXLAN_LINK, a tunnel's IFLA_IPTUN_LINK); 0 when none, -1 when the kind has no such
 *                   attribute (IFLA_LINK then says)
 * @param devices    run-time entries that name a device of the namespace by ifindex (a bond's primary), for
 *                   the mapping to write by name
 */
public record KindData(Map<String, String> config, Map<String, String> runtime, int lowerIndex,
                       Map<String, Integer> devices) {

    public static final int NO_LINK_ATTRIBUTE = -1;

    public KindData {
        config = Collections.unmodifiableMap(new TreeMap<>(config));
        runtime = Collections.unmodifiableMap(new TreeMap<>(runtime));
        devices = Collections.unmodifiableMap(new TreeMap<>(devices));
    }

    public KindData(Map<String, String> config, Map<String, String> runtime, int lowerIndex) {
        this(config, runtime, lowerIndex, Map.of());
    }
}
