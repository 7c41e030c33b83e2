package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rtnetlink codec of each link kind netcr knows beyond loopback, veth and bridge; the same kinds as the
 * model's {@code io.netcr.model.link.LinkKinds}, and the same setting names.
 */
public final class KindCodecs {

    /** The run-time entry naming settings whose attribute had a size this netcr does not expect. */
    public static final String UNREADABLE = "config.unreadable";

    /** A kind without settings (ifb, dummy): nothing in IFLA_INFO_DATA. */
    private static final KindCodec NONE = new KindCodec() {
        public KindData decode(AttributeTree data) {
            return new KindData(Map.of(), Map.of(), KindData.NO_LINK_ATTRIBUTE);
        }

        public void encode(Map<String, String> config, AttributeTree data) {
            // nothing to send
        }
    };

    private static final Map<String, KindCodec> CODECS = Map.ofEntries(
            Map.entry("tun", new TunCodec()),
            Map.entry("macvlan", new MacvlanCodec()),
            Map.entry("macvtap", new MacvlanCodec()),
            Map.entry("vxlan", new VxlanCodec()),
            Map.entry("ifb", NONE),
            Map.entry("dummy", NONE),
            Map.entry("vlan", new VlanCodec()),
            Map.entry("ipvlan", new IpvlanCodec()),
            Map.entry("ipvtap", new IpvlanCodec()),
            Map.entry("ipip", new IpTunnelCodec("ipip")),
            Map.entry("sit", new IpTunnelCodec("sit")),
            Map.entry("ip6tnl", new IpTunnelCodec("ip6tnl")),
            Map.entry("gre", new GreCodec(false)),
            Map.entry("gretap", new GreCodec(false)),
            Map.entry("ip6gre", new GreCodec(true)),
            Map.entry("ip6gretap", new GreCodec(true)),
            Map.entry("bond", new BondCodec()));

    private KindCodecs() {
    }

    /** The kinds with a codec. */
    public static Set<String> kinds() {
        return CODECS.keySet();
    }

    public static Optional<KindCodec> of(String kind) {
        return Optional.ofNullable(CODECS.get(kind));
    }

    /** The TUNSETIFF flags of a tun's settings (see {@link TunCodec#ifrFlags}). */
    public static int tunFlags(Map<String, String> config) {
        return TunCodec.ifrFlags(config);
    }
}
