package io.netcr.model.link;

import static io.netcr.model.link.ValueType.BOOL;
import static io.netcr.model.link.ValueType.U16;
import static io.netcr.model.link.ValueType.U32;
import static io.netcr.model.link.ValueType.U8;

/**
 * The bond kind's settings (IFLA_BOND_*, linux/if_link.h), in iproute2's words. The kernel refuses an option
 * its mode does not use, so the rtnetlink codec sends only those of the bond's mode. The primary and active
 * slave name devices that exist only once enslaved, so they are not settings here (a checkpoint keeps them as
 * properties and says so).
 */
final class BondKind {

    private BondKind() {
    }

    static KindSpec spec() {
        return new KindSpec.Builder("bond")
                .value("mode", ValueType.words("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
                        "balance-tlb", "balance-alb"), "mode")
                .value("miimon", U32, "miimon")
                .value("updelay", U32, "updelay")
                .value("downdelay", U32, "downdelay")
                .value("peer_notify_delay", U32, "peer_notify_delay")
                .value("use_carrier", BOOL, "use_carrier")
                .value("arp_interval", U32, "arp_interval")
                .value("arp_ip_target", ValueType.IP4_LIST, "arp_ip_target")
                .value("ns_ip6_target", ValueType.IP6_LIST, "ns_ip6_target")
                .value("arp_validate", ValueType.words("none", "active", "backup", "all", "filter", "filter_active",
                        "filter_backup"), "arp_validate")
                .value("arp_all_targets", ValueType.words("any", "all"), "arp_all_targets")
                .value("missed_max", U8, "arp_missed_max")
                .value("primary_reselect", ValueType.words("always", "better", "failure"), "primary_reselect")
                .value("fail_over_mac", ValueType.words("none", "active", "follow"), "fail_over_mac")
                .value("xmit_hash_policy", ValueType.words("layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4",
                        "vlan+srcmac"), "xmit_hash_policy")
                .value("resend_igmp", U32, "resend_igmp")
                .value("num_peer_notif", U8, "num_grat_arp")
                .value("all_slaves_active", BOOL, "all_slaves_active")
                .value("min_links", U32, "min_links")
                .value("lp_interval", U32, "lp_interval")
                .value("packets_per_slave", U32, "packets_per_slave")
                .value("ad_lacp_active", ValueType.words("off", "on"), "lacp_active")
                .value("ad_lacp_rate", ValueType.words("slow", "fast"), "lacp_rate")
                .value("ad_select", ValueType.words("stable", "bandwidth", "count"), "ad_select")
                .value("ad_actor_sys_prio", U16, "ad_actor_sys_prio")
                .value("ad_user_port_key", U16, "ad_user_port_key")
                .value("ad_actor_system", ValueType.MAC1, "ad_actor_system")
                .value("tlb_dynamic_lb", BOOL, "tlb_dynamic_lb")
                .value("coupled_control", BOOL, "coupled_control")
                .build();
    }
}
