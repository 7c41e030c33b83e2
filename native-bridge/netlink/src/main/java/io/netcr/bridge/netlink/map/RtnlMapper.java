package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.model.PolicyRule;
import java.util.function.Supplier;

/**
 * The one way from an rtnetlink message to the model (see the package's documentation): one method per
 * message kind, and {@link #map} for any message of a mixed stream, as a monitor's multicast socket
 * delivers them. Stateless and safe on any thread; {@code names} is the message's namespace's.
 */
public final class RtnlMapper {

    private RtnlMapper() {
    }

    /** A device (RTM_NEWLINK / RTM_DELLINK); peer and parent are left for the caller to resolve. */
    public static Mapped<MappedLink> link(NetlinkMessage.Link m, LinkNames names) {
        return Mapped.guard(removed(m, Nl.RTM_DELLINK), () -> LinkMapping.map(m, names));
    }

    /** An address (RTM_NEWADDR / RTM_DELADDR); other families than inet and inet6 are ignored. */
    public static Mapped<IndexedAddress> address(NetlinkMessage.Addr m, LinkNames names) {
        return inet(m, m.info().family(), Nl.RTM_DELADDR, () -> AddressMapping.map(m, names));
    }

    /** A route of any table (RTM_NEWROUTE / RTM_DELROUTE); other families than inet and inet6 are ignored. */
    public static Mapped<MappedRoute> route(NetlinkMessage.Route m, LinkNames names) {
        return inet(m, m.info().family(), Nl.RTM_DELROUTE, () -> RouteMapping.map(m, names));
    }

    /** A policy routing rule (RTM_NEWRULE / RTM_DELRULE); other families than inet and inet6 are ignored. */
    public static Mapped<PolicyRule> rule(NetlinkMessage.Rule m) {
        return inet(m, m.info().family(), Nl.RTM_DELRULE, () -> RuleMapping.map(m));
    }

    /** A neighbour (RTM_NEWNEIGH / RTM_DELNEIGH); bridge forwarding entries and other families are ignored. */
    public static Mapped<IndexedNeighbour> neighbour(NetlinkMessage.Neigh m, LinkNames names) {
        return inet(m, m.info().family(), Nl.RTM_DELNEIGH, () -> NeighbourMapping.map(m, names));
    }

    /** A qdisc (RTM_NEWQDISC / RTM_DELQDISC). */
    public static Mapped<MappedQdisc> qdisc(NetlinkMessage.Qdisc m, LinkNames names) {
        return Mapped.guard(removed(m, Nl.RTM_DELQDISC), () -> QdiscMapping.map(m, names));
    }

    /** An nsid assigned (RTM_NEWNSID) or gone (RTM_DELNSID). */
    public static Mapped<MappedNsId> nsid(NetlinkMessage.NsId m) {
        return Mapped.guard(removed(m, Nl.RTM_DELNSID), () -> {
            Attribute nsid = m.attributes().find(Nl.NETNSA_NSID);
            if (nsid == null) {
                throw new IllegalArgumentException("an nsid message without NETNSA_NSID");
            }
            return new MappedNsId(nsid.u32());
        });
    }

    /**
     * Any message: its kind's mapping, or Ignored for a message that carries no model record (errors,
     * dump ends, types not mapped). The Value's record is a {@link MappedLink}, {@link IndexedAddress},
     * {@link MappedRoute}, {@link PolicyRule}, {@link IndexedNeighbour}, {@link MappedNsId} or {@link MappedQdisc}.
     */
    public static Mapped<?> map(NetlinkMessage m, LinkNames names) {
        if (m instanceof NetlinkMessage.Link l) {
            return link(l, names);
        } else if (m instanceof NetlinkMessage.Addr a) {
            return address(a, names);
        } else if (m instanceof NetlinkMessage.Route r) {
            return route(r, names);
        } else if (m instanceof NetlinkMessage.Rule r) {
            return rule(r);
        } else if (m instanceof NetlinkMessage.Neigh n) {
            return neighbour(n, names);
        } else if (m instanceof NetlinkMessage.NsId n) {
            return nsid(n);
        } else if (m instanceof NetlinkMessage.Qdisc q) {
            return qdisc(q, names);
        }
        return new Mapped.Ignored<>("message type " + m.header().type() + " carries no model record");
    }

    private static boolean removed(NetlinkMessage m, int deleteType) {
        return m.header().type() == deleteType;
    }

    /** The model holds IP records only: other families (ipmr's, AF_BRIDGE's, ...) are Ignored, not mapped. */
    private static <T> Mapped<T> inet(NetlinkMessage m, int family, int deleteType, Supplier<T> mapping) {
        if (family != Nl.AF_INET && family != Nl.AF_INET6) {
            return new Mapped.Ignored<>("address family " + family + " is neither inet nor inet6");
        }
        return Mapped.guard(removed(m, deleteType), mapping);
    }
}
