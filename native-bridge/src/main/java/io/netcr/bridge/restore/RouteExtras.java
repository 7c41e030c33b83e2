package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Rta;
import io.netcr.model.Route;
import io.netcr.model.RouteMetrics;
import java.util.Map;

/**
 * The attributes of a route beyond version 1's that {@code ip route add} sends: RTA_PREF for an IPv6 route's
 * preference, and RTA_METRICS (mtu, advmss, ..., lock; congctl by name). Table, TOS and onlink go in the
 * message itself (see RestoreMessages).
 */
final class RouteExtras {

    private RouteExtras() {
    }

    static void add(Route r, AttributeTree a) {
        if (r.pref() != null) {
            a.addU8(Rta.RTA_PREF, switch (r.pref()) {
                case "low" -> Rta.PREF_LOW;
                case "high" -> Rta.PREF_HIGH;
                case "medium" -> Rta.PREF_MEDIUM;
                default -> throw new IllegalArgumentException("not a route preference: " + r.pref());
            });
        }
        if (!r.metrics().isEmpty()) {
            AttributeTree m = a.addNest(Rta.RTA_METRICS);
            for (Map.Entry<String, String> e : r.metrics().entrySet()) {
                int n = RouteMetrics.number(e.getKey()).orElseThrow(() -> new IllegalArgumentException("not a route metric: "
                        + e.getKey()));
                if (n == RouteMetrics.RTAX_CC_ALGO) {
                    m.addString(n, e.getValue());
                } else {
                    m.addU32(n, (int) Long.parseLong(e.getValue()));
                }
            }
        }
    }
}
