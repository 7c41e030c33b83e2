package io.netcr.model.link;

import static io.netcr.model.link.ValueType.IP4;
import static io.netcr.model.link.ValueType.IP6;
import static io.netcr.model.link.ValueType.U16;
import static io.netcr.model.link.ValueType.U32;
import static io.netcr.model.link.ValueType.U8;

import java.util.List;

/**
 * The IP tunnel kinds (linux/if_tunnel.h): ipip and sit (IFLA_IPTUN_* with IPv4 ends), ip6tnl (IFLA_IPTUN_* with
 * IPv6 ends), gre and gretap (IFLA_GRE_* with IPv4 ends), ip6gre and ip6gretap (IFLA_GRE_* with IPv6 ends). Each
 * may sit on an underlay device (IFLA_IPTUN_LINK, IFLA_GRE_LINK). The GRE flags and keys are kept as the numbers
 * the kernel reports (host order), so that none is lost.
 */
final class TunnelKinds {

    private TunnelKinds() {
    }

    /** Encapsulation (FOU/GUE) and metadata settings, the same for every tunnel kind. */
    private static List<KindField> common() {
        return List.of(
                KindField.value("encap", ValueType.words("none", "fou", "gue", "mpls"), "encap"),
                KindField.value("encap_flags", U16, "encap_flags"),
                KindField.value("encap_sport", U16, "encap-sport"),
                KindField.value("encap_dport", U16, "encap-dport"),
                KindField.bool("external", "external", null),
                KindField.value("fwmark", U32, "fwmark"));
    }

    private static KindSpec.Builder tunnel(String kind) {
        return new KindSpec.Builder(kind).parent(KindSpec.Parent.OPTIONAL);
    }

    static List<KindSpec> all() {
        KindSpec ipip = tunnel("ipip").noMac()
                .value("local", IP4, "local").value("remote", IP4, "remote")
                .value("ttl", U8, "ttl").value("tos", U8, "tos")
                .bool("pmtudisc", "pmtudisc", "nopmtudisc")
                .value("proto", U8, "proto")
                .fields(common()).build();
        KindSpec sit = tunnel("sit").noMac()
                .value("local", IP4, "local").value("remote", IP4, "remote")
                .value("ttl", U8, "ttl").value("tos", U8, "tos")
                .bool("pmtudisc", "pmtudisc", "nopmtudisc")
                .value("proto", U8, "proto")
                .value("flags", U16, "flags")
                .value("6rd_prefix", IP6, "6rd-prefix").value("6rd_prefixlen", U16, "6rd-prefixlen")
                .value("6rd_relay_prefix", IP4, "6rd-relay_prefix")
                .value("6rd_relay_prefixlen", U16, "6rd-relay_prefixlen")
                .fields(common()).build();
        KindSpec ip6tnl = tunnel("ip6tnl").noMac()
                .value("local", IP6, "local").value("remote", IP6, "remote")
                .value("ttl", U8, "hoplimit").value("encap_limit", U8, "encaplimit")
                .value("flowinfo", U32, "flowinfo").value("flags", U32, "flags")
                .value("proto", U8, "proto")
                .fields(common()).build();
        return List.of(ipip, sit, ip6tnl, gre("gre", IP4, false), gre("gretap", IP4, true),
                gre("ip6gre", IP6, false), gre("ip6gretap", IP6, true));
    }

    private static KindSpec gre(String kind, ValueType address, boolean ethernet) {
        KindSpec.Builder b = tunnel(kind)
                .value("iflags", U16, "iflags").value("oflags", U16, "oflags")
                .value("ikey", U32, "ikey").value("okey", U32, "okey")
                .value("local", address, "local").value("remote", address, "remote")
                .value("ttl", U8, address == IP4 ? "ttl" : "hoplimit");
        if (address == IP4) {
            b.value("tos", U8, "tos").bool("pmtudisc", "pmtudisc", "nopmtudisc")
                    .bool("ignore_df", "ignore-df", "noignore-df");
        } else {
            b.value("encap_limit", U8, "encaplimit").value("flowinfo", U32, "flowinfo").value("flags", U32, "flags");
        }
        if (!ethernet) {
            b.noMac();
        }
        return b.fields(common()).build();
    }
}
