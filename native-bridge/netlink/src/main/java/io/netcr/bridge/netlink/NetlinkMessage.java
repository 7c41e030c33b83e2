package io.netcr.bridge.netlink;

/**
 * One decoded netlink message. The rtnetlink messages netcr reads have their own type; anything else
 * is kept as {@link Other} with its raw payload, so that a stream never fails only for holding it.
 */
public sealed interface NetlinkMessage {

    NlMsgHdr header();

    /** RTM_NEWLINK / RTM_DELLINK. */
    record Link(NlMsgHdr header, IfInfoMsg info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWADDR / RTM_DELADDR. */
    record Addr(NlMsgHdr header, IfAddrMsg info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWROUTE / RTM_DELROUTE. */
    record Route(NlMsgHdr header, RtMsg info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWNEIGH / RTM_DELNEIGH: a neighbour (ARP / NDP) entry, or a bridge forwarding entry (AF_BRIDGE). */
    record Neigh(NlMsgHdr header, NdMsg info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWRULE / RTM_DELRULE: a policy routing rule. */
    record Rule(NlMsgHdr header, FibRuleHdr info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWQDISC / RTM_DELQDISC: a device's queueing discipline ({@code tc qdisc}). */
    record Qdisc(NlMsgHdr header, TcMsg info, AttributeTree attributes) implements NetlinkMessage {
    }

    /** RTM_NEWNSID / RTM_DELNSID: struct rtgenmsg plus NETNSA_* attributes. */
    record NsId(NlMsgHdr header, RtGenMsg info, AttributeTree attributes) implements NetlinkMessage {

        /** NETNSA_NSID, or {@link Nl#NETNSA_NSID_NOT_ASSIGNED} when absent. */
        public int nsid() {
            return attributes.u32(Nl.NETNSA_NSID).orElse(Nl.NETNSA_NSID_NOT_ASSIGNED);
        }
    }

    /** NLMSG_ERROR: an error, or (error 0) an acknowledgement. */
    record Error(NlMsgHdr header, NlMsgErr error) implements NetlinkMessage {
    }

    /** NLMSG_DONE: the end of a dump; {@code error} is 0 or a negative errno for a failed dump. */
    record Done(NlMsgHdr header, int error, AttributeTree extAck) implements NetlinkMessage {
    }

    /** Any other message type, payload kept as it came. */
    record Other(NlMsgHdr header, byte[] payload) implements NetlinkMessage {
    }
}
