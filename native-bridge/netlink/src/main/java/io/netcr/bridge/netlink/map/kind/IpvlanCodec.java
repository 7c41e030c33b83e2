package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;

/**
 * ipvlan and ipvtap: IFLA_IPVLAN_* of linux/if_link.h. The parent is IFLA_LINK. The isolation flags
 * (IPVLAN_F_PRIVATE 1, IPVLAN_F_VEPA 2, neither: bridge) are one setting, as {@code ip link} shows them.
 */
final class IpvlanCodec implements KindCodec {

    static final int IFLA_IPVLAN_MODE = 1;   // u16: IPVLAN_MODE_L2 0, L3 1, L3S 2
    static final int IFLA_IPVLAN_FLAGS = 2;  // u16: IPVLAN_F_PRIVATE 1, IPVLAN_F_VEPA 2

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_IPVLAN_MODE, "mode", Wire.words(2, "l2", "l3", "l3s"))
            .add(IFLA_IPVLAN_FLAGS, "isolation", Wire.words(2, "bridge", "private", "vepa"));

    @Override
    public KindData decode(AttributeTree data) {
        return new Decoding().read(TABLE, data).done(KindData.NO_LINK_ATTRIBUTE);
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        TABLE.encode(config, data);
    }
}
