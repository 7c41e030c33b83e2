package io.netcr.bridge.netlink.map;

import io.netcr.model.Device;

/**
 * A link message as a device, with what only its namespace's reader can resolve left as numbers: the peer
 * or parent ({@code lowerIndex}, in the namespace {@code linkNetnsid} names) and, when its name was not
 * known, the master. {@code device} has no addresses, peer or parent yet.
 *
 * @param device      the device: name, kind, MAC, MTU, state, master's name (null when unknown), properties
 * @param masterIndex IFLA_MASTER, 0 when none
 * @param lowerIndex  the device it sits on or is paired with (IFLA_LINK; a vxlan's IFLA_VXLAN_LINK), 0 when none
 * @param linkNetnsid IFLA_LINK_NETNSID: the nsid, in the message's namespace, of the namespace
 *                    {@code lowerIndex} lives in; {@link #SAME_NAMESPACE} when absent
 */
public record MappedLink(Device device, int masterIndex, int lowerIndex, int linkNetnsid) {

    /** No IFLA_LINK_NETNSID: {@code lowerIndex} is in the message's own namespace. */
    public static final int SAME_NAMESPACE = Integer.MIN_VALUE;

    public boolean hasLinkNetnsid() {
        return linkNetnsid != SAME_NAMESPACE;
    }

    /**
     * True when the device names another device: a veth's peer, a macvlan's or vxlan's parent. A device
     * whose IFLA_LINK is its own ifindex in its own namespace (as most kinds report) names none.
     */
    public boolean hasLower() {
        return lowerIndex != 0 && (lowerIndex != device.ifindex() || hasLinkNetnsid());
    }
}
