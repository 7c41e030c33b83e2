package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpText;
import io.netcr.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Main-table route messages as model routes, in iproute2's words. */
final class RouteAssembler {

    private RouteAssembler() {
    }

    static List<Route> routes(NamespaceDump dump, Map<Integer, String> names) {
        List<Route> out = new ArrayList<>();
        for (NetlinkMessage.Route m : dump.routes()) {
            AttributeTree a = m.attributes();
            byte[] dst = a.bytesOrNull(Rta.RTA_DST);
            Attribute oif = a.find(Rta.RTA_OIF);
            out.add(new Route(RtnlWords.family(m.info().family()),
                    dst == null ? "default" : IpText.format(dst) + "/" + m.info().dstLen(),
                    ipOrNull(a.bytesOrNull(Rta.RTA_GATEWAY)),
                    oif == null ? null : names.get(oif.u32()),
                    a.u32Or(Rta.RTA_PRIORITY, 0),
                    RtnlWords.protocol(m.info().protocol()), RtnlWords.scope(m.info().scope()),
                    RtnlWords.routeType(m.info().type()),
                    ipOrNull(a.bytesOrNull(Rta.RTA_PREFSRC))));
        }
        return out;
    }

    private static String ipOrNull(byte[] ip) {
        return ip == null ? null : IpText.format(ip);
    }
}
