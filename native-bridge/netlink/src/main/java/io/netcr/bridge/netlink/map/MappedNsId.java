package io.netcr.bridge.netlink.map;

/**
 * An nsid message: the number by which the message's namespace knows another one (RTM_NEWNSID when it is
 * assigned, RTM_DELNSID when that namespace is gone). Which namespace it names, one message cannot say:
 * the reader that follows namespaces learns it (see discovery's PeerResolver).
 *
 * @param nsid NETNSA_NSID
 */
public record MappedNsId(int nsid) {
}
