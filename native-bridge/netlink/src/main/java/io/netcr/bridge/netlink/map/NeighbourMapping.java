package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Nda;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Neighbour;

/**
 * RTM_NEWNEIGH / RTM_DELNEIGH as an {@link IndexedNeighbour}, as {@code ip neigh} shows it.
 * (Only inet and inet6 reach it: AF_BRIDGE messages are a bridge's forwarding entries, {@code bridge fdb}.)
 */
final class NeighbourMapping {

    private NeighbourMapping() {
    }

    /** An inet or inet6 message (the caller has checked). */
    static IndexedNeighbour map(NetlinkMessage.Neigh m, LinkNames names) {
        int family = m.info().family();
        AttributeTree a = m.attributes();
        byte[] dst = a.bytesOrNull(Nda.NDA_DST);
        if (dst == null) {
            throw new IllegalArgumentException("a neighbour message without NDA_DST");
        }
        byte[] lladdr = a.bytesOrNull(Nda.NDA_LLADDR);
        int ifindex = m.info().ifindex();
        return new IndexedNeighbour(ifindex, new Neighbour(RtnlWords.family(family),
                IpBytes.text(dst, family, "neighbour address"), names.nameOrIndex(ifindex),
                lladdr == null ? null : RtnlWords.mac(lladdr), RtnlWords.neighbourStates(m.info().state()),
                RtnlWords.neighbourFlags(m.info().flags())));
    }
}
