package io.netcr.bridge.criu;

import io.netcr.bridge.criu.proto.SysctlProto.SysctlType;
import io.netcr.bridge.criu.proto.SysctlProto.sysctl_entry;
import java.util.List;
import java.util.Map;

/**
 * Names CRIU's sysctl arrays. CRIU stores {@code net.ipv4.conf.X.*} and {@code net.ipv6.conf.X.*} as
 * lists without names, in the order of its own tables (criu/net.c {@code devconfs4}, {@code devconfs6});
 * these are the same tables. They become properties {@code sysctl.ipv4.conf.X.NAME} (the sysctl path
 * without its leading {@code net.}); a value past the end of a table is {@code sysctl.ipv4.conf.X.#N}.
 */
public final class CriuSysctls {

    /** CRIU's per-device IPv4 keys, in its order (also what a checkpoint must hold at least). */
    public static final List<String> DEVCONFS4 = List.of("accept_local", "accept_redirects", "accept_source_route",
            "arp_accept", "arp_announce", "arp_filter", "arp_ignore", "arp_notify", "bootp_relay", "disable_policy",
            "disable_xfrm", "force_igmp_version", "forwarding", "igmpv2_unsolicited_report_interval",
            "igmpv3_unsolicited_report_interval", "log_martians", "medium_id", "promote_secondaries", "proxy_arp",
            "proxy_arp_pvlan", "route_localnet", "rp_filter", "secure_redirects", "send_redirects", "shared_media",
            "src_valid_mark", "tag", "ignore_routes_with_linkdown", "drop_gratuitous_arp",
            "drop_unicast_in_l2_multicast");

    /** CRIU's per-device IPv6 keys, in its order. */
    public static final List<String> DEVCONFS6 = List.of("accept_dad", "accept_ra", "accept_ra_defrtr",
            "accept_ra_from_local", "accept_ra_min_hop_limit", "accept_ra_mtu", "accept_ra_pinfo",
            "accept_ra_rt_info_max_plen", "accept_ra_rtr_pref", "accept_redirects", "accept_source_route", "autoconf",
            "dad_transmits", "disable_ipv6", "drop_unicast_in_l2_multicast", "drop_unsolicited_na",
            "force_mld_version", "force_tllao", "forwarding", "hop_limit", "ignore_routes_with_linkdown",
            "keep_addr_on_down", "max_addresses", "max_desync_factor", "mldv1_unsolicited_report_interval",
            "mldv2_unsolicited_report_interval", "mtu", "ndisc_notify", "optimistic_dad", "proxy_ndp",
            "regen_max_retry", "router_probe_interval", "router_solicitation_delay", "router_solicitation_interval",
            "router_solicitations", "stable_secret", "suppress_frag_ndisc", "temp_prefered_lft", "temp_valid_lft",
            "use_oif_addrs_only", "use_optimistic", "use_tempaddr");

    static final List<String> UNIX_CONFS = List.of("max_dgram_qlen");

    private CriuSysctls() {
    }

    /** Adds {@code prefix + name -> value} for every entry that holds a value (CRIU leaves absent ones empty). */
    static void put(Map<String, String> into, String prefix, List<String> names, List<sysctl_entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            String value = value(entries.get(i));
            if (value != null) {
                into.put(prefix + name(names, i), value);
            }
        }
    }

    /** The old form (CRIU before 2.x): plain ints, IPv4 only. */
    static void putOld(Map<String, String> into, String prefix, List<Integer> values) {
        for (int i = 0; i < values.size(); i++) {
            into.put(prefix + name(DEVCONFS4, i), Integer.toString(values.get(i)));
        }
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : "#" + i;
    }

    private static String value(sysctl_entry e) {
        if (e.getType() == SysctlType.CTL_32 && e.hasIarg()) {
            return Integer.toString(e.getIarg());
        }
        if (e.getType() == SysctlType.CTL_STR && e.hasSarg()) {
            return e.getSarg();
        }
        return null;
    }
}
