package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.rtnl.RtnlQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learns which namespace each IFLA_LINK_NETNSID names. An nsid is local to the namespace that reports it,
 * and the kernel offers no way from an nsid to a namespace; it does answer the other direction: asked
 * from namespace A with RTM_GETNSID NETNSA_FD=fd(B), it gives B's nsid in A (without assigning one).
 *
 * <p>When some nsid is unknown ({@link #hasUnknown}), {@link #index} and three steps, run by
 * {@code LiveDiscovery}: (1) {@link #askFromSmallerSide} — for each veth pair only
 * the end whose namespace uses fewer nsids asks, trying first the namespace holding a link that points
 * back (its ifindex is our IFLA_LINK and its IFLA_LINK our ifindex); (2) {@link #propagate} — veth
 * peering is mutual, so once A's end is known to lead to B, B's end leads to A under B's nsid: a hub
 * with N spokes asks nothing; (3) {@link #askRemaining} — whatever is still open is asked of every
 * namespace in turn. Answers stay on the handles for the next snapshot: an nsid names the same namespace
 * as long as both live, and discovery keeps both alive while it holds them.
 */
final class PeerResolver {

    private final Map<Long, NamespaceHandle> handles;
    /** (ifindex, iflink) of links that have a link netnsid -> inodes of the namespaces holding them. */
    private final Map<Long, List<Long>> crossLinks = new HashMap<>();
    private final Map<Long, Integer> nsidsInUse = new HashMap<>();
    private final Map<Long, Map<Integer, NetlinkMessage.Link>> linksByIndex = new HashMap<>();
    /** Per namespace: its links that name another namespace by nsid. */
    private final Map<Long, List<NetlinkMessage.Link>> linksWithNsid = new HashMap<>();

    private final Map<Long, NamespaceDump> dumps;

    /** Cheap: collects the links that name an nsid, all a refresh of an unchanged host looks at. */
    PeerResolver(Map<Long, NamespaceHandle> handles, Map<Long, NamespaceDump> dumps) {
        this.handles = handles;
        this.dumps = dumps;
        for (Map.Entry<Long, NamespaceDump> e : dumps.entrySet()) {
            for (NetlinkMessage.Link l : e.getValue().links()) {
                if (l.attributes().has(Ifla.IFLA_LINK_NETNSID)) {
                    linksWithNsid.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(l);
                }
            }
        }
    }

    /** Step 0, on one thread, before any other step: indexes every link, for the steps that ask. */
    void index() {
        for (Map.Entry<Long, NamespaceDump> e : dumps.entrySet()) {
            Set<Integer> nsids = new HashSet<>();
            Map<Integer, NetlinkMessage.Link> byIndex = new HashMap<>();
            for (NetlinkMessage.Link l : e.getValue().links()) {
                byIndex.put(l.info().index(), l);
                Optional<Integer> nsid = l.attributes().u32(Ifla.IFLA_LINK_NETNSID);
                if (nsid.isPresent()) {
                    nsids.add(nsid.get());
                    crossLinks.computeIfAbsent(key(l.info().index(), iflink(l)), k -> new ArrayList<>()).add(e.getKey());
                }
            }
            nsidsInUse.put(e.getKey(), nsids.size());
            linksByIndex.put(e.getKey(), byIndex);
        }
    }

    /** True when some link of the namespace names an nsid not yet known: only those need a task. */
    boolean hasUnknown(NamespaceHandle a) {
        for (NetlinkMessage.Link l : linksWithNsid.getOrDefault(a.inode, List.of())) {
            int nsid = l.attributes().u32(Ifla.IFLA_LINK_NETNSID).orElseThrow();
            Long known = a.nsidToInode.get(nsid);
            if (nsid >= 0 && (known == null || !handles.containsKey(known))) {
                return true;
            }
        }
        return false;
    }

    /** Step 1, one thread per namespace (uses only {@code a}'s socket). */
    void askFromSmallerSide(NamespaceHandle a) throws IOException {
        a.nsidToInode.values().removeIf(inode -> !handles.containsKey(inode));
        for (NetlinkMessage.Link l : linksWithNsid.getOrDefault(a.inode, List.of())) {
            Optional<Integer> nsid = l.attributes().u32(Ifla.IFLA_LINK_NETNSID);
            if (nsid.isEmpty() || nsid.get() < 0 || a.nsidToInode.containsKey(nsid.get())) {
                continue;
            }
            List<Long> back = crossLinks.getOrDefault(key(iflink(l), l.info().index()), List.of());
            boolean mine = back.isEmpty() || back.stream().anyMatch(b -> smaller(a.inode, b));
            if (mine) {
                ask(a, nsid.get(), back);
            }
        }
    }

    /** Step 2, on one thread: the other end of every known veth pair learns its own nsid for us. */
    void propagate() {
        for (Map.Entry<Long, List<NetlinkMessage.Link>> e : linksWithNsid.entrySet()) {
            NamespaceHandle a = handles.get(e.getKey());
            for (NetlinkMessage.Link l : e.getValue()) {
                Long b = a.nsidToInode.get(l.attributes().u32(Ifla.IFLA_LINK_NETNSID).orElseThrow());
                NetlinkMessage.Link other = b == null || !linksByIndex.containsKey(b) ? null
                        : linksByIndex.get(b).get(iflink(l));
                Optional<Integer> m = other == null ? Optional.empty() : other.attributes().u32(Ifla.IFLA_LINK_NETNSID);
                if (m.isEmpty() || iflink(other) != l.info().index() || handles.get(b).nsidToInode.containsKey(m.get())
                        || !isVeth(l) || !isVeth(other)) {
                    continue; // not a veth pair seen from both ends, or already known
                }
                handles.get(b).nsidToInode.put(m.get(), a.inode);
            }
        }
    }

    /** Step 3, one thread per namespace: asks for what is still unknown, of every namespace if need be. */
    void askRemaining(NamespaceHandle a) throws IOException {
        for (NetlinkMessage.Link l : linksWithNsid.getOrDefault(a.inode, List.of())) {
            Optional<Integer> nsid = l.attributes().u32(Ifla.IFLA_LINK_NETNSID);
            if (nsid.isEmpty() || nsid.get() < 0 || a.nsidToInode.containsKey(nsid.get())) {
                continue;
            }
            LinkedHashSet<Long> order = new LinkedHashSet<>(crossLinks.getOrDefault(
                    key(iflink(l), l.info().index()), List.of()));
            order.addAll(handles.keySet());
            ask(a, nsid.get(), order);
        }
    }

    private boolean smaller(long a, long b) {
        int na = nsidsInUse.getOrDefault(a, 0);
        int nb = nsidsInUse.getOrDefault(b, Integer.MAX_VALUE);
        return na < nb || na == nb && a < b;
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

    private static boolean isVeth(NetlinkMessage.Link l) {
        return l.attributes().nested(Ifla.IFLA_LINKINFO).flatMap(i -> i.string(Ifla.IFLA_INFO_KIND))
                .filter("veth"::equals).isPresent();
    }

    private static int iflink(NetlinkMessage.Link l) {
        return l.attributes().u32(Ifla.IFLA_LINK).orElse(0);
    }

    private static long key(int ifindex, int iflink) {
        return ((long) ifindex << 32) | (iflink & 0xffffffffL);
    }
}
