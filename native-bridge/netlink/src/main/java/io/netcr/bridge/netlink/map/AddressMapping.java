package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Address;
import io.netcr.model.RtScope;

/**
 * RTM_NEWADDR / RTM_DELADDR as an {@link IndexedAddress}, as {@code ip addr} shows it: IFA_LOCAL (else
 * IFA_ADDRESS, as iproute2 takes it for IPv6), the full flags of IFA_FLAGS (else the u8 of the header), the
 * label only when it is not the device's name. Only inet and inet6 reach it (see RtnlMapper).
 */
final class AddressMapping {

    private AddressMapping() {
    }

    /** An inet or inet6 message (the caller has checked). */
    static IndexedAddress map(NetlinkMessage.Addr m, LinkNames names) {
        int family = m.info().family();
        AttributeTree a = m.attributes();
        byte[] ip = a.bytesOrNull(Ifa.IFA_LOCAL);
        if (ip == null) {
            ip = a.bytesOrNull(Ifa.IFA_ADDRESS);
        }
        if (ip == null) {
            throw new IllegalArgumentException("an address message without IFA_LOCAL or IFA_ADDRESS");
        }
        String text = IpBytes.text(ip, family, "address");
        int prefixlen = IpBytes.prefixLength(m.info().prefixlen(), family, "address");
        int flags = a.u32Or(Ifa.IFA_FLAGS, m.info().flags());
        String label = a.stringOr(Ifa.IFA_LABEL, null);
        if (label != null && label.equals(names.nameOf(m.info().index()))) {
            label = null;
        }
        return new IndexedAddress(m.info().index(), new Address(RtnlWords.family(family), text, prefixlen,
                RtScope.word(m.info().scope()), RtnlWords.addressFlags(flags, family), label));
    }
}
