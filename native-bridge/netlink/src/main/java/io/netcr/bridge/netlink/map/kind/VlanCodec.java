package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vlan (802.1Q / 802.1ad): IFLA_VLAN_* of linux/if_link.h. The parent is IFLA_LINK. IFLA_VLAN_FLAGS is
 * struct ifla_vlan_flags {u32 flags; u32 mask}, one setting per VLAN_FLAG_* bit; the QoS maps are nests of
 * IFLA_VLAN_QOS_MAPPING, each struct ifla_vlan_qos_mapping {u32 from; u32 to}.
 */
final class VlanCodec implements KindCodec {

    static final int IFLA_VLAN_ID = 1;           // u16
    static final int IFLA_VLAN_FLAGS = 2;        // struct ifla_vlan_flags
    static final int IFLA_VLAN_EGRESS_QOS = 3;   // nest of IFLA_VLAN_QOS_MAPPING
    static final int IFLA_VLAN_INGRESS_QOS = 4;  // nest of IFLA_VLAN_QOS_MAPPING
    static final int IFLA_VLAN_PROTOCOL = 5;     // be16 ETH_P_8021Q 0x8100 or ETH_P_8021AD 0x88a8
    static final int IFLA_VLAN_QOS_MAPPING = 1;

    /** VLAN_FLAG_* bits (linux/if_vlan.h), by setting. */
    private static final Map<String, Integer> FLAGS = Map.of("reorder_hdr", 0x1, "gvrp", 0x2, "loose_binding", 0x4,
            "mvrp", 0x8, "bridge_binding", 0x10);

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_VLAN_ID, "id", Wire.U16)
            .add(IFLA_VLAN_PROTOCOL, "protocol", Wire.named(Wire.BE16, Map.of(0x8100L, "802.1Q", 0x88a8L, "802.1ad")));

    @Override
    public KindData decode(AttributeTree data) {
        Decoding d = new Decoding().read(TABLE, data);
        // vlan_fill_info sends the flags only when some is set; the kernel's default on creation is REORDER_HDR.
        Attribute flags = data.find(IFLA_VLAN_FLAGS);
        if (flags == null || flags.length() == 8) {
            int bits = flags == null ? 0 : flags.u32();
            FLAGS.forEach((key, bit) -> d.config.put(key, Boolean.toString((bits & bit) != 0)));
        } else {
            d.unreadable.add("flags");
        }
        qos(data, IFLA_VLAN_INGRESS_QOS, "ingress_qos", d.config);
        qos(data, IFLA_VLAN_EGRESS_QOS, "egress_qos", d.config);
        return d.done(KindData.NO_LINK_ATTRIBUTE);
    }

    private static void qos(AttributeTree data, int type, String key, Map<String, String> config) {
        AttributeTree nest = data.nestedOrNull(type);
        if (nest == null) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (Attribute m : nest.all()) {
            if (m.type() == IFLA_VLAN_QOS_MAPPING && m.length() == 8) {
                ByteBuffer b = ByteBuffer.wrap(m.bytes()).order(ByteOrder.nativeOrder());
                pairs.add(Integer.toUnsignedString(b.getInt()) + ":" + Integer.toUnsignedString(b.getInt()));
            }
        }
        config.put(key, String.join(",", pairs));
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        TABLE.encode(config, data);
        int bits = 0;
        int mask = 0;
        for (Map.Entry<String, Integer> f : FLAGS.entrySet()) {
            String v = config.get(f.getKey());
            if (v != null) {
                mask |= f.getValue();
                bits |= "true".equals(v) ? f.getValue() : 0;
            }
        }
        if (mask != 0) {
            data.add(IFLA_VLAN_FLAGS, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(bits).putInt(mask)
                    .array());
        }
        encodeQos(config.get("ingress_qos"), IFLA_VLAN_INGRESS_QOS, data);
        encodeQos(config.get("egress_qos"), IFLA_VLAN_EGRESS_QOS, data);
    }

    private static void encodeQos(String pairs, int type, AttributeTree data) {
        if (pairs == null || pairs.isEmpty()) {
            return;
        }
        AttributeTree nest = data.addNest(type);
        for (String pair : pairs.split(",")) {
            String[] p = pair.split(":");
            nest.add(IFLA_VLAN_QOS_MAPPING, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                    .putInt((int) Long.parseLong(p[0])).putInt((int) Long.parseLong(p[1])).array());
        }
    }
}
