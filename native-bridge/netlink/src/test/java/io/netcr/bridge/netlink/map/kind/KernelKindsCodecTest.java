package io.netcr.bridge.netlink.map.kind;

import static io.netcr.bridge.netlink.map.kind.KindFixtures.array;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.bytes;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.encoded;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.hex;
import static io.netcr.bridge.netlink.map.kind.KindFixtures.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The codecs of the kinds this kernel makes (tun, macvlan, vxlan) against IFLA_INFO_DATA captured from it
 * (kind_*.hex), and what they send back; their requests are proven against the kernel by the restore kernel
 * tests.
 */
class KernelKindsCodecTest {

    private static final KindCodec TUN = KindCodecs.of("tun").orElseThrow();
    private static final KindCodec MACVLAN = KindCodecs.of("macvlan").orElseThrow();
    private static final KindCodec VXLAN = KindCodecs.of("vxlan").orElseThrow();

    @Test
    void should_read_a_tap_and_a_tun_leaving_their_queues_to_the_run_time() {
        KindData tap = TUN.decode(section("kind_tun.hex", "tp0"));
        assertEquals(Map.of("type", "tap", "owner", "1000", "group", "100", "pi", "false", "vnet_hdr", "true",
                "multi_queue", "true", "persist", "true"), tap.config());
        assertEquals(Map.of("tun.queues", "0", "tun.disabled_queues", "0"), tap.runtime());
        assertEquals(KindData.NO_LINK_ATTRIBUTE, tap.lowerIndex());
        KindData tun = TUN.decode(section("kind_tun.hex", "tn0"));
        assertEquals(Map.of("type", "tun", "pi", "true", "vnet_hdr", "false", "multi_queue", "false",
                "persist", "true"), tun.config(), "no owner or group: none was set");
    }

    @Test
    void should_make_the_tunsetiff_flags_of_a_tun_and_refuse_rtnetlink() {
        // IFF_TAP 0x2 | IFF_MULTI_QUEUE 0x100 | IFF_NO_PI 0x1000 | IFF_VNET_HDR 0x4000
        assertEquals(0x5102, TunCodec.ifrFlags(TUN.decode(section("kind_tun.hex", "tp0")).config()));
        // IFF_TUN 0x1, packet information kept
        assertEquals(0x0001, TunCodec.ifrFlags(TUN.decode(section("kind_tun.hex", "tn0")).config()));
        assertThrows(UnsupportedOperationException.class, () -> TUN.encode(Map.of(), new AttributeTree()));
    }

    @Test
    void should_read_macvlans_and_send_mode_flags_and_source_addresses_back() {
        KindData bridge = MACVLAN.decode(section("kind_macvlan.hex", "mv0"));
        assertEquals(Map.of("mode", "bridge", "nopromisc", "false", "nodst", "false", "bcqueuelen", "1000"),
                bridge.config());
        assertEquals(Map.of("macvlan.usedbcqueuelen", "1000"), bridge.runtime());
        KindData source = MACVLAN.decode(section("kind_macvlan.hex", "ms0"));
        assertEquals("source", source.config().get("mode"));
        assertEquals("02:00:00:00:00:02", source.config().get("macaddr"));
        assertEquals(hex(new byte[] {
            8, 0, 1, 0, 16, 0, 0, 0,                      // IFLA_MACVLAN_MODE u32: source
            8, 0, 7, 0, (byte) 0xe8, 3, 0, 0,             // IFLA_MACVLAN_BC_QUEUE_LEN u32: 1000
            6, 0, 2, 0, 0, 0, 0, 0,                       // IFLA_MACVLAN_FLAGS u16: 0, 2 bytes padding
            8, 0, 3, 0, 3, 0, 0, 0,                       // IFLA_MACVLAN_MACADDR_MODE u32: MACVLAN_MACADDR_SET
            16, 0, 5, (byte) 0x80,                        // IFLA_MACVLAN_MACADDR_DATA, nested
            10, 0, 4, 0, 2, 0, 0, 0, 0, 2, 0, 0}),        //   IFLA_MACVLAN_MACADDR: 02:00:00:00:00:02, padding
                hex(encoded(MACVLAN, source.config())));
    }

    @Test
    void should_read_vxlans_of_both_families_with_their_underlay() {
        KindData v4 = VXLAN.decode(section("kind_vxlan.hex", "vx0 ("));
        Map<String, String> c = new TreeMap<>(v4.config());
        assertEquals("42", c.get("id"));
        assertEquals("10.250.0.2", c.get("remote"));
        assertEquals("10.250.0.1", c.get("local"));
        assertEquals("4789", c.get("port"));
        assertEquals("1000-2000", c.get("port_range"));
        assertEquals("5", c.get("ttl"));
        assertEquals("16", c.get("tos"));
        assertEquals("false", c.get("learning"));
        assertEquals("true", c.get("l2miss"));
        assertEquals("100", c.get("ageing"));
        assertEquals("5", c.get("limit"));
        assertEquals("unset", c.get("df"));
        assertEquals(Long.toUnsignedString(0xf7ffffff000000ffL), c.get("reserved_bits"));
        assertEquals(3, v4.lowerIndex(), "IFLA_VXLAN_LINK");
        KindData v6 = VXLAN.decode(section("kind_vxlan.hex", "vx6 ("));
        assertEquals("ff05::100", v6.config().get("remote"));
        assertEquals("fd00:250::1", v6.config().get("local"));
        assertEquals("true", v6.config().get("ttl_inherit"));
        assertEquals("true", v6.config().get("gbp"), "a flag attribute present");
        assertEquals("74565", v6.config().get("label"), "flow label 0x12345");
        assertEquals(2, v6.lowerIndex());
    }

    @Test
    void should_send_a_vxlan_as_the_kernel_takes_it() {
        Map<String, String> settings = VXLAN.decode(section("kind_vxlan.hex", "vx6 (")).config();
        assertEquals(hex(array(bytes("kind_vxlan.hex", "vx6 request"))), hex(encoded(VXLAN, settings)));
    }

    @Test
    void should_name_an_attribute_of_an_unexpected_size_and_read_the_rest() {
        AttributeTree data = new AttributeTree().addU32(VxlanCodec.IFLA_VXLAN_ID, 9)
                .addU32(VxlanCodec.IFLA_VXLAN_TTL, 5); // a u8 written as a u32: a newer kernel, or damage
        KindData k = VXLAN.decode(data);
        assertEquals(Map.of("id", "9"), k.config());
        assertEquals("ttl", k.runtime().get(KindCodecs.UNREADABLE));
    }
}
