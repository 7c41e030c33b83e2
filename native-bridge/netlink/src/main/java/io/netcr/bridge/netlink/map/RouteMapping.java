package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpText;
import io.netcr.model.Route;
import io.netcr.model.RtScope;

/**
 * RTM_NEWROUTE / RTM_DELROUTE as a {@link MappedRoute}, as {@code ip route show table all} shows it: the
 * destination {@code default} when it has no RTA_DST and length 0, {@code 0.0.0.0/N} (iproute2's
 * {@code 0/N}) when it has no RTA_DST but a length; an output device without a name as {@code ifN}. Only
 * inet and inet6 are mapped (not the multicast families of ipmr).
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
        Route route = new Route(RtnlWords.family(family), destination,
                IpBytes.textOrNull(a.bytesOrNull(Rta.RTA_GATEWAY), family, "gateway"),
                oif == null ? null : names.nameOrIndex(oif.u32()),
                a.u32Or(Rta.RTA_PRIORITY, 0),
                RtnlWords.protocol(m.info().protocol()), RtScope.word(m.info().scope()),
                RtnlWords.routeType(m.info().type()),
                IpBytes.textOrNull(a.bytesOrNull(Rta.RTA_PREFSRC), family, "preferred source"));
        return new MappedRoute(table(m), route);
    }

    /** The table a route is in: RTA_TABLE when present (tables above 255), else rtm_table. */
    static int table(NetlinkMessage.Route m) {
        return m.attributes().u32Or(Rta.RTA_TABLE, m.info().table());
    }
}
