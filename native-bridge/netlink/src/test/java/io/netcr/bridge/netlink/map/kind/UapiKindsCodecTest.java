package io.netcr.bridge.netlink.map.kind;

import static io.netcr.bridge.netlink.map.kind.KindFixtures.array;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.bytes;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.encoded;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.hex;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Ifla;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The codecs of kinds this kernel lacks (vlan, ipvlan, ipip, sit, ip6tnl, gre, ip6gre, bond) against
 * IFLA_INFO_DATA written from the UAPI layout (linux/if_link.h, linux/if_tunnel.h) in kind_*.hex: each dump is
 * read into settings, and the request made of those settings holds exactly the dump's attributes, byte for
 * byte, but those the kernel keeps at run time (or, for vlan and bond, is the request section written out).
 */
class UapiKindsCodecTest {

    @Test
    void should_read_a_vlan_and_send_it_as_if_link_h_lays_it_out() {
        KindCodec vlan = KindCodecs.of("vlan").orElseThrow();
        KindData k = vlan.decode(section("kind_vlan.hex", "dump"));
        assertEquals(Map.of("id", "100", "protocol", "802.1Q", "reorder_hdr", "true", "gvrp", "false", "mvrp", "false",
                "loose_binding", "false", "bridge_binding", "false", "ingress_qos", "1:2", "egress_qos", "3:4"),
                k.config());
        assertEquals(hex(array(bytes("kind_vlan.hex", "request"))), hex(encoded(vlan, k.config())));
        assertEquals("false", vlan.decode(new AttributeTree().addU16(VlanCodec.IFLA_VLAN_ID, 5)).config()
                .get("reorder_hdr"), "no IFLA_VLAN_FLAGS: every flag clear (the kernel's default is REORDER_HDR)");
    }

    @Test
    void should_read_an_ipvlan_and_send_the_same_bytes() {
        KindCodec ipvlan = KindCodecs.of("ipvlan").orElseThrow();
        KindData k = ipvlan.decode(section("kind_ipvlan.hex", "dump"));
        assertEquals(Map.of("mode", "l3", "isolation", "private"), k.config());
        assertEquals(hex(array(bytes("kind_ipvlan.hex", "dump"))), hex(encoded(ipvlan, k.config())));
    }

    @Test
    void should_read_ip_tunnels_with_their_underlay_and_send_back_every_setting() {
        KindData ipip = sameBack("ipip", "kind_iptun.hex", "ipip dump", Set.of(IpTunnelCodec.IFLA_IPTUN_LINK));
        assertEquals(Map.ofEntries(Map.entry("local", "10.250.5.1"), Map.entry("remote", "10.250.5.2"),
                Map.entry("ttl", "64"), Map.entry("tos", "0"), Map.entry("proto", "4"), Map.entry("pmtudisc", "true"),
                Map.entry("fwmark", "7"), Map.entry("encap", "fou"), Map.entry("encap_sport", "5555"),
                Map.entry("encap_dport", "6666"), Map.entry("encap_flags", "1")), ipip.config());
        assertEquals(3, ipip.lowerIndex());
        KindData sit = sameBack("sit", "kind_iptun.hex", "sit dump", Set.of(IpTunnelCodec.IFLA_IPTUN_LINK));
        assertEquals("1", sit.config().get("flags"), "SIT_ISATAP");
        assertEquals("2001:db8::", sit.config().get("6rd_prefix"));
        assertEquals("10.250.0.0", sit.config().get("6rd_relay_prefix"));
        assertEquals(0, sit.lowerIndex());
        KindData ip6 = sameBack("ip6tnl", "kind_iptun.hex", "ip6tnl dump", Set.of(IpTunnelCodec.IFLA_IPTUN_LINK));
        assertEquals("fd00:250:7::2", ip6.config().get("remote"));
        assertEquals("74565", ip6.config().get("flowinfo"));
        assertEquals("65536", ip6.config().get("flags"));
        assertEquals("true", ip6.config().get("external"), "IFLA_IPTUN_COLLECT_METADATA, a flag");
    }

