package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;

/**
 * ipip, sit and ip6tnl: IFLA_IPTUN_* of linux/if_tunnel.h. ipip and sit have IPv4 ends, ip6tnl IPv6 ones;
 * sit adds its 6rd prefixes and ISATAP flag (u16), ip6tnl its encapsulation limit, flow info and flags (u32).
 * The underlay device (IFLA_IPTUN_LINK) is the parent.
 */
final class IpTunnelCodec implements KindCodec {

    static final int IFLA_IPTUN_LINK = 1;             // u32 ifindex
    static final int IFLA_IPTUN_LOCAL = 2;            // be32 (ipip, sit) or in6_addr (ip6tnl)
    static final int IFLA_IPTUN_REMOTE = 3;           // same
    static final int IFLA_IPTUN_TTL = 4;              // u8 (ip6tnl: hop limit)
    static final int IFLA_IPTUN_TOS = 5;              // u8 (ipip, sit)
    static final int IFLA_IPTUN_ENCAP_LIMIT = 6;      // u8 (ip6tnl)
    static final int IFLA_IPTUN_FLOWINFO = 7;         // be32 (ip6tnl)
    static final int IFLA_IPTUN_FLAGS = 8;            // u16 (sit: SIT_ISATAP) or u32 (ip6tnl: IP6_TNL_F_*)
    static final int IFLA_IPTUN_PROTO = 9;            // u8 IPPROTO_* carried (0: any)
    static final int IFLA_IPTUN_PMTUDISC = 10;        // u8 (ipip, sit)
    static final int IFLA_IPTUN_6RD_PREFIX = 11;      // in6_addr (sit)
    static final int IFLA_IPTUN_6RD_RELAY_PREFIX = 12; // be32 (sit)
    static final int IFLA_IPTUN_6RD_PREFIXLEN = 13;   // u16 (sit)
    static final int IFLA_IPTUN_6RD_RELAY_PREFIXLEN = 14; // u16 (sit)
    static final int IFLA_IPTUN_ENCAP_TYPE = 15;      // u16 TUNNEL_ENCAP_NONE 0, FOU 1, GUE 2, MPLS 3
    static final int IFLA_IPTUN_ENCAP_FLAGS = 16;     // u16 TUNNEL_ENCAP_FLAG_*
    static final int IFLA_IPTUN_ENCAP_SPORT = 17;     // be16
    static final int IFLA_IPTUN_ENCAP_DPORT = 18;     // be16
    static final int IFLA_IPTUN_COLLECT_METADATA = 19; // flag
    static final int IFLA_IPTUN_FWMARK = 20;          // u32

    private final FieldTable table = new FieldTable();

    /** {@code kind}: "ipip", "sit" or "ip6tnl". */
    IpTunnelCodec(String kind) {
        boolean v6 = kind.equals("ip6tnl");
        Wire address = v6 ? Wire.IPV6 : Wire.IPV4;
        table.add(IFLA_IPTUN_LOCAL, "local", address).add(IFLA_IPTUN_REMOTE, "remote", address)
                .add(IFLA_IPTUN_TTL, "ttl", Wire.U8).add(IFLA_IPTUN_PROTO, "proto", Wire.U8);
        if (v6) {
            table.add(IFLA_IPTUN_ENCAP_LIMIT, "encap_limit", Wire.U8).add(IFLA_IPTUN_FLOWINFO, "flowinfo", Wire.BE32)
                    .add(IFLA_IPTUN_FLAGS, "flags", Wire.U32);
        } else {
            table.add(IFLA_IPTUN_TOS, "tos", Wire.U8).add(IFLA_IPTUN_PMTUDISC, "pmtudisc", Wire.BOOL);
        }
        if (kind.equals("sit")) {
            table.add(IFLA_IPTUN_FLAGS, "flags", Wire.U16)
                    .add(IFLA_IPTUN_6RD_PREFIX, "6rd_prefix", Wire.IPV6)
                    .add(IFLA_IPTUN_6RD_PREFIXLEN, "6rd_prefixlen", Wire.U16)
                    .add(IFLA_IPTUN_6RD_RELAY_PREFIX, "6rd_relay_prefix", Wire.IPV4)
                    .add(IFLA_IPTUN_6RD_RELAY_PREFIXLEN, "6rd_relay_prefixlen", Wire.U16);
        }
        encapsulation(table, IFLA_IPTUN_ENCAP_TYPE);
        table.add(IFLA_IPTUN_COLLECT_METADATA, "external", Wire.FLAG).add(IFLA_IPTUN_FWMARK, "fwmark", Wire.U32);
    }

    /** ENCAP_TYPE, ENCAP_FLAGS, ENCAP_SPORT, ENCAP_DPORT: numbered alike from {@code type} on in both families. */
    static void encapsulation(FieldTable table, int type) {
        table.add(type, "encap", Wire.words(2, "none", "fou", "gue", "mpls"))
                .add(type + 1, "encap_flags", Wire.U16)
                .add(type + 2, "encap_sport", Wire.BE16)
                .add(type + 3, "encap_dport", Wire.BE16);
    }

    @Override
    public KindData decode(AttributeTree data) {
        return decode(table, data, IFLA_IPTUN_LINK);
    }

    static KindData decode(FieldTable table, AttributeTree data, int linkType) {
        Attribute link = data.find(linkType);
        return new Decoding().read(table, data).done(link != null && link.length() == 4 ? link.u32() : 0);
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        table.encode(config, data);
    }

    @Override
    public void encodeParent(int ifindex, AttributeTree link, AttributeTree data) {
        data.addU32(IFLA_IPTUN_LINK, ifindex);
    }
}
