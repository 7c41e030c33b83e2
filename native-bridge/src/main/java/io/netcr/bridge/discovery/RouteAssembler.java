package io.netcr.bridge.discovery;

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
            String dst = a.bytes(Rta.RTA_DST).map(b -> IpText.format(b) + "/" + m.info().dstLen()).orElse("default");
            out.add(new Route(RtnlWords.family(m.info().family()), dst,
                    a.bytes(Rta.RTA_GATEWAY).map(IpText::format).orElse(null),
                    a.u32(Rta.RTA_OIF).map(names::get).orElse(null),
                    a.u32(Rta.RTA_PRIORITY).orElse(0),
                    RtnlWords.protocol(m.info().protocol()), RtnlWords.scope(m.info().scope()),
                    RtnlWords.routeType(m.info().type()),
                    a.bytes(Rta.RTA_PREFSRC).map(IpText::format).orElse(null)));
        }
        return out;
    }
}
