package io.netcr.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A route of a namespace: of its main table in a snapshot, of any table in a checkpoint's image.
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
 * @param table       the routing table as iproute2 names it: "main", "local", "default" or its number
 *                    ("100"); "main" when absent
 * @param tos         the TOS (DSCP) byte it matches (rtm_tos), 0 for any
 * @param flags       RTNH_F_* flags a route can be given, in iproute2's words: "onlink"
 * @param pref        an IPv6 route's preference (RTA_PREF): "low", "medium", "high"; null for IPv4 or when absent
 * @param metrics     RTA_METRICS in iproute2's words ({@code mtu}, {@code advmss}, {@code initcwnd},
 *                    {@code congctl}, ..., and {@code lock}: the RTAX_LOCK bit mask), sorted; values are
 *                    decimal text (a congestion control's name for {@code congctl})
 */
public record Route(String family, String destination, String gateway, String device, int metric, String protocol,
                    String scope, String type, String prefsrc, String table, int tos, List<String> flags,
                    String pref, Map<String, String> metrics) {

    /** The table a snapshot's routes are in, and a route's when nothing says otherwise. */
    public static final String MAIN = "main";
    /** RTNH_F_ONLINK: the gateway is on the link even though no prefix of the link says so. */
    public static final String ONLINK = "onlink";

    public Route {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(destination, "destination");
        protocol = protocol == null ? "boot" : protocol;
        scope = scope == null ? "global" : scope;
        type = type == null ? "unicast" : type;
        table = table == null ? MAIN : table;
        flags = flags == null ? List.of() : List.copyOf(flags);
        metrics = metrics == null || metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** A route of the main table with none of the rarer fields (TOS, flags, preference, metrics). */
    public Route(String family, String destination, String gateway, String device, int metric, String protocol,
                 String scope, String type, String prefsrc) {
        this(family, destination, gateway, device, metric, protocol, scope, type, prefsrc, MAIN, 0, List.of(), null,
                Map.of());
    }

    /** The kernel makes these by itself for every address; a restore need not, and a diff may ignore them. */
    public boolean isKernelMade() {
        return "kernel".equals(protocol);
    }

    public boolean isInet6() {
        return Address.INET6.equals(family);
    }

    public boolean isMain() {
        return MAIN.equals(table);
    }

    public boolean isOnlink() {
        return flags.contains(ONLINK);
    }

    /** The same route under another output device name (an outside half renamed by a restore). */
    public Route withDevice(String newDevice) {
        return new Route(family, destination, gateway, newDevice, metric, protocol, scope, type, prefsrc, table, tos,
                flags, pref, metrics);
    }

    /** The same route in another table. */
    public Route withTable(String newTable) {
        return new Route(family, destination, gateway, device, metric, protocol, scope, type, prefsrc, newTable, tos,
                flags, pref, metrics);
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
     * {@code [TYPE ]DEST[ tos T][ via GW][ dev DEV][ table T][ proto P][ scope S][ src PREFSRC][ metric M]
     * [ onlink][ pref P][ mtu N ...]}. Like iproute2 it leaves out what is usual: type unicast, table main,
     * proto boot, scope global, metric 0.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!"unicast".equals(type)) {
            sb.append(type).append(' ');
        }
        sb.append(destination);
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        if (gateway != null) {
            sb.append(" via ").append(gateway);
        }
        if (device != null) {
            sb.append(" dev ").append(device);
        }
        if (!isMain()) {
            sb.append(" table ").append(table);
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
        for (String flag : flags) {
            sb.append(' ').append(flag);
        }
        if (pref != null) {
            sb.append(" pref ").append(pref);
        }
        RouteMetrics.describe(metrics, sb);
        return sb.toString();
    }
}
