package io.netcr.bridge.netlink.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.IfInfoMsg;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.model.Device;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A link's kind settings and IPv6 address generation mode through the one mapping. */
class KindLinkMappingTest {

    /**
     * IFLA_AF_SPEC as a link dump carries it, cut to what the mapping reads (the kernel adds IFLA_INET6_FLAGS,
     * CONF, STATS, ... around it, and an AF_INET nest before).
     */
    private static final String AF_SPEC_NONE = ""
            + "10 00 1a 80"          // IFLA_AF_SPEC (26), nested, 16 bytes
            + " 0c 00 0a 80"         //   AF_INET6 (10), nested, 12 bytes
            + " 05 00 08 00 01 00 00 00"; //   IFLA_INET6_ADDR_GEN_MODE (8) u8: 1, IN6_ADDR_GEN_MODE_NONE; padding

    @Test
    void should_map_a_vxlans_settings_its_underlay_and_its_address_generation_mode() {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, "vx0").addU32(Ifla.IFLA_MTU, 1450)
                .addU32(Ifla.IFLA_LINK, 9); // vxlan has no iflink of its own: IFLA_LINK is its own ifindex
        AttributeTree info = a.addNest(Ifla.IFLA_LINKINFO);
        info.addString(Ifla.IFLA_INFO_KIND, "vxlan");
        ByteBuffer data = HexFixtures.sections("kind_vxlan.hex").entrySet().stream()
                .filter(e -> e.getKey().startsWith("vx0 (")).findFirst().orElseThrow().getValue();
        info.add(Ifla.IFLA_INFO_DATA, bytes(data));
        a.add(Ifla.IFLA_AF_SPEC, bytes(HexFixtures.bytes(AF_SPEC_NONE), 4));
        MappedLink m = map(a, 9);
        Device d = m.device();
        assertEquals("vxlan", d.kind());
        assertEquals("42", d.config().get("id"));
        assertEquals("10.250.0.2", d.config().get("remote"));
        assertEquals("none", d.config().addrGenMode());
        assertEquals(3, m.lowerIndex(), "the parent is IFLA_VXLAN_LINK, not IFLA_LINK");
        assertTrue(m.hasLower());
    }

    @Test
    void should_leave_the_mode_unknown_without_ipv6_and_keep_run_time_entries_as_properties() {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, "tp0");
        AttributeTree info = a.addNest(Ifla.IFLA_LINKINFO);
        info.addString(Ifla.IFLA_INFO_KIND, "tun");
        info.add(Ifla.IFLA_INFO_DATA, bytes(HexFixtures.sections("kind_tun.hex").entrySet().stream()
                .filter(e -> e.getKey().startsWith("tp0")).findFirst().orElseThrow().getValue()));
        Device d = map(a, 4).device();
        assertNull(d.config().addrGenMode(), "no IFLA_AF_SPEC/AF_INET6: no IPv6 state on the device");
        assertEquals("tap", d.config().get("type"));
        assertEquals("0", d.properties().get("tun.queues"));
    }

    private static MappedLink map(AttributeTree a, int ifindex) {
        ByteBuffer b = ByteBuffer.allocate(2048).order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, Nl.RTM_NEWLINK, Nl.NLM_F_MULTI, 1, 0, new IfInfoMsg(0, 1, ifindex, 0, 0), a);
        b.flip();
        Mapped<MappedLink> m = RtnlMapper.link((NetlinkMessage.Link) NetlinkMessages.parseOne(b, 0), LinkNames.NONE);
        assertInstanceOf(Mapped.Value.class, m, m::toString);
        return m.valueOrNull();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** The payload of one attribute given whole (header included). */
    private static byte[] bytes(byte[] attribute, int header) {
        return java.util.Arrays.copyOfRange(attribute, header, attribute.length);
    }
}
