package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;

/**
 * gre, gretap (IPv4 ends) and ip6gre, ip6gretap (IPv6 ends): IFLA_GRE_* of linux/if_tunnel.h. The GRE flags
 * (GRE_CSUM, GRE_KEY, GRE_SEQ, in network order on the wire) and keys are kept as numbers; the underlay
 * device (IFLA_GRE_LINK) is the parent. ERSPAN's attributes are not read: erspan is not a kind netcr restores.
 */
final class GreCodec implements KindCodec {

    static final int IFLA_GRE_LINK = 1;          // u32 ifindex
    static final int IFLA_GRE_IFLAGS = 2;        // be16 GRE_* flags, input
    static final int IFLA_GRE_OFLAGS = 3;        // be16, output
    static final int IFLA_GRE_IKEY = 4;          // be32
    static final int IFLA_GRE_OKEY = 5;          // be32
    static final int IFLA_GRE_LOCAL = 6;         // be32 or in6_addr
    static final int IFLA_GRE_REMOTE = 7;        // be32 or in6_addr
    static final int IFLA_GRE_TTL = 8;           // u8 (IPv6: hop limit)
    static final int IFLA_GRE_TOS = 9;           // u8 (IPv4)
    static final int IFLA_GRE_PMTUDISC = 10;     // u8 (IPv4)
    static final int IFLA_GRE_ENCAP_LIMIT = 11;  // u8 (IPv6)
    static final int IFLA_GRE_FLOWINFO = 12;     // be32 (IPv6)
    static final int IFLA_GRE_FLAGS = 13;        // u32 IP6_TNL_F_* (IPv6)
    static final int IFLA_GRE_ENCAP_TYPE = 14;   // u16, then ENCAP_FLAGS 15, ENCAP_SPORT 16, ENCAP_DPORT 17
    static final int IFLA_GRE_COLLECT_METADATA = 18; // flag
    static final int IFLA_GRE_IGNORE_DF = 19;    // u8 (IPv4)
    static final int IFLA_GRE_FWMARK = 20;       // u32

    private final FieldTable table = new FieldTable();

    /** {@code v6}: ip6gre or ip6gretap. */
    GreCodec(boolean v6) {
        Wire address = v6 ? Wire.IPV6 : Wire.IPV4;
        table.add(IFLA_GRE_IFLAGS, "iflags", Wire.BE16).add(IFLA_GRE_OFLAGS, "oflags", Wire.BE16)
                .add(IFLA_GRE_IKEY, "ikey", Wire.BE32).add(IFLA_GRE_OKEY, "okey", Wire.BE32)
                .add(IFLA_GRE_LOCAL, "local", address).add(IFLA_GRE_REMOTE, "remote", address)
                .add(IFLA_GRE_TTL, "ttl", Wire.U8);
        if (v6) {
            table.add(IFLA_GRE_ENCAP_LIMIT, "encap_limit", Wire.U8).add(IFLA_GRE_FLOWINFO, "flowinfo", Wire.BE32)
                    .add(IFLA_GRE_FLAGS, "flags", Wire.U32);
        } else {
            table.add(IFLA_GRE_TOS, "tos", Wire.U8).add(IFLA_GRE_PMTUDISC, "pmtudisc", Wire.BOOL)
                    .add(IFLA_GRE_IGNORE_DF, "ignore_df", Wire.BOOL);
        }
        IpTunnelCodec.encapsulation(table, IFLA_GRE_ENCAP_TYPE);
        table.add(IFLA_GRE_COLLECT_METADATA, "external", Wire.FLAG).add(IFLA_GRE_FWMARK, "fwmark", Wire.U32);
    }

    @Override
    public KindData decode(AttributeTree data) {
        return IpTunnelCodec.decode(table, data, IFLA_GRE_LINK);
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        table.encode(config, data);
    }

    @Override
    public void encodeParent(int ifindex, AttributeTree link, AttributeTree data) {
        data.addU32(IFLA_GRE_LINK, ifindex);
    }
}
