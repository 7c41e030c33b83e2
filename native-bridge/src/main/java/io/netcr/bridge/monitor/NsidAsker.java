package io.netcr.bridge.monitor;

import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.rtnl.RtnlQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Learns which followed namespace an IFLA_LINK_NETNSID names, as discovery does: the kernel answers
 * RTM_GETNSID with NETNSA_FD (asked from the link's namespace about a candidate's descriptor) without
 * assigning an nsid. The first candidates are the namespaces holding the link that points back (a veth's
 * other end: its ifindex is our IFLA_LINK and its IFLA_LINK our ifindex), so a new veth pair costs one
 * question per end; only a link with no such partner asks every followed namespace.
 */
final class NsidAsker {

    private final Map<Long, WatchedNamespace> watched;
    private Map<Long, List<WatchedNamespace>> backLinks;

    NsidAsker(Map<Long, WatchedNamespace> watched) {
        this.watched = watched;
    }

    /** True when some link of {@code w} names an nsid not (or no longer) known. */
    boolean hasUnknown(WatchedNamespace w) {
        for (NetlinkMessage.Link l : w.raw.linksWithNsid()) {
            int nsid = l.attributes().u32Or(Ifla.IFLA_LINK_NETNSID, -1);
            Long known = w.nsidToInode.get(nsid);
            if (nsid >= 0 && (known == null || !watched.containsKey(known))) {
                return true;
            }
        }
        return false;
    }

    /** Asks (on {@code w}'s request socket; both pins must be in use) for each nsid still unknown. */
    void resolve(WatchedNamespace w) throws IOException {
        w.nsidToInode.values().removeIf(inode -> !watched.containsKey(inode));
        for (NetlinkMessage.Link l : w.raw.linksWithNsid()) {
            int nsid = l.attributes().u32Or(Ifla.IFLA_LINK_NETNSID, -1);
            if (nsid < 0 || w.nsidToInode.containsKey(nsid)) {
                continue;
            }
            LinkedHashSet<WatchedNamespace> order = new LinkedHashSet<>(
                    backLinks().getOrDefault(key(iflink(l), l.info().index()), List.of()));
            order.addAll(watched.values());
            ask(w, nsid, order);
        }
    }

    private void ask(WatchedNamespace w, int wanted, Collection<WatchedNamespace> candidates) throws IOException {
        for (WatchedNamespace c : candidates) {
            if (c == w || w.nsidToInode.containsValue(c.inode) || !c.pin.enter()) {
                continue;
            }
            int nsid;
            try {
                nsid = RtnlQueries.nsidOf(w.requests, c.nsFd);
            } finally {
                c.pin.exit();
            }
            if (nsid != Nl.NETNSA_NSID_NOT_ASSIGNED) {
                w.nsidToInode.put(nsid, c.inode);
                if (nsid == wanted) {
                    return;
                }
            }
        }
    }

    /** (ifindex, iflink) of every link that names an nsid -> the namespaces holding it; made once per round. */
    private Map<Long, List<WatchedNamespace>> backLinks() {
        if (backLinks == null) {
            backLinks = new HashMap<>();
            for (WatchedNamespace w : watched.values()) {
                for (NetlinkMessage.Link l : w.raw.linksWithNsid()) {
                    backLinks.computeIfAbsent(key(l.info().index(), iflink(l)), k -> new ArrayList<>()).add(w);
                }
            }
        }
        return backLinks;
    }

    private static int iflink(NetlinkMessage.Link l) {
        return l.attributes().u32Or(Ifla.IFLA_LINK, 0);
    }

    private static long key(int ifindex, int iflink) {
        return ((long) ifindex << 32) | (iflink & 0xffffffffL);
    }
}