    @Test
    void should_read_gre_tunnels_of_both_families_and_send_back_every_setting() {
        KindData tap = sameBack("gretap", "kind_gre.hex", "gretap dump", Set.of(GreCodec.IFLA_GRE_LINK));
        assertEquals("8192", tap.config().get("iflags"), "GRE_KEY, in host order");
        assertEquals("42", tap.config().get("ikey"));
        assertEquals("43", tap.config().get("okey"));
        assertEquals(4, tap.lowerIndex());
        KindData six = sameBack("ip6gre", "kind_gre.hex", "ip6gre dump", Set.of(GreCodec.IFLA_GRE_LINK));
        assertEquals("fd00:250:8::1", six.config().get("local"));
        assertEquals("4", six.config().get("encap_limit"));
        assertFalse(six.config().containsKey("tos"), "no TOS in an IPv6 GRE tunnel");
    }

    @Test
    void should_put_a_tunnels_underlay_in_its_own_data_and_a_vlans_in_ifla_link() {
        AttributeTree link = new AttributeTree();
        AttributeTree data = new AttributeTree();
        KindCodecs.of("gre").orElseThrow().encodeParent(7, link, data);
        assertEquals(7, data.u32Or(GreCodec.IFLA_GRE_LINK, 0));
        assertEquals(0, link.size());
        KindCodecs.of("vlan").orElseThrow().encodeParent(8, link, data);
        assertEquals(8, link.u32Or(Ifla.IFLA_LINK, 0));
    }

    @Test
    void should_send_only_the_options_of_a_bonds_mode() {
        KindCodec bond = KindCodecs.of("bond").orElseThrow();
        KindData k = bond.decode(section("kind_bond.hex", "dump"));
        assertEquals("802.3ad", k.config().get("mode"));
        assertEquals("10.250.9.1", k.config().get("arp_ip_target"));
        assertEquals("02:00:0a:fa:09:01", k.config().get("ad_actor_system"));
        assertEquals(Map.of("bond.primary", 5, "bond.active_slave", 6), k.devices(), "slaves by ifindex, for names");
        assertFalse(k.config().containsKey("primary"), "the primary is no setting: it names a slave");
        assertEquals(hex(array(bytes("kind_bond.hex", "request"))), hex(encoded(bond, k.config())));
        assertTrue(BondCodec.usedIn("packets_per_slave", "balance-rr"));
        assertFalse(BondCodec.usedIn("packets_per_slave", "802.3ad"));
        assertTrue(BondCodec.usedIn("arp_interval", "active-backup"));
        assertFalse(BondCodec.usedIn("tlb_dynamic_lb", "active-backup"));
        assertTrue(BondCodec.usedIn("tlb_dynamic_lb", "balance-alb"));
    }

    /**
     * Decodes a dump section and checks that the request of its settings holds the same attributes, each byte
     * for byte, but {@code notSent} (the underlay, given as the parent).
     */
    private static KindData sameBack(String kind, String file, String title, Set<Integer> notSent) {
        KindCodec codec = KindCodecs.of(kind).orElseThrow();
        AttributeTree dump = section(file, title);
        KindData k = codec.decode(dump);
        byte[] sent = encoded(codec, k.config());
        ByteBuffer b = ByteBuffer.wrap(sent).order(ByteOrder.nativeOrder());
        AttributeTree request = AttributeTree.parse(b, sent.length, 0, "request");
        for (Attribute a : dump.all()) {
            Attribute r = request.find(a.type());
            if (notSent.contains(a.type())) {
                assertEquals(null, r, kind + ": attribute " + a.type() + " is the parent's, sent by encodeParent");
            } else {
                assertTrue(r != null, kind + ": attribute " + a.type() + " of the dump is not sent");
                assertEquals(hex(a.bytes()), hex(r.bytes()), kind + ": attribute " + a.type());
            }
        }
        assertEquals(dump.size() - notSent.size(), request.size(), kind + ": the request sends nothing else");
        return k;
    }
}
