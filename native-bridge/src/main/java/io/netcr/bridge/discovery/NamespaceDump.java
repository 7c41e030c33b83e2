package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.rtnl.DumpInterruptedException;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw rtnetlink state of one namespace: links, addresses and main-table routes as the kernel sent
 * them. {@code interrupted} is true when the kernel kept flagging the dumps as inconsistent.
 */
public record NamespaceDump(List<NetlinkMessage.Link> links, List<NetlinkMessage.Addr> addresses,
                     List<NetlinkMessage.Route> routes, boolean interrupted, Map<Integer, String> namesByIndex) {

    /**
     * {@code namesByIndex} (ifindex -> name) is made here, on the thread that read the dump: every other
     * namespace's assembly looks names up in it, and a thousand of them made on one thread afterwards
     * were a tenth of a refresh.
     */
    public NamespaceDump(List<NetlinkMessage.Link> links, List<NetlinkMessage.Addr> addresses,
                  List<NetlinkMessage.Route> routes, boolean interrupted) {
        this(links, addresses, routes, interrupted, namesOf(links));
    }

    private static Map<Integer, String> namesOf(List<NetlinkMessage.Link> links) {
        Map<Integer, String> names = new HashMap<>(links.size() * 2);
        for (NetlinkMessage.Link l : links) {
            String name = l.attributes().stringOr(Ifla.IFLA_IFNAME, null);
            names.put(l.info().index(), name != null ? name : LinkNames.unknown(l.info().index())); // as the mapping does
        }
        return Collections.unmodifiableMap(names);
    }

    /** Attempts before accepting a dump the kernel flagged NLM_F_DUMP_INTR. */
    public static final int ATTEMPTS = 5;

    /** One dump on a namespace's socket, as a call that can be made again. */
    @FunctionalInterface
    interface Dump<T> {
        List<T> run() throws IOException;
    }

    /** Reads all three; a dump interrupted by a concurrent change is retried, at most {@link #ATTEMPTS} times. */
    public static NamespaceDump read(RtnlSocket s) throws IOException {
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            try {
                return new NamespaceDump(RtnlQueries.links(s), RtnlQueries.addresses(s), RtnlQueries.mainRoutes(s),
                        false);
            } catch (DumpInterruptedException e) {
                // the namespace changed while being read: read it again
            }
        }
        boolean[] interrupted = {false};
        List<NetlinkMessage.Link> links = lastTry(() -> RtnlQueries.links(s), NetlinkMessage.Link.class, interrupted);
        List<NetlinkMessage.Addr> addrs = lastTry(() -> RtnlQueries.addresses(s), NetlinkMessage.Addr.class,
                interrupted);
        List<NetlinkMessage.Route> routes = lastTry(() -> RtnlQueries.mainRoutes(s), NetlinkMessage.Route.class,
                interrupted);
        return new NamespaceDump(links, addrs, routes, interrupted[0]);
    }

    private static <T> List<T> lastTry(Dump<T> dump, Class<T> type, boolean[] interrupted) throws IOException {
        try {
            return dump.run();
        } catch (DumpInterruptedException e) {
            interrupted[0] = true;
            return e.partial().stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
