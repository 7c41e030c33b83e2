package io.netcr.bridge.discovery;

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
import java.util.Optional;

/**
 * Learns which namespace each IFLA_LINK_NETNSID names. An nsid is local to the namespace that reports it,
 * and the kernel offers no way from an nsid to a namespace; it does answer the other direction: asked
 * from namespace A with RTM_GETNSID NETNSA_FD=fd(B), it gives B's nsid in A (without assigning one).
 *
 * <p>So for each nsid a namespace uses, candidates are asked in a sensible order: first namespaces
 * holding the other end (a link whose ifindex is our IFLA_LINK and whose IFLA_LINK is our ifindex:
 * a veth's peer points back), then every other namespace. A star of N namespaces thus costs about
 * 2N requests, not N². Answers are kept on the handle for the next snapshot: an nsid names the same
 * namespace as long as both are alive, and discovery keeps both alive while it holds them.
 */
final class PeerResolver {

    private final Map<Long, NamespaceHandle> handles;
    /** (ifindex, iflink) of links that have a link netnsid -> inodes of the namespaces holding them. */
    private final Map<Long, List<Long>> crossLinks = new HashMap<>();

    PeerResolver(Map<Long, NamespaceHandle> handles, Map<Long, NamespaceDump> dumps) {
        this.handles = handles;
        for (Map.Entry<Long, NamespaceDump> e : dumps.entrySet()) {
            for (NetlinkMessage.Link l : e.getValue().links()) {
                if (l.attributes().has(Ifla.IFLA_LINK_NETNSID)) {
                    int iflink = l.attributes().u32(Ifla.IFLA_LINK).orElse(0);
                    crossLinks.computeIfAbsent(key(l.info().index(), iflink), k -> new ArrayList<>()).add(e.getKey());
                }
            }
        }
    }

    /** Resolves every nsid the namespace's links use; uses only that namespace's socket (one thread each). */
    void resolve(NamespaceHandle a, NamespaceDump dump) throws IOException {
        a.nsidToInode.values().removeIf(inode -> !handles.containsKey(inode));
        for (NetlinkMessage.Link l : dump.links()) {
            Optional<Integer> nsid = l.attributes().u32(Ifla.IFLA_LINK_NETNSID);
            if (nsid.isEmpty() || nsid.get() < 0 || a.nsidToInode.containsKey(nsid.get())) {
                continue;
            }
            int iflink = l.attributes().u32(Ifla.IFLA_LINK).orElse(0);
            LinkedHashSet<Long> order = new LinkedHashSet<>(crossLinks.getOrDefault(key(iflink, l.info().index()),
                    List.of()));
            order.addAll(handles.keySet());
            ask(a, nsid.get(), order);
        }
    }

    private void ask(NamespaceHandle a, int wanted, Collection<Long> candidates) throws IOException {
        for (long inode : candidates) {
            NamespaceHandle b = handles.get(inode);
            if (b == null || a.nsidToInode.containsValue(inode)) {
                continue;
            }
            int nsid = RtnlQueries.nsidOf(a.socket, b.nsFd);
            if (nsid != Nl.NETNSA_NSID_NOT_ASSIGNED) {
                a.nsidToInode.put(nsid, inode);
                if (nsid == wanted) {
                    return;
                }
            }
        }
    }

    private static long key(int ifindex, int iflink) {
        return ((long) ifindex << 32) | (iflink & 0xffffffffL);
    }
}
