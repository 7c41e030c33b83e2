package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.FibRuleHdr;
import io.netcr.bridge.netlink.IfAddrMsg;
import io.netcr.bridge.netlink.IfInfoMsg;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NdMsg;
import io.netcr.bridge.netlink.TcMsg;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.RtGenMsg;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.bridge.netlink.Rta;
import io.netcr.model.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read-only rtnetlink requests discovery needs, each with its iproute2 equivalent. */
public final class RtnlQueries {

    /** RTEXT_FILTER_SKIP_STATS: statistics are most of a link message and discovery never reads them. */
    private static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    private RtnlQueries() {
    }

    /** Equivalent to {@code ip -d link show}. */
    public static List<NetlinkMessage.Link> links(RtnlSocket s) throws IOException {
        AttributeTree attrs = new AttributeTree().addU32(Ifla.IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        return only(s.dump(Nl.RTM_GETLINK, new IfInfoMsg(Nl.AF_UNSPEC, 0, 0, 0, 0), attrs), NetlinkMessage.Link.class);
    }

    /**
     * One link by ifindex, or empty when there is none (ENODEV). Equivalent to {@code ip -d link show dev
     * NAME}. Like a dump, the reply names a peer's namespace by nsid, assigning one if need be.
     */
    public static Optional<NetlinkMessage.Link> link(RtnlSocket s, int ifindex) throws IOException {
        AttributeTree attrs = new AttributeTree().addU32(Ifla.IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
        try {
            List<NetlinkMessage.Link> one = only(s.request(Nl.RTM_GETLINK, 0,
                    new IfInfoMsg(Nl.AF_UNSPEC, 0, ifindex, 0, 0), attrs), NetlinkMessage.Link.class);
            return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
        } catch (NetlinkErrorException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Equivalent to {@code ip addr show}. */
    public static List<NetlinkMessage.Addr> addresses(RtnlSocket s) throws IOException {
        return only(s.dump(Nl.RTM_GETADDR, new IfAddrMsg(Nl.AF_UNSPEC, 0, 0, 0, 0), null), NetlinkMessage.Addr.class);
    }

    /**
     * Equivalent to {@code ip route show table main} and {@code ip -6 route show table main}. One
     * AF_UNSPEC dump serves both families (strict checking lets the kernel filter by table); should a
     * kernel refuse it, each family is dumped on its own. The result is filtered again by table and family.
     */
    public static List<NetlinkMessage.Route> mainRoutes(RtnlSocket s) throws IOException {
        List<NetlinkMessage> replies;
        try {
            replies = s.dump(Nl.RTM_GETROUTE, mainTable(Nl.AF_UNSPEC), null);
        } catch (NetlinkErrorException e) {
            replies = new ArrayList<>();
            for (int family : new int[] {Nl.AF_INET, Nl.AF_INET6}) {
                try {
                    replies.addAll(s.dump(Nl.RTM_GETROUTE, mainTable(family), null));
                } catch (NetlinkErrorException none) {
                    if (none.errno() != Errno.ENOENT) { // ENOENT: "FIB table does not exist", no route yet
                        throw none;
                    }
                }
            }
        }
        List<NetlinkMessage.Route> out = new ArrayList<>();
        for (NetlinkMessage.Route r : only(replies, NetlinkMessage.Route.class)) {
            int table = r.attributes().u32(Rta.RTA_TABLE).orElse(r.info().table());
            int family = r.info().family();
            if (table == Rta.RT_TABLE_MAIN && (family == Nl.AF_INET || family == Nl.AF_INET6)) {
                out.add(r);
            }
        }
        return out;
    }

    private static RtMsg mainTable(int family) {
        return new RtMsg(family, 0, 0, 0, Rta.RT_TABLE_MAIN, 0, 0, 0, 0);
    }

    /**
     * Equivalent to {@code ip rule show} and {@code ip -6 rule show}: one AF_UNSPEC dump lists every
     * family's rules; only inet and inet6 are kept (the kernel may add ipmr's and others).
     */
    public static List<NetlinkMessage.Rule> rules(RtnlSocket s) throws IOException {
        List<NetlinkMessage.Rule> out = new ArrayList<>();
        for (NetlinkMessage.Rule r : only(s.dump(Nl.RTM_GETRULE, new FibRuleHdr(Nl.AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0),
                null), NetlinkMessage.Rule.class)) {
            if (isInet(r.info().family())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Equivalent to {@code ip route show table all} and {@code ip -6 route show table all}: one unfiltered
     * AF_UNSPEC dump of every table; multicast and other families, and cached clones, are dropped.
     */
    public static List<NetlinkMessage.Route> allRoutes(RtnlSocket s) throws IOException {
        List<NetlinkMessage.Route> out = new ArrayList<>();
        for (NetlinkMessage.Route r : only(s.dump(Nl.RTM_GETROUTE, new RtMsg(Nl.AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0),
                null), NetlinkMessage.Route.class)) {
            if (isInet(r.info().family()) && (r.info().flags() & Rta.RTM_F_CLONED) == 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** Equivalent to {@code ip neigh show} and {@code ip -6 neigh show}: inet and inet6 entries only. */
    public static List<NetlinkMessage.Neigh> neighbours(RtnlSocket s) throws IOException {
        List<NetlinkMessage.Neigh> out = new ArrayList<>();
        for (NetlinkMessage.Neigh n : only(s.dump(Nl.RTM_GETNEIGH, new NdMsg(Nl.AF_UNSPEC, 0, 0, 0, 0), null),
                NetlinkMessage.Neigh.class)) {
            if (isInet(n.info().family())) {
                out.add(n);
            }
        }
        return out;
    }

    /** Equivalent to {@code tc qdisc show}. */
    public static List<NetlinkMessage.Qdisc> qdiscs(RtnlSocket s) throws IOException {
        return only(s.dump(Nl.RTM_GETQDISC, new TcMsg(Nl.AF_UNSPEC, 0, 0, 0, 0), null), NetlinkMessage.Qdisc.class);
    }

    /** The table a route is in: RTA_TABLE when present (tables above 255), else rtm_table. */
    public static int table(NetlinkMessage.Route r) {
        return r.attributes().u32Or(Rta.RTA_TABLE, r.info().table());
    }

    private static boolean isInet(int family) {
        return family == Nl.AF_INET || family == Nl.AF_INET6;
    }

    /** Equivalent to {@code ip netns list-id}: this namespace's nsid table. */
    public static List<NetlinkMessage.NsId> nsids(RtnlSocket s) throws IOException {
        return only(s.dump(Nl.RTM_GETNSID, new RtGenMsg(Nl.AF_UNSPEC), null), NetlinkMessage.NsId.class);
    }

    /**
     * The nsid that the socket's namespace gives the namespace open as {@code nsFd} in this process, or
     * {@link Nl#NETNSA_NSID_NOT_ASSIGNED}. Asking does not assign one.
     */
    public static int nsidOf(RtnlSocket s, int nsFd) throws IOException {
        AttributeTree attrs = new AttributeTree().addU32(Nl.NETNSA_FD, nsFd);
        for (NetlinkMessage m : s.request(Nl.RTM_GETNSID, 0, new RtGenMsg(Nl.AF_UNSPEC), attrs)) {
            if (m instanceof NetlinkMessage.NsId n) {
                return n.nsid();
            }
        }
        throw new NetlinkProtocolException("RTM_GETNSID: no RTM_NEWNSID in the reply");
    }

    private static <T extends NetlinkMessage> List<T> only(List<NetlinkMessage> all, Class<T> type) {
        List<T> out = new ArrayList<>(all.size());
        for (NetlinkMessage m : all) {
            if (type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }
}
