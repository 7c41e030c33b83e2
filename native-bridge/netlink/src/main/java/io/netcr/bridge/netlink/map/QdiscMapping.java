package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.TcMsg;

/** RTM_NEWQDISC / RTM_DELQDISC as a {@link MappedQdisc}, as {@code tc qdisc show} shows it. */
final class QdiscMapping {

    private QdiscMapping() {
    }

    static MappedQdisc map(NetlinkMessage.Qdisc m, LinkNames names) {
        String kind = m.attributes().stringOr(TcMsg.TCA_KIND, null);
        if (kind == null) {
            throw new IllegalArgumentException("a qdisc message without TCA_KIND");
        }
        return new MappedQdisc(names.nameOrIndex(m.info().ifindex()), kind, m.info().handle(), m.info().parent());
    }
}
