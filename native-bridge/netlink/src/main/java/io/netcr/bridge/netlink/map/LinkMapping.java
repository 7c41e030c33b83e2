package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.map.kind.KindCodec;
import io.netcr.bridge.netlink.map.kind.KindCodecs;
import io.netcr.bridge.netlink.map.kind.KindData;
import io.netcr.model.Device;
import io.netcr.model.LinkConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * RTM_NEWLINK / RTM_DELLINK as a {@link MappedLink}, in the words of {@code ip -d link}: the kind from
 * IFLA_LINKINFO ("loopback" for lo, which has none), IFF_* flags and carrier, a bridge port's slave kind,
 * the kind's settings from IFLA_INFO_DATA through its codec ({@link KindCodecs}: a vxlan's id and parent, a
 * tun's owner, ...), the IPv6 address generation mode, the peer's nsid. Equivalent to {@code ip -d link show}.
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
        Map<String, String> settings = Map.of();
        KindCodec codec = KindCodecs.of(kind).orElse(null);
        if (codec != null) {
            AttributeTree data = info.nestedOrNull(Ifla.IFLA_INFO_DATA);
            KindData k = codec.decode(data == null ? new AttributeTree() : data);
            settings = k.config();
            props.putAll(k.runtime());
            k.devices().forEach((key, ifindex) -> props.put(key, names.nameOrIndex(ifindex)));
            if (k.lowerIndex() != KindData.NO_LINK_ATTRIBUTE) {
                lower = k.lowerIndex();
            }
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
                .config(LinkConfig.of(settings, addrGenMode(a)))
                .build();
        return new MappedLink(device, master, lower, netnsid);
    }

    /**
     * IFLA_AF_SPEC / AF_INET6 / IFLA_INET6_ADDR_GEN_MODE in iproute2's words, or null when the device has no IPv6
     * state (IPv6 off, an MTU below 1280) or the mode is one netcr does not know.
     */
    static String addrGenMode(AttributeTree a) {
        AttributeTree spec = a.nestedOrNull(Ifla.IFLA_AF_SPEC);
        AttributeTree inet6 = spec == null ? null : spec.nestedOrNull(Nl.AF_INET6);
        Attribute mode = inet6 == null ? null : inet6.find(Ifla.IFLA_INET6_ADDR_GEN_MODE);
        if (mode == null || mode.length() != 1 || mode.u8() >= LinkConfig.ADDR_GEN_MODES.size()) {
            return null;
        }
        return LinkConfig.ADDR_GEN_MODES.get(mode.u8());
    }
}
