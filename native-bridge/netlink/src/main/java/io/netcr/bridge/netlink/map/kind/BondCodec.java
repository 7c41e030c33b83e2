package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.model.IpText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * bond: IFLA_BOND_* of linux/if_link.h. A dump reports every option whatever the mode, but the kernel refuses
 * to set one its mode does not use (bond_opt_check_deps), so {@link #encode} sends the mode and then only the
 * options of that mode (drivers/net/bonding/bond_options.c, each option's unsuppmodes). The primary and the
 * active slave are ifindexes of slaves, which exist only once enslaved: they are kept as run-time entries
 * (by name), not settings. Not exercised against a kernel here: this kernel has no bonding driver.
 */
final class BondCodec implements KindCodec {

    static final int IFLA_BOND_MODE = 1;               // u8 BOND_MODE_*
    static final int IFLA_BOND_ACTIVE_SLAVE = 2;       // u32 ifindex (run time)
    static final int IFLA_BOND_MIIMON = 3;             // u32 ms
    static final int IFLA_BOND_UPDELAY = 4;            // u32 ms
    static final int IFLA_BOND_DOWNDELAY = 5;          // u32 ms
    static final int IFLA_BOND_USE_CARRIER = 6;        // u8
    static final int IFLA_BOND_ARP_INTERVAL = 7;       // u32 ms
    static final int IFLA_BOND_ARP_IP_TARGET = 8;      // nest of be32, attribute types 0..15
    static final int IFLA_BOND_ARP_VALIDATE = 9;       // u32 BOND_ARP_VALIDATE_*
    static final int IFLA_BOND_ARP_ALL_TARGETS = 10;   // u32 0 any, 1 all
    static final int IFLA_BOND_PRIMARY = 11;           // u32 ifindex (run time)
    static final int IFLA_BOND_PRIMARY_RESELECT = 12;  // u8
    static final int IFLA_BOND_FAIL_OVER_MAC = 13;     // u8
    static final int IFLA_BOND_XMIT_HASH_POLICY = 14;  // u8
    static final int IFLA_BOND_RESEND_IGMP = 15;       // u32
    static final int IFLA_BOND_NUM_PEER_NOTIF = 16;    // u8
    static final int IFLA_BOND_ALL_SLAVES_ACTIVE = 17; // u8
    static final int IFLA_BOND_MIN_LINKS = 18;         // u32
    static final int IFLA_BOND_LP_INTERVAL = 19;       // u32
    static final int IFLA_BOND_PACKETS_PER_SLAVE = 20; // u32
    static final int IFLA_BOND_AD_LACP_RATE = 21;      // u8
    static final int IFLA_BOND_AD_SELECT = 22;         // u8
    static final int IFLA_BOND_AD_ACTOR_SYS_PRIO = 24; // u16 (23 is AD_INFO, run time)
    static final int IFLA_BOND_AD_USER_PORT_KEY = 25;  // u16
    static final int IFLA_BOND_AD_ACTOR_SYSTEM = 26;   // 6-byte MAC
    static final int IFLA_BOND_TLB_DYNAMIC_LB = 27;    // u8
    static final int IFLA_BOND_PEER_NOTIF_DELAY = 28;  // u32 ms
    static final int IFLA_BOND_AD_LACP_ACTIVE = 29;    // u8
    static final int IFLA_BOND_MISSED_MAX = 30;        // u8
    static final int IFLA_BOND_NS_IP6_TARGET = 31;     // nest of in6_addr, attribute types 0..15
    static final int IFLA_BOND_COUPLED_CONTROL = 32;   // u8

    static final List<String> MODES = List.of("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
            "balance-tlb", "balance-alb");
    private static final Set<String> ARP_MODES = Set.of("balance-rr", "active-backup", "balance-xor", "broadcast");
    private static final Set<String> TLB_ALB = Set.of("balance-tlb", "balance-alb");

    private static final FieldTable TABLE = new FieldTable()
            .add(IFLA_BOND_MIIMON, "miimon", Wire.U32)
            .add(IFLA_BOND_UPDELAY, "updelay", Wire.U32)
            .add(IFLA_BOND_DOWNDELAY, "downdelay", Wire.U32)
            .add(IFLA_BOND_PEER_NOTIF_DELAY, "peer_notify_delay", Wire.U32)
            .add(IFLA_BOND_USE_CARRIER, "use_carrier", Wire.BOOL)
            .add(IFLA_BOND_ARP_INTERVAL, "arp_interval", Wire.U32)
            .add(IFLA_BOND_ARP_VALIDATE, "arp_validate", Wire.words(4, "none", "active", "backup", "all", "filter",
                    "filter_active", "filter_backup"))
            .add(IFLA_BOND_ARP_ALL_TARGETS, "arp_all_targets", Wire.words(4, "any", "all"))
            .add(IFLA_BOND_MISSED_MAX, "missed_max", Wire.U8)
            .add(IFLA_BOND_PRIMARY_RESELECT, "primary_reselect", Wire.words(1, "always", "better", "failure"))
            .add(IFLA_BOND_FAIL_OVER_MAC, "fail_over_mac", Wire.words(1, "none", "active", "follow"))
            .add(IFLA_BOND_XMIT_HASH_POLICY, "xmit_hash_policy", Wire.words(1, "layer2", "layer3+4", "layer2+3",
                    "encap2+3", "encap3+4", "vlan+srcmac"))
            .add(IFLA_BOND_RESEND_IGMP, "resend_igmp", Wire.U32)
            .add(IFLA_BOND_NUM_PEER_NOTIF, "num_peer_notif", Wire.U8)
            .add(IFLA_BOND_ALL_SLAVES_ACTIVE, "all_slaves_active", Wire.BOOL)
            .add(IFLA_BOND_MIN_LINKS, "min_links", Wire.U32)
            .add(IFLA_BOND_LP_INTERVAL, "lp_interval", Wire.U32)
            .add(IFLA_BOND_PACKETS_PER_SLAVE, "packets_per_slave", Wire.U32)
            .add(IFLA_BOND_AD_LACP_ACTIVE, "ad_lacp_active", Wire.words(1, "off", "on"))
            .add(IFLA_BOND_AD_LACP_RATE, "ad_lacp_rate", Wire.words(1, "slow", "fast"))
            .add(IFLA_BOND_AD_SELECT, "ad_select", Wire.words(1, "stable", "bandwidth", "count"))
            .add(IFLA_BOND_AD_ACTOR_SYS_PRIO, "ad_actor_sys_prio", Wire.U16)
            .add(IFLA_BOND_AD_USER_PORT_KEY, "ad_user_port_key", Wire.U16)
            .add(IFLA_BOND_AD_ACTOR_SYSTEM, "ad_actor_system", Wire.MAC)
            .add(IFLA_BOND_TLB_DYNAMIC_LB, "tlb_dynamic_lb", Wire.BOOL)
            .add(IFLA_BOND_COUPLED_CONTROL, "coupled_control", Wire.BOOL);

    @Override
    public KindData decode(AttributeTree data) {
        Decoding d = new Decoding();
        Attribute mode = data.find(IFLA_BOND_MODE);
        String m = mode == null ? null : Wire.words(1, MODES.toArray(new String[0])).read(mode);
        if (m != null) {
            d.config.put("mode", m);
        } else if (mode != null) {
            d.unreadable.add("mode");
        }
        d.read(TABLE, data);
        targets(data, IFLA_BOND_ARP_IP_TARGET, 4, "arp_ip_target", d.config);
        targets(data, IFLA_BOND_NS_IP6_TARGET, 16, "ns_ip6_target", d.config);
        Map<String, Integer> devices = new HashMap<>();
        slave(data, IFLA_BOND_PRIMARY, "bond.primary", devices);
        slave(data, IFLA_BOND_ACTIVE_SLAVE, "bond.active_slave", devices);
        return d.done(KindData.NO_LINK_ATTRIBUTE, devices);
    }

    private static void targets(AttributeTree data, int type, int size, String key, Map<String, String> config) {
        AttributeTree nest = data.nestedOrNull(type);
        if (nest == null) {
            return;
        }
        List<String> list = new ArrayList<>();
        for (Attribute t : nest.all()) {
            if (t.length() == size) {
                list.add(IpText.format(t.bytes()));
            }
        }
        config.put(key, String.join(",", list));
    }

    private static void slave(AttributeTree data, int type, String key, Map<String, Integer> devices) {
        Attribute a = data.find(type);
        if (a != null && a.length() == 4 && a.u32() != 0) {
            devices.put(key, a.u32());
        }
    }

    @Override
    public void encode(Map<String, String> config, AttributeTree data) {
        String mode = config.getOrDefault("mode", "balance-rr");
        if (config.containsKey("mode")) {
            data.addU8(IFLA_BOND_MODE, MODES.indexOf(mode));
        }
        Map<String, String> sent = new HashMap<>(config);
        sent.keySet().removeIf(key -> !usedIn(key, mode));
        TABLE.encode(sent, data);
        encodeTargets(sent.get("arp_ip_target"), IFLA_BOND_ARP_IP_TARGET, data);
        encodeTargets(sent.get("ns_ip6_target"), IFLA_BOND_NS_IP6_TARGET, data);
    }

    /** Whether the kernel lets an option be set in this mode (the unsuppmodes of bond_options.c). */
    static boolean usedIn(String key, String mode) {
        return switch (key) {
            case "packets_per_slave" -> mode.equals("balance-rr");
            case "arp_interval", "arp_validate", "arp_ip_target", "ns_ip6_target", "missed_max" ->
                    ARP_MODES.contains(mode);
            case "ad_lacp_rate", "ad_actor_sys_prio", "ad_actor_system", "ad_user_port_key", "ad_lacp_active",
                 "coupled_control" -> mode.equals("802.3ad");
            case "tlb_dynamic_lb" -> TLB_ALB.contains(mode);
            default -> true;
        };
    }

    private static void encodeTargets(String list, int type, AttributeTree data) {
        if (list == null || list.isEmpty()) {
            return;
        }
        AttributeTree nest = data.addNest(type);
        int i = 0;
        for (String ip : list.split(",")) {
            nest.add(i++, IpText.parse(ip).orElseThrow());
        }
    }
}
