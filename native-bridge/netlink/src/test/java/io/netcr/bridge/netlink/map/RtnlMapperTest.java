package io.netcr.bridge.netlink.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.IfAddrMsg;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.Nda;
import io.netcr.bridge.netlink.NdMsg;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.NetlinkStruct;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.bridge.netlink.Rta;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Neighbour;
import io.netcr.model.Route;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden bytes (most captured from this kernel) through the one mapping to model records. */
class RtnlMapperTest {

    private static final LinkNames LO = LinkNames.of(Map.of(1, "lo"));

    @Test
    void should_map_a_veth_link_leaving_its_peer_as_numbers() {
        NetlinkMessage.Link l = (NetlinkMessage.Link) NetlinkMessages.parse(HexFixtures.load("link_veth.hex")).get(0);
        MappedLink m = value(RtnlMapper.link(l, LinkNames.NONE));

        Device d = m.device();
        assertEquals(5, d.ifindex());
        assertEquals("nctv0", d.name());
        assertEquals(Device.VETH, d.kind());
        assertEquals("02:11:22:33:44:55", d.mac());
        assertEquals(1500, d.mtu());
        assertTrue(d.up());
        assertEquals("down", d.operstate());
        assertEquals("NO-CARRIER,BROADCAST,MULTICAST,UP", d.properties().get("flags"));
        assertEquals("0", d.properties().get("link_netnsid"));
        assertEquals(2, m.lowerIndex());
        assertEquals(0, m.linkNetnsid());
        assertTrue(m.hasLower());
        assertNull(d.peer(), "the peer's namespace is the reader's to find");
    }

    @Test
    void should_map_an_address_as_ip_addr_shows_it() {
        NetlinkMessage.Addr a = (NetlinkMessage.Addr) NetlinkMessages.parse(HexFixtures.load("addr_lo_v4_dump.hex")).get(0);
        Mapped<IndexedAddress> r = RtnlMapper.address(a, LO);

        assertEquals(new Mapped.Value<>(new IndexedAddress(1, new Address("inet", "127.0.0.1", 8, "host",
                List.of("permanent"), null)), false), r, "label lo is the device's name, so no label");
    }

    @Test
    void should_call_a_damaged_address_damaged_and_another_family_ignored() {
        assertEquals("an inet address of 5 bytes (expected 4)", RtnlMapper.address(addr(Nl.RTM_NEWADDR,
                new IfAddrMsg(Nl.AF_INET, 24, 0, 0, 1), new AttributeTree().add(Ifa.IFA_LOCAL, new byte[5])), LO)
                .problemOrNull());
        assertEquals("an inet address of length 33 (at most 32)", RtnlMapper.address(addr(Nl.RTM_NEWADDR,
                new IfAddrMsg(Nl.AF_INET, 33, 0, 0, 1), new AttributeTree().add(Ifa.IFA_LOCAL, new byte[4])), LO)
                .problemOrNull());
        assertEquals("an address message without IFA_LOCAL or IFA_ADDRESS", RtnlMapper.address(addr(Nl.RTM_NEWADDR,
                new IfAddrMsg(Nl.AF_INET6, 64, 0, 0, 1), new AttributeTree()), LO).problemOrNull());
        String tooShort = RtnlMapper.address(addr(Nl.RTM_NEWADDR, new IfAddrMsg(Nl.AF_INET, 8, 0, 0, 1),
                new AttributeTree().add(Ifa.IFA_LOCAL, new byte[4]).add(Ifa.IFA_FLAGS, new byte[2])), LO).problemOrNull();
        assertTrue(tooShort.startsWith("attribute type 8 has 2 bytes, needs 4"), tooShort);
        assertInstanceOf(Mapped.Ignored.class, RtnlMapper.address(addr(Nl.RTM_NEWADDR,
                new IfAddrMsg(17, 0, 0, 0, 1), new AttributeTree()), LO), "AF_PACKET holds no IP address");
    }

    @Test
    void should_say_an_address_was_removed_by_rtm_deladdr() {
        Mapped<IndexedAddress> r = RtnlMapper.address(addr(Nl.RTM_DELADDR, new IfAddrMsg(Nl.AF_INET6, 64, 0x80, 0, 1),
                new AttributeTree().add(Ifa.IFA_ADDRESS, new byte[] {(byte) 0xfd, 0, 2, 0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 1})), LO);
        Mapped.Value<IndexedAddress> v = assertInstanceOf(Mapped.Value.class, r);
        assertTrue(v.removed());
        assertEquals("inet6 fd00:250::1/64 scope global permanent", v.value().address().describe());
    }

    @Test
    void should_map_a_main_table_route_naming_its_device() {
        NetlinkMessage.Route m = (NetlinkMessage.Route) NetlinkMessages.parse(HexFixtures.load("route_main_v4.hex")).get(0);
        MappedRoute r = value(RtnlMapper.route(m, LO));

        assertTrue(r.isMain());
        assertEquals(new Route("inet", "10.250.9.0/24", null, "lo", 7, "boot", "link", "unicast", null), r.route());
        assertEquals("if1", value(RtnlMapper.route(m, LinkNames.NONE)).route().device(),
                "a device without a name is written as iproute2 writes it, never dropped");
    }

    @Test
    void should_map_a_route_of_another_table_as_a_checkpoint_reports_it() {
        NetlinkMessage.Route m = (NetlinkMessage.Route) NetlinkMessages.parse(HexFixtures.load("route_table100_v4.hex"))
                .get(0);
        MappedRoute r = value(RtnlMapper.route(m, LO));

        assertFalse(r.isMain());
        assertEquals("100", r.route().table());
        assertEquals("10.250.2.0/24 via 10.250.1.2 dev lo table 100", r.route().describe());
    }

