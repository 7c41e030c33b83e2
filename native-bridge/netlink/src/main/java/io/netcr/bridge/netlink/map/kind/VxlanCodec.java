package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.model.IpText;
import java.util.Map;
import java.util.TreeSet;

/**
 * vxlan: IFLA_VXLAN_* of linux/if_link.h, as drivers/net/vxlan's fill_info reports them. The remote (or
 * group) and the local address are one setting each whatever their family (IFLA_VXLAN_GROUP or GROUP6,
 * LOCAL or LOCAL6); the device it sits on (IFLA_VXLAN_LINK) is the parent. The kernel reports
 * IFLA_VXLAN_TTL_INHERIT as a u8 but takes it as NLA_FLAG, like GBP, GPE and REMCSUM_NOPARTIAL; and it counts
 * IFLA_VXLAN_REMCSUM_RX, even 0, as using the header bits that IFLA_VXLAN_RESERVED_BITS reserves, so that one
 * is sent only when set (tried here: sent as 0 with the dumped reserved bits, EINVAL "Used bits ... cannot
 * overlap reserved bits").
 */
final class VxlanCodec implements KindCodec {

    static final int IFLA_VXLAN_ID = 1;                 // u32 VNI
    static final int IFLA_VXLAN_GROUP = 2;              // 4 bytes: remote or multicast group
    static final int IFLA_VXLAN_LINK = 3;               // u32 ifindex of the underlay device
    static final int IFLA_VXLAN_LOCAL = 4;              // 4 bytes
    static final int IFLA_VXLAN_TTL = 5;                // u8
    static final int IFLA_VXLAN_TOS = 6;                // u8
    static final int IFLA_VXLAN_LEARNING = 7;           // u8
    static final int IFLA_VXLAN_AGEING = 8;             // u32 seconds
    static final int IFLA_VXLAN_LIMIT = 9;              // u32 max FDB entries
    static final int IFLA_VXLAN_PORT_RANGE = 10;        // struct ifla_vxlan_port_range {__be16 low, high}
    static final int IFLA_VXLAN_PROXY = 11;             // u8
    static final int IFLA_VXLAN_RSC = 12;               // u8
    static final int IFLA_VXLAN_L2MISS = 13;            // u8
    static final int IFLA_VXLAN_L3MISS = 14;            // u8
    static final int IFLA_VXLAN_PORT = 15;              // be16 destination port
    static final int IFLA_VXLAN_GROUP6 = 16;            // 16 bytes
    static final int IFLA_VXLAN_LOCAL6 = 17;            // 16 bytes
    static final int IFLA_VXLAN_UDP_CSUM = 18;          // u8
    static final int IFLA_VXLAN_UDP_ZERO_CSUM6_TX = 19; // u8
    static final int IFLA_VXLAN_UDP_ZERO_CSUM6_RX = 20; // u8
    static final int IFLA_VXLAN_REMCSUM_TX = 21;        // u8
    static final int IFLA_VXLAN_REMCSUM_RX = 22;        // u8
    static final int IFLA_VXLAN_GBP = 23;               // flag
    static final int IFLA_VXLAN_REMCSUM_NOPARTIAL = 24; // flag
    static final int IFLA_VXLAN_COLLECT_METADATA = 25;  // u8 ("external")
    static final int IFLA_VXLAN_LABEL = 26;             // be32 IPv6 flow label
    static final int IFLA_VXLAN_GPE = 27;               // flag
    static final int IFLA_VXLAN_TTL_INHERIT = 28;       // u8 in dumps, flag in requests
    static final int IFLA_VXLAN_DF = 29;                // u8: VXLAN_DF_UNSET, _SET, _INHERIT
    static final int IFLA_VXLAN_VNIFILTER = 30;         // u8
    static final int IFLA_VXLAN_LOCALBYPASS = 31;       // u8
    static final int IFLA_VXLAN_LABEL_POLICY = 32;      // u32: VXLAN_LABEL_FIXED, VXLAN_LABEL_INHERIT
    static final int IFLA_VXLAN_RESERVED_BITS = 33;     // be64
    static final int IFLA_VXLAN_MC_ROUTE = 34;          // u8

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_VXLAN_ID, "id", Wire.U32)
            .add(IFLA_VXLAN_TTL, "ttl", Wire.U8)
            .add(IFLA_VXLAN_TOS, "tos", Wire.U8)
            .add(IFLA_VXLAN_LEARNING, "learning", Wire.BOOL)
            .add(IFLA_VXLAN_AGEING, "ageing", Wire.U32)
            .add(IFLA_VXLAN_LIMIT, "limit", Wire.U32)
            .add(IFLA_VXLAN_PROXY, "proxy", Wire.BOOL)
            .add(IFLA_VXLAN_RSC, "rsc", Wire.BOOL)
            .add(IFLA_VXLAN_L2MISS, "l2miss", Wire.BOOL)
            .add(IFLA_VXLAN_L3MISS, "l3miss", Wire.BOOL)
            .add(IFLA_VXLAN_PORT, "port", Wire.BE16)
            .add(IFLA_VXLAN_UDP_CSUM, "udp_csum", Wire.BOOL)
            .add(IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", Wire.BOOL)
            .add(IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", Wire.BOOL)
            .add(IFLA_VXLAN_REMCSUM_TX, "remcsum_tx", Wire.BOOL)
            .add(IFLA_VXLAN_REMCSUM_RX, "remcsum_rx", Wire.BOOL_SENT_IF_TRUE)
            .add(IFLA_VXLAN_GBP, "gbp", Wire.FLAG)
            .add(IFLA_VXLAN_REMCSUM_NOPARTIAL, "remcsum_nopartial", Wire.FLAG)
            .add(IFLA_VXLAN_COLLECT_METADATA, "external", Wire.BOOL)
            .add(IFLA_VXLAN_LABEL, "label", Wire.BE32)
            .add(IFLA_VXLAN_GPE, "gpe", Wire.FLAG)
            .add(IFLA_VXLAN_TTL_INHERIT, "ttl_inherit", Wire.BOOL_READ_FLAG_WRITE)
            .add(IFLA_VXLAN_DF, "df", Wire.words(1, "unset", "set", "inherit"))
            .add(IFLA_VXLAN_VNIFILTER, "vnifilter", Wire.BOOL)
            .add(IFLA_VXLAN_LOCALBYPASS, "localbypass", Wire.BOOL)
            .add(IFLA_VXLAN_LABEL_POLICY, "label_policy", Wire.words(4, "fixed", "inherit"))
            .add(IFLA_VXLAN_RESERVED_BITS, "reserved_bits", Wire.BE64)
            .add(IFLA_VXLAN_MC_ROUTE, "mcroute", Wire.BOOL);

    @Override
    public KindData decode(AttributeTree data) {
        Decoding d = new Decoding().read(TABLE, data);
        address(data, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, "remote", d.config, d.unreadable);
        address(data, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, "local", d.config, d.unreadable);
        Attribute range = data.find(IFLA_VXLAN_PORT_RANGE);
        if (range != null && range.length() == 4) {
            byte[] b = range.bytes();
            d.config.put("port_range", ((b[0] & 0xFF) << 8 | b[1] & 0xFF) + "-" + ((b[2] & 0xFF) << 8 | b[3] & 0xFF));
        } else if (range != null) {
            d.unreadable.add("port_range");
        }
        Attribute link = data.find(IFLA_VXLAN_LINK);
        return d.done(link != null && link.length() == 4 ? link.u32() : 0);
    }

    private static void address(AttributeTree data, int v4, int v6, String key, Map<String, String> config,
                                TreeSet<String> unreadable) {
        Attribute a = data.find(v4) != null ? data.find(v4) : data.find(v6);
        if (a == null) {
            return;
        }
        int want = a.type() == v4 ? 4 : 16;
        if (a.length() != want) {
            unreadable.add(key);
        } else {
            config.put(key, IpText.format(a.bytes()));
        }
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        TABLE.encode(config, data);
        encodeAddress(config.get("remote"), IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, data);
        encodeAddress(config.get("local"), IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, data);
        String range = config.get("port_range");
        if (range != null) {
            String[] p = range.split("-");
            byte[] lo = Wire.bigEndianBytes(Long.parseLong(p[0]), 2);
            byte[] hi = Wire.bigEndianBytes(Long.parseLong(p[1]), 2);
            data.add(IFLA_VXLAN_PORT_RANGE, new byte[] {lo[0], lo[1], hi[0], hi[1]});
        }
    }

    private static void encodeAddress(String text, int v4, int v6, AttributeTree data) {
        if (text != null) {
            byte[] ip = IpText.parse(text).orElseThrow();
            data.add(ip.length == 4 ? v4 : v6, ip);
        }
    }

    /** The underlay device's ifindex in a request: IFLA_VXLAN_LINK. */
    @Override
    public void encodeParent(int ifindex, AttributeTree link, AttributeTree data) {
        data.addU32(IFLA_VXLAN_LINK, ifindex);
    }
}
