package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedRoute;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A dump's main-table routes as model routes, through the one rtnetlink mapping. */
final class RouteAssembler {

    private RouteAssembler() {
    }

    /** The main table's inet and inet6 routes; a damaged message is a warning on the namespace. */
    static List<Route> routes(NamespaceDump dump, Map<Integer, String> names, SubjectPath where,
                              List<Diagnostic> diags) {
        LinkNames linkNames = LinkNames.of(names);
        List<Route> out = new ArrayList<>(dump.routes().size());
        for (NetlinkMessage.Route m : dump.routes()) {
            Mapped<MappedRoute> mapped = RtnlMapper.route(m, linkNames);
            MappedRoute r = mapped.valueOrNull();
            if (r != null && r.isMain()) {
                out.add(r.route());
            } else if (mapped instanceof Mapped.Damaged<MappedRoute> d) {
                diags.add(Diagnostic.warning(Errno.EBADMSG, where, Phase.SNAPSHOT, "a route the kernel sent could "
                        + "not be read (" + d.problem() + "); it is left out"));
            }
        }
        return out;
    }
}
