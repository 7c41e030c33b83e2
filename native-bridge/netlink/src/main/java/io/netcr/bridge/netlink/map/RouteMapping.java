package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpText;
import io.netcr.model.Route;
import io.netcr.model.RouteMetrics;
import io.netcr.model.RtScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RTM_NEWROUTE / RTM_DELROUTE as a {@link MappedRoute}, as {@code ip route show table all} shows it: the
 * destination {@code default} when it has no RTA_DST and length 0, {@code 0.0.0.0/N} (iproute2's
 * {@code 0/N}) when it has no RTA_DST but a length; an output device without a name as {@code ifN}; its
 * table, TOS, the onlink flag, an IPv6 route's preference and its metrics. What the model cannot hold (several
 * next hops, a nexthop object, an encapsulation, a gateway of another family, a source prefix, realms) is
 * named in {@link MappedRoute#unsupported()}. Only inet and inet6 are mapped (not the multicast families of
 * ipmr).
 */
final class RouteMapping {

    private RouteMapping() {
    }

    /** An inet or inet6 message (the caller has checked). */
    static MappedRoute map(NetlinkMessage.Route m, LinkNames names) {
        int family = m.info().family();
        AttributeTree a = m.attributes();
        int dstLen = IpBytes.prefixLength(m.info().dstLen(), family, "route destination");
        byte[] dst = a.bytesOrNull(Rta.RTA_DST);
        String destination;
        if (dst != null) {
            destination = IpBytes.text(dst, family, "route destination") + "/" + dstLen;
        } else {
            destination = dstLen == 0 ? "default" : IpText.format(new byte[IpBytes.length(family)]) + "/" + dstLen;
        }
        Attribute oif = a.find(Rta.RTA_OIF);
        int table = table(m);
        Route route = new Route(RtnlWords.family(family), destination,
                IpBytes.textOrNull(a.bytesOrNull(Rta.RTA_GATEWAY), family, "gateway"),
                oif == null ? null : names.nameOrIndex(oif.u32()),
                a.u32Or(Rta.RTA_PRIORITY, 0),
                RtnlWords.protocol(m.info().protocol()), RtScope.word(m.info().scope()),
                RtnlWords.routeType(m.info().type()),
                IpBytes.textOrNull(a.bytesOrNull(Rta.RTA_PREFSRC), family, "preferred source"),
                RtnlWords.table(table), m.info().tos(),
                (m.info().flags() & Rta.RTNH_F_ONLINK) != 0 ? List.of(Route.ONLINK) : List.of(),
                a.has(Rta.RTA_PREF) ? preference(a.u8Or(Rta.RTA_PREF, 0)) : null, metrics(a.nestedOrNull(Rta.RTA_METRICS)));
        return new MappedRoute(table, route, unsupported(m));
    }

    /** The table a route is in: RTA_TABLE when present (tables above 255), else rtm_table. */
    static int table(NetlinkMessage.Route m) {
        return m.attributes().u32Or(Rta.RTA_TABLE, m.info().table());
    }

    /** ICMPV6_ROUTER_PREF_* as iproute2 words it. */
    private static String preference(int pref) {
        return switch (pref) {
            case Rta.PREF_MEDIUM -> "medium";
            case Rta.PREF_HIGH -> "high";
            case Rta.PREF_LOW -> "low";
            default -> throw new IllegalArgumentException("a route preference of " + pref + " (not 0, 1 or 3)");
        };
    }

    /** RTA_METRICS: RTAX_* attributes, u32 each but RTAX_CC_ALGO (a name). */
    private static Map<String, String> metrics(AttributeTree metrics) {
        if (metrics == null) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        for (Attribute x : metrics.all()) {
            String word = RouteMetrics.word(x.type());
            out.put(word, x.type() == RouteMetrics.RTAX_CC_ALGO ? x.string() : Long.toString(x.u32Long()));
        }
        return out;
    }

    /** What this route has that the model's route cannot hold: a restore would make another route. */
    private static List<String> unsupported(NetlinkMessage.Route m) {
        AttributeTree a = m.attributes();
        List<String> out = new ArrayList<>();
        if (a.has(Rta.RTA_MULTIPATH)) {
            out.add("several next hops (multipath)");
        }
        if (a.has(Rta.RTA_NH_ID)) {
            out.add("a nexthop object (nhid)");
        }
        if (a.has(Rta.RTA_ENCAP) || a.has(Rta.RTA_ENCAP_TYPE)) {
            out.add("an encapsulation (encap)");
        }
        if (a.has(Rta.RTA_VIA)) {
            out.add("a gateway of another family (via)");
        }
        if (m.info().srcLen() != 0) {
            out.add("a source prefix (from)");
        }
        if (a.has(Rta.RTA_FLOW)) {
            out.add("realms");
        }
        return out;
    }
}
