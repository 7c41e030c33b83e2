package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.IfAddrMsg;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.model.Address;
import io.netcr.model.Route;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.TargetNs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes of restore's requests, without a kernel. */
class RestoreMessagesTest {

    private static byte[] pack(RestoreMessages.Request r) {
        int flags = Nl.NLM_F_REQUEST | Nl.NLM_F_ACK | r.flags();
        ByteBuffer b = ByteBuffer.allocate(NetlinkMessages.packedLength(r.body(), r.attributes()))
                .order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, r.type(), flags, 1, 0, r.body(), r.attributes());
        return b.array();
    }

    @Test
    void should_encode_veth_with_peer_in_its_namespace_as_the_golden_bytes() {
        LinkEnd v0 = new LinkEnd(new TargetNs("A"), "v0", 7, "02:00:0a:fa:00:01", 1400);
        LinkEnd v1 = new LinkEnd(new TargetNs("B"), "v1", 9, "02:00:0a:fa:00:02", 1400);

        byte[] bytes = pack(RestoreMessages.createVeth(v0, 5, v1, 6));

        assertArrayEquals(HexFixtures.load("newlink_veth_peer.hex").array(), bytes);
    }

    @Test
    void should_leave_out_what_the_kernel_chooses() {
        LinkEnd end = new LinkEnd(new TargetNs("A"), "v0", 0, null, 0);
        NetlinkMessage.Link m = (NetlinkMessage.Link) NetlinkMessages.parse(ByteBuffer.wrap(pack(
                RestoreMessages.createVeth(end, 5, new LinkEnd(TargetNs.RESTORER, "h0", 0, null, 0), 6)))
                .order(ByteOrder.nativeOrder())).get(0);

        assertEquals(0, m.info().index(), "ifindex 0: the kernel chooses");
        assertTrue(m.attributes().get(1).isEmpty(), "no IFLA_ADDRESS");
        assertTrue(m.attributes().get(4).isEmpty(), "no IFLA_MTU");
    }

    @Test
    void should_add_ipv6_address_with_nodad_in_ifa_flags() {
        Address a = new Address("inet6", "fd00:250::1", 64, "global", List.of("permanent"), null);

        NetlinkMessage.Addr m = (NetlinkMessage.Addr) parse(RestoreMessages.addAddress(4, a, true));

        IfAddrMsg h = m.info();
        assertEquals(Nl.AF_INET6, h.family());
        assertEquals(64, h.prefixlen());
        assertEquals(4, h.index());
        assertEquals(Ifa.IFA_F_NODAD, h.flags(), "permanent is the kernel's to set, nodad is asked for");
        assertEquals(Ifa.IFA_F_NODAD, m.attributes().u32(Ifa.IFA_FLAGS).orElseThrow());
        byte[] ip = m.attributes().bytes(Ifa.IFA_LOCAL).orElseThrow();
        assertEquals(16, ip.length);
        assertArrayEquals(ip, m.attributes().bytes(Ifa.IFA_ADDRESS).orElseThrow());
        assertTrue(m.attributes().get(Ifa.IFA_LABEL).isEmpty(), "labels are IPv4 only");
    }

    @Test
    void should_keep_ipv4_label_and_scope() {
        Address a = new Address("inet", "10.250.0.1", 32, "host", List.of(), "lo:x");

        NetlinkMessage.Addr m = (NetlinkMessage.Addr) parse(RestoreMessages.addAddress(1, a, false));

        assertEquals(254, m.info().scope());
        assertEquals("lo:x", m.attributes().string(Ifa.IFA_LABEL).orElseThrow());
        assertEquals(0, m.attributes().u32(Ifa.IFA_FLAGS).orElseThrow());
    }

    @Test
    void should_add_gateway_route_onlink_in_main_table() {
        Route r = new Route("inet", "10.250.99.0/24", "10.250.1.1", "vba", 7, "static", "global", "unicast", null);

        NetlinkMessage.Route m = (NetlinkMessage.Route) parse(RestoreMessages.addRoute(r, 3, true));

        RtMsg h = m.info();
        AttributeTree a = m.attributes();
        assertEquals(24, h.dstLen());
        assertEquals(Rta.RT_TABLE_MAIN, h.table());
        assertEquals(4, h.protocol(), "static");
        assertEquals(1, h.type(), "unicast");
        assertEquals(RestoreMessages.RTNH_F_ONLINK, h.flags());
        assertArrayEquals(new byte[] {10, (byte) 250, 99, 0}, a.bytes(Rta.RTA_DST).orElseThrow());
        assertArrayEquals(new byte[] {10, (byte) 250, 1, 1}, a.bytes(Rta.RTA_GATEWAY).orElseThrow());
        assertEquals(3, a.u32(Rta.RTA_OIF).orElseThrow());
        assertEquals(7, a.u32(Rta.RTA_PRIORITY).orElseThrow());
    }

    @Test
    void should_send_default_route_without_destination() {
        Route r = new Route("inet6", "default", "fd00:250::1", "eth0", 1024, "boot", "global", "unicast", null);

        NetlinkMessage.Route m = (NetlinkMessage.Route) parse(RestoreMessages.addRoute(r, 2, false));

        assertEquals(0, m.info().dstLen());
        assertTrue(m.attributes().get(Rta.RTA_DST).isEmpty());
        assertEquals(3, m.info().protocol(), "boot");
        assertEquals(0, m.info().flags());
    }

    private static NetlinkMessage parse(RestoreMessages.Request r) {
        return NetlinkMessages.parse(ByteBuffer.wrap(pack(r)).order(ByteOrder.nativeOrder())).get(0);
    }
}
