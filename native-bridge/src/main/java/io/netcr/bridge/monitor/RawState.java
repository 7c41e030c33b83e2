package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.NamespaceDump;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.model.PolicyRule;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One namespace's rtnetlink state as the kernel last described it: the messages of a dump, kept up to date
 * by the notifications that followed it. Each notification carries an object's whole state, so keeping the
 * last message per object (links by ifindex, addresses by device and address, main-table routes by their
 * identity) and dropping it on RTM_DEL* gives what a dump would give now; the model is made from these
 * messages by the same assembly and mapping as a snapshot's ({@link #dump}).
 *
 * <p>What the kernel changes without a notification is read again: IPv4 routes through a device that goes
 * down or away are flushed silently (fib_sync_down_dev), so such a link event marks the routes stale and the
 * monitor dumps them once before it publishes.
 */
final class RawState {

    /** RTM_F_CLONED: a cached route (an IPv6 exception), never part of a table dump. */
    private static final int RTM_F_CLONED = 0x200;
    private static final int IFF_UP = 0x1;
    private static final HexFormat HEX = HexFormat.of();

    private final TreeMap<Integer, NetlinkMessage.Link> links = new TreeMap<>();
    private final Map<String, NetlinkMessage.Addr> addresses = new LinkedHashMap<>();
    private final Map<String, NetlinkMessage.Route> routes = new LinkedHashMap<>();
    private final Set<PolicyRule> rules = new LinkedHashSet<>();
    private NamespaceDump cached;
    /** Set when a link was added, removed or renamed: peers elsewhere name its devices. */
    boolean namesChanged;
    /** Set when routes may have changed without a notification. */
    boolean routesStale;
    /** Set when the rules changed. */
    boolean rulesChanged;
    /**
     * Links first seen in a notification, to be asked for once: the kernel announces a veth's far end
     * before the pair is joined (veth_newlink registers the peer first), so that notification names no
     * peer, and none follows when the pair is complete.
     */
    final Set<Integer> unsure = new LinkedHashSet<>();

    /** Starts over from a dump and the namespace's rules. */
    void reset(NamespaceDump dump, List<NetlinkMessage.Rule> ruleMessages) {
        links.clear();
        addresses.clear();
        routes.clear();
        dump.links().forEach(l -> links.put(l.info().index(), l));
        dump.addresses().forEach(a -> addresses.put(key(a), a));
        dump.routes().forEach(r -> routes.put(key(r), r));
        Set<PolicyRule> before = new LinkedHashSet<>(rules);
        rules.clear();
        ruleMessages.forEach(this::rule);
        rulesChanged |= !before.equals(rules);
        cached = null;
        namesChanged = true;
        routesStale = false;
        unsure.clear();
    }

    /** A link as the kernel describes it now (asked for); null when it is gone. */
    void relink(int index, NetlinkMessage.Link now) {
        cached = null;
        if (now == null) {
            links.remove(index);
            addresses.values().removeIf(a -> a.info().index() == index);
            routesStale = true;
        } else {
            links.put(index, now);
        }
        namesChanged = true;
    }

    /** Replaces the main-table routes with a fresh dump's. */
    void resetRoutes(List<NetlinkMessage.Route> fresh) {
        routes.clear();
        fresh.forEach(r -> routes.put(key(r), r));
        cached = null;
        routesStale = false;
    }

    /** Applies one notification. */
    void apply(NetlinkMessage m) {
        if (m instanceof NetlinkMessage.Link l) {
            link(l);
        } else if (m instanceof NetlinkMessage.Addr a) {
            address(a);
        } else if (m instanceof NetlinkMessage.Route r) {
            route(r);
        } else if (m instanceof NetlinkMessage.Rule r) {
            rulesChanged |= rule(r);
        }
    }

    private void link(NetlinkMessage.Link l) {
        if (l.info().family() != Nl.AF_UNSPEC) {
            return; // AF_BRIDGE's port notifications describe the bridge port, not the device
        }
        int index = l.info().index();
        cached = null;
        if (l.header().type() == Nl.RTM_DELLINK) {
            links.remove(index);
            unsure.remove(index);
            addresses.values().removeIf(a -> a.info().index() == index);
            namesChanged = true;
            routesStale = true;
            return;
        }
        NetlinkMessage.Link before = links.put(index, l);
        if (before == null) {
            unsure.add(index);
        }
        if (before == null || !name(before).equals(name(l))) {
            namesChanged = true;
        }
        if (before != null && (before.info().flags() & IFF_UP) != (l.info().flags() & IFF_UP)) {
            routesStale = true;
        }
    }