    @Test
    void should_map_destinations_as_iproute2_prints_them() {
        RtMsg noDst = new RtMsg(Nl.AF_INET6, 0, 0, 0, 254, 4, 0, 7, 0);
        assertEquals("unreachable default proto static", value(RtnlMapper.route(route(noDst, new AttributeTree()), LO))
                .route().describe());
        RtMsg lengthOnly = new RtMsg(Nl.AF_INET, 8, 0, 0, 254, 4, 0, 6, 0);
        assertEquals("0.0.0.0/8", value(RtnlMapper.route(route(lengthOnly, new AttributeTree()), LO)).route()
                .destination(), "iproute2's 0/8, in the model's canonical text");
    }

    @Test
    void should_call_a_damaged_route_damaged_and_a_multicast_family_ignored() {
        RtMsg v4 = new RtMsg(Nl.AF_INET, 24, 0, 0, 254, 3, 0, 1, 0);
        assertEquals("an inet gateway of 3 bytes (expected 4)", RtnlMapper.route(route(v4, new AttributeTree()
                .add(Rta.RTA_DST, new byte[4]).add(Rta.RTA_GATEWAY, new byte[3])), LO).problemOrNull());
        assertEquals("an inet route destination of 16 bytes (expected 4)", RtnlMapper.route(route(v4,
                new AttributeTree().add(Rta.RTA_DST, new byte[16])), LO).problemOrNull());
        assertEquals("an inet route destination of length 40 (at most 32)", RtnlMapper.route(route(
                new RtMsg(Nl.AF_INET, 40, 0, 0, 254, 3, 0, 1, 0), new AttributeTree()), LO).problemOrNull());
        assertInstanceOf(Mapped.Ignored.class, RtnlMapper.route(route(new RtMsg(128, 0, 0, 0, 254, 3, 0, 1, 0),
                new AttributeTree()), LO), "RTNL_FAMILY_IPMR");
    }

    @Test
    void should_map_neighbours_of_both_families_and_ignore_bridge_entries() {
        List<NetlinkMessage> ms = NetlinkMessages.parse(HexFixtures.load("neigh_dump.hex"));
        LinkNames names = LinkNames.of(Map.of(3, "nctn0"));

        assertEquals(new IndexedNeighbour(3, new Neighbour("inet", "10.250.77.2", "nctn0", "02:00:00:00:77:02",
                List.of("PERMANENT"), List.of())), value(RtnlMapper.neighbour((NetlinkMessage.Neigh) ms.get(0), names)));
        Neighbour v6 = value(RtnlMapper.neighbour((NetlinkMessage.Neigh) ms.get(1), names)).neighbour();
        assertEquals("fd00:250:77::2 dev nctn0 lladdr 02:00:00:00:77:03 router PERMANENT", v6.describe());
        assertTrue(v6.isPermanent());
        assertInstanceOf(Mapped.Ignored.class, RtnlMapper.neighbour(neigh(new NdMsg(Nl.AF_BRIDGE, 3, Nda.NUD_PERMANENT,
                Nda.NTF_SELF, 0), new AttributeTree().add(Nda.NDA_LLADDR, new byte[6])), names));
        assertEquals("a neighbour message without NDA_DST", RtnlMapper.neighbour(neigh(new NdMsg(Nl.AF_INET, 3,
                Nda.NUD_REACHABLE, 0, 1), new AttributeTree()), names).problemOrNull());
    }

    @Test
    void should_map_an_nsid_and_pass_over_what_carries_no_record() {
        List<NetlinkMessage> ms = NetlinkMessages.parse(HexFixtures.load("nsid_dump.hex"));

        assertEquals(new Mapped.Value<>(new MappedNsId(0), false), RtnlMapper.map(ms.get(0), LinkNames.NONE));
        assertInstanceOf(Mapped.Ignored.class, RtnlMapper.map(ms.get(1), LinkNames.NONE), "NLMSG_DONE");
    }

    @Test
    void should_map_any_message_of_a_mixed_stream_by_its_kind() {
        NetlinkMessage route = NetlinkMessages.parse(HexFixtures.load("route_main_v4.hex")).get(0);
        NetlinkMessage neigh = NetlinkMessages.parse(HexFixtures.load("neigh_dump.hex")).get(0);

        assertInstanceOf(MappedRoute.class, RtnlMapper.map(route, LO).valueOrNull());
        assertInstanceOf(IndexedNeighbour.class, RtnlMapper.map(neigh, LO).valueOrNull());
    }

    private static <T> T value(Mapped<T> m) {
        assertInstanceOf(Mapped.Value.class, m, m::toString);
        return m.valueOrNull();
    }

    private static NetlinkMessage.Addr addr(int type, IfAddrMsg h, AttributeTree a) {
        return (NetlinkMessage.Addr) packed(type, h, a);
    }

    private static NetlinkMessage.Route route(RtMsg h, AttributeTree a) {
        return (NetlinkMessage.Route) packed(Nl.RTM_NEWROUTE, h, a);
    }

    private static NetlinkMessage.Neigh neigh(NdMsg h, AttributeTree a) {
        return (NetlinkMessage.Neigh) packed(Nl.RTM_NEWNEIGH, h, a);
    }

    private static NetlinkMessage packed(int type, NetlinkStruct h, AttributeTree a) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, type, Nl.NLM_F_MULTI, 1, 0, h, a);
        b.flip();
        return NetlinkMessages.parseOne(b, 0);
    }
}
