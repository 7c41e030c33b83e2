package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Device;
import java.util.HashMap;
import java.util.Map;

/**
 * RTM_NEWLINK / RTM_DELLINK as a {@link MappedLink}, in the words of {@code ip -d link}: the kind from
 * IFLA_LINKINFO ("loopback" for lo, which has none), IFF_* flags and carrier, a bridge port's slave kind,
 * a vxlan's id and parent, the peer's nsid. Equivalent to {@code ip -d link show}.
 */
final class LinkMapping {

    private LinkMapping() {
    }

    static MappedLink map(NetlinkMessage.Link l, LinkNames names) {
        AttributeTree a = l.attributes();
        int index = l.info().index();
        int flags = l.info().flags();
        // iproute2 says "BUG: device with ifindex N has nil ifname" and goes on with ifN; so does netcr
        String name = a.stringOr(Ifla.IFLA_IFNAME, null);
        if (name == null) {
            name = LinkNames.unknown(index);
        }
        AttributeTree info = a.nestedOrNull(Ifla.IFLA_LINKINFO);
        String kind = info == null ? "" : info.stringOr(Ifla.IFLA_INFO_KIND, "");
        if (kind.isEmpty() && (flags & Ifla.IFF_LOOPBACK) != 0) {
            kind = Device.LOOPBACK; // the kernel gives lo no kind of its own
        }
        Map<String, String> props = new HashMap<>();
        props.put("flags", RtnlWords.linkFlags(flags));
        Attribute carrier = a.find(Ifla.IFLA_CARRIER);
        if (carrier != null) {
            props.put("carrier", Integer.toString(carrier.u8()));
        }
        String slaveKind = info == null ? null : info.stringOr(Ifla.IFLA_INFO_SLAVE_KIND, null);
        if (slaveKind != null) {
            props.put("slave_kind", slaveKind);
        }
        int lower = a.u32Or(Ifla.IFLA_LINK, 0);
        AttributeTree data = info == null ? null : info.nestedOrNull(Ifla.IFLA_INFO_DATA);
        if ("vxlan".equals(kind) && data != null) {
            Attribute id = data.find(Ifla.IFLA_VXLAN_ID);
            if (id != null) {
                props.put("vxlan.id", Integer.toString(id.u32()));
            }
            lower = data.u32Or(Ifla.IFLA_VXLAN_LINK, lower);
        }
        Attribute nsidAttr = a.find(Ifla.IFLA_LINK_NETNSID);
        int netnsid = nsidAttr == null ? MappedLink.SAME_NAMESPACE : nsidAttr.u32();
        if (nsidAttr != null) {
            props.put("link_netnsid", Integer.toString(netnsid));
        }
        int master = a.u32Or(Ifla.IFLA_MASTER, 0);
        byte[] mac = a.bytesOrNull(Ifla.IFLA_ADDRESS);
        Device device = Device.builder(index, name, kind)
                .mac(mac == null ? null : RtnlWords.mac(mac))
                .mtu(a.u32Or(Ifla.IFLA_MTU, 0))
                .up((flags & Ifla.IFF_UP) != 0)
                .operstate(RtnlWords.operstate(a.u8Or(Ifla.IFLA_OPERSTATE, 0)))
                .master(master == 0 ? null : names.nameOf(master))
                .properties(props)
                .build();
        return new MappedLink(device, master, lower, netnsid);
    }
}