    private void address(NetlinkMessage.Addr a) {
        cached = null;
        if (a.header().type() == Nl.RTM_DELADDR) {
            addresses.remove(key(a));
            routesStale = true; // the prefix and local routes go with it
        } else {
            addresses.put(key(a), a);
        }
    }

    private void route(NetlinkMessage.Route r) {
        int family = r.info().family();
        if (RtnlQueries.table(r) != Rta.RT_TABLE_MAIN || (r.info().flags() & RTM_F_CLONED) != 0
                || family != Nl.AF_INET && family != Nl.AF_INET6) {
            return; // a snapshot holds the main table's inet and inet6 routes
        }
        cached = null;
        String key = key(r);
        if (r.header().type() == Nl.RTM_DELROUTE) {
            if (routes.remove(key) == null) {
                removeFirst(replaceKey(r));
            }
            return;
        }
        if (r.header().has(Nl.NLM_F_REPLACE)) {
            removeFirst(replaceKey(r));
        }
        routes.put(key, r);
    }

    private void removeFirst(String replaceKey) {
        for (Iterator<NetlinkMessage.Route> it = routes.values().iterator(); it.hasNext(); ) {
            if (replaceKey(it.next()).equals(replaceKey)) {
                it.remove();
                return;
            }
        }
    }

    /** Adds or removes a rule; true when the set changed. */
    private boolean rule(NetlinkMessage.Rule r) {
        PolicyRule p = RtnlMapper.rule(r).valueOrNull();
        if (p == null) {
            return false;
        }
        return r.header().type() == Nl.RTM_DELRULE ? rules.remove(p) : rules.add(p);
    }

    /** The state as a dump (links in ifindex order), for the assembly; kept until the next change. */
    NamespaceDump dump() {
        if (cached == null) {
            cached = new NamespaceDump(List.copyOf(links.values()), List.copyOf(addresses.values()),
                    List.copyOf(routes.values()), false);
        }
        return cached;
    }

    /** The policy rules, by family and priority. */
    List<PolicyRule> rules() {
        List<PolicyRule> out = new ArrayList<>(rules);
        out.sort((a, b) -> a.family().equals(b.family()) ? Long.compare(a.priority(), b.priority())
                : a.family().compareTo(b.family()));
        return out;
    }

    /** The links that name another namespace by nsid (IFLA_LINK_NETNSID). */
    List<NetlinkMessage.Link> linksWithNsid() {
        List<NetlinkMessage.Link> out = new ArrayList<>();
        for (NetlinkMessage.Link l : links.values()) {
            if (l.attributes().has(Ifla.IFLA_LINK_NETNSID)) {
                out.add(l);
            }
        }
        return out;
    }

    private static String name(NetlinkMessage.Link l) {
        return l.attributes().stringOr(Ifla.IFLA_IFNAME, "");
    }

    /** An address's identity: family, device, prefix length, local and peer address. */
    private static String key(NetlinkMessage.Addr a) {
        return a.info().family() + " " + a.info().index() + " " + a.info().prefixlen() + " "
                + hex(a.attributes().bytesOrNull(Ifa.IFA_LOCAL)) + " " + hex(a.attributes().bytesOrNull(Ifa.IFA_ADDRESS));
    }

    /** A route's identity: what tells two routes of one table apart (destination, tos, metric, device, gateway). */
    private static String key(NetlinkMessage.Route r) {
        return replaceKey(r) + " " + r.info().type() + " " + r.attributes().u32Or(Rta.RTA_OIF, 0) + " "
                + hex(r.attributes().bytesOrNull(Rta.RTA_GATEWAY)) + " " + hex(r.attributes().bytesOrNull(Rta.RTA_MULTIPATH));
    }

    /** What NLM_F_REPLACE matches on: family, destination, tos and metric. */
    private static String replaceKey(NetlinkMessage.Route r) {
        return r.info().family() + " " + hex(r.attributes().bytesOrNull(Rta.RTA_DST)) + "/" + r.info().dstLen() + " "
                + r.info().tos() + " " + Integer.toUnsignedString(r.attributes().u32Or(Rta.RTA_PRIORITY, 0));
    }

    private static String hex(byte[] b) {
        return b == null ? "-" : HEX.formatHex(b);
    }

    @Override
    public String toString() {
        return "RawState[" + links.size() + " links, " + addresses.size() + " addresses, " + routes.size()
                + " routes, " + rules.size() + " rules]";
    }
}
