package io.netcr.model.link;

import static io.netcr.model.link.ValueType.BOOL;
import static io.netcr.model.link.ValueType.IP;
import static io.netcr.model.link.ValueType.MAC_LIST;
import static io.netcr.model.link.ValueType.PORT_RANGE;
import static io.netcr.model.link.ValueType.QOS_MAP;
import static io.netcr.model.link.ValueType.S32;
import static io.netcr.model.link.ValueType.U16;
import static io.netcr.model.link.ValueType.U32;
import static io.netcr.model.link.ValueType.U64;
import static io.netcr.model.link.ValueType.U8;

import io.netcr.model.Device;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device kinds netcr checkpoints and restores beyond loopback, veth and bridge, each with its settings
 * ({@link KindSpec}), and the fallback devices a tunnel module makes in every namespace. Settings are named as
 * {@code ip -d -j link} names them in {@code info_data} where it does; the kernel's attribute for each is
 * in the kind's rtnetlink codec (native-bridge/netlink, package {@code map.kind}).
 */
public final class LinkKinds {

    private static final Map<String, KindSpec> SPECS = new LinkedHashMap<>();

    /** The kinds a restore made before these: lo is there already, veth and bridge have their own steps. */
    public static final Set<String> BASIC = Set.of(Device.LOOPBACK, Device.VETH, Device.BRIDGE);

    /**
     * Devices a tunnel module makes by itself in every namespace once it is loaded (ip_tunnel's fallback
     * devices), by name: restore configures them like lo and never creates one.
     */
    private static final Map<String, String> FALLBACKS = Map.of("tunl0", "ipip", "gre0", "gre", "gretap0", "gretap",
            "erspan0", "erspan", "sit0", "sit", "ip6tnl0", "ip6tnl", "ip6gre0", "ip6gre", "ip_vti0", "vti",
            "ip6_vti0", "vti6");

    static {
        add(new KindSpec.Builder("tun").making(KindSpec.Making.TUN_IOCTL)
                .value("type", ValueType.words("tun", "tap"), "mode")
                .value("owner", U32, "user")
                .value("group", U32, "group")
                .bool("pi", "pi", null)
                .bool("vnet_hdr", "vnet_hdr", null)
                .bool("multi_queue", "multi_queue", null)
                .bool("persist", null, null)
                .build());
        for (String kind : new String[] {"macvlan", "macvtap"}) {
            add(new KindSpec.Builder(kind).parent(KindSpec.Parent.REQUIRED)
                    .value("mode", ValueType.words("private", "vepa", "bridge", "passthru", "source"), "mode")
                    .bool("nopromisc", "flag nopromisc", null)
                    .bool("nodst", "flag nodst", null)
                    .value("bcqueuelen", U32, "bcqueuelen")
                    .value("bclim", S32, "bclim")
                    .value("macaddr", MAC_LIST, "macaddr set")
                    .build());
        }
        add(new KindSpec.Builder("vxlan").parent(KindSpec.Parent.OPTIONAL)
                .value("id", ValueType.unsigned(0xFFFFFF), "id")
                .value("remote", IP, "remote")
                .value("local", IP, "local")
                .value("port", U16, "dstport")
                .value("port_range", PORT_RANGE, "srcport")
                .value("ttl", U8, "ttl")
                .bool("ttl_inherit", "ttl inherit", null)
                .value("tos", U8, "tos")
                .value("df", ValueType.words("unset", "set", "inherit"), "df")
                .value("label", ValueType.unsigned(0xFFFFF), "flowlabel")
                .value("label_policy", ValueType.words("fixed", "inherit"), "flowlabel")
                .bool("learning", "learning", "nolearning")
                .value("ageing", U32, "ageing")
                .value("limit", U32, "maxaddress")
                .bool("proxy", "proxy", "noproxy")
                .bool("rsc", "rsc", "norsc")
                .bool("l2miss", "l2miss", "nol2miss")
                .bool("l3miss", "l3miss", "nol3miss")
                .bool("external", "external", "noexternal")
                .bool("vnifilter", "vnifilter", "novnifilter")
                .bool("udp_csum", "udpcsum", "noudpcsum")
                .bool("udp_zero_csum6_tx", "udp6zerocsumtx", "noudp6zerocsumtx")
                .bool("udp_zero_csum6_rx", "udp6zerocsumrx", "noudp6zerocsumrx")
                .bool("remcsum_tx", "remcsumtx", "noremcsumtx")
                .bool("remcsum_rx", "remcsumrx", "noremcsumrx")
                .bool("remcsum_nopartial", "remcsum_nopartial", null)
                .bool("gbp", "gbp", null)
                .bool("gpe", "gpe", null)
                .bool("localbypass", "localbypass", "nolocalbypass")
                .bool("mcroute", "mcroute", "nomcroute")
                .value("reserved_bits", U64, "reserved_bits")
                .build());
        add(new KindSpec.Builder("ifb").build());
        add(new KindSpec.Builder("dummy").build());
        add(new KindSpec.Builder("vlan").parent(KindSpec.Parent.REQUIRED)
                .value("protocol", ValueType.words("802.1Q", "802.1ad"), "protocol")
                .value("id", ValueType.unsigned(4094), "id")
                .onOff("reorder_hdr", "reorder_hdr")
                .onOff("gvrp", "gvrp")
                .onOff("mvrp", "mvrp")
                .onOff("loose_binding", "loose_binding")
                .onOff("bridge_binding", "bridge_binding")
                .value("ingress_qos", QOS_MAP, "ingress-qos-map")
                .value("egress_qos", QOS_MAP, "egress-qos-map")
                .build());
        for (String kind : new String[] {"ipvlan", "ipvtap"}) {
            add(new KindSpec.Builder(kind).parent(KindSpec.Parent.REQUIRED).noMac()
                    .value("mode", ValueType.words("l2", "l3", "l3s"), "mode")
                    .value("isolation", ValueType.words("bridge", "private", "vepa"), null)
                    .build());
        }
        TunnelKinds.all().forEach(LinkKinds::add);
        add(BondKind.spec());
    }

    private LinkKinds() {
    }

    private static void add(KindSpec spec) {
        SPECS.put(spec.kind(), spec);
    }

    /** The spec of a kind beyond the basic three, if netcr knows it. */
    public static Optional<KindSpec> spec(String kind) {
        return Optional.ofNullable(SPECS.get(kind));
    }

    /** Every kind with a spec, in a fixed order. */
    public static Map<String, KindSpec> specs() {
        return Collections.unmodifiableMap(SPECS);
    }

    /** True for a fallback device: a name a tunnel module gives its own device in every namespace, of that kind. */
    public static boolean isFallback(Device d) {
        return d.kind().equals(FALLBACKS.get(d.name()));
    }

    /**
     * Whether a checkpoint can record the device so that a restore makes (or, for lo and fallback devices,
     * configures) it again.
     */
    public static boolean restorable(Device d) {
        return BASIC.contains(d.kind()) || SPECS.containsKey(d.kind()) || isFallback(d);
    }

    /** The kinds a restore can make or configure, for messages: "loopback, veth, bridge, tun, ...". */
    public static String restorableList() {
        return "loopback, veth, bridge, " + String.join(", ", SPECS.keySet()) + " and the tunnel fallback devices";
    }
}
