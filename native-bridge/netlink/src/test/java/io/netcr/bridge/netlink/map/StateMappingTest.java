package io.netcr.bridge.netlink.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.model.Route;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a checkpoint reads beyond a snapshot, from golden bytes: a route's rarer fields, neighbours, qdiscs. */
class StateMappingTest {

    private static final LinkNames ETH0 = LinkNames.of(Map.of(3, "eth0"));

    @Test
    void should_map_tos_onlink_table_and_metrics_with_their_lock() {
        Route r = value(RtnlMapper.route((NetlinkMessage.Route) one("route_extras_v4.hex"), ETH0)).route();

        assertEquals(new Route("inet", "10.250.45.0/24", "10.250.1.2", "eth0", 0, "boot", "global", "unicast", null,
                "100", 0x10, List.of("onlink"), null, Map.of("lock", "4", "mtu", "1400", "advmss", "1360",
                "congctl", "cubic")), r);
        assertEquals("10.250.45.0/24 tos 0x10 via 10.250.1.2 dev eth0 table 100 onlink advmss 1360 congctl cubic "
                + "mtu lock 1400", r.describe());
    }

    @Test
    void should_map_an_ipv6_preference_and_leave_the_cache_info_alone() {
        MappedRoute m = value(RtnlMapper.route((NetlinkMessage.Route) one("route_pref_v6.hex"), ETH0));

        assertEquals("high", m.route().pref());
        assertEquals("fd00:250:46::/64 dev eth0 table 100 metric 1024 pref high", m.route().describe());
        assertEquals(List.of(), m.unsupported());
    }

    @Test
    void should_name_what_a_route_has_that_the_model_cannot_hold() {
        AttributeTree a = new AttributeTree().addU32(Rta.RTA_TABLE, 254);
        a.addNest(Rta.RTA_MULTIPATH); // empty: its presence is what counts
        AttributeTree withFlow = new AttributeTree().addU32(Rta.RTA_TABLE, 254).addU32(Rta.RTA_FLOW, 3);
        MappedRoute multipath = value(RtnlMapper.route(route(new RtMsg(Nl.AF_INET, 0, 0, 0, 254, 3, 0, 1, 0),
                a), ETH0));
        MappedRoute sourced = value(RtnlMapper.route(route(new RtMsg(Nl.AF_INET6, 64, 48, 0, 254, 3, 0, 1, 0),
                withFlow), ETH0));

        assertEquals(List.of("several next hops (multipath)"), multipath.unsupported());
        assertEquals(List.of("a source prefix (from)", "realms"), sourced.unsupported());
    }

    @Test
    void should_map_a_permanent_neighbour() {
        IndexedNeighbour n = value(RtnlMapper.neighbour((NetlinkMessage.Neigh) one("neigh_permanent_v4.hex"), ETH0));

        assertEquals(3, n.ifindex());
        assertTrue(n.neighbour().isPermanent());
        assertEquals("10.250.1.9 dev eth0 lladdr 02:00:00:00:41:09 PERMANENT", n.neighbour().describe());
    }

    @Test
    void should_map_a_qdisc_someone_added_and_tell_it_from_the_kernels_default() {
        MappedQdisc q = value(RtnlMapper.qdisc((NetlinkMessage.Qdisc) one("qdisc_pfifo.hex"), ETH0));

        assertEquals(new MappedQdisc("eth0", "pfifo", 0x10000, -1), q);
        assertFalse(q.isKernelDefault());
        assertEquals("pfifo 1: dev eth0 root", q.describe());
        assertTrue(new MappedQdisc("lo", "noqueue", 0, -1).isKernelDefault());
        assertEquals("ingress ffff: dev eth0 parent ffff:fff1", new MappedQdisc("eth0", "ingress", 0xffff0000,
                0xfffffff1).describe());
    }

    private static NetlinkMessage one(String fixture) {
        return NetlinkMessages.parse(HexFixtures.load(fixture)).get(0);
    }

    private static <T> T value(Mapped<T> m) {
        assertInstanceOf(Mapped.Value.class, m, m::toString);
        return m.valueOrNull();
    }

    private static NetlinkMessage.Route route(RtMsg h, AttributeTree a) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, Nl.RTM_NEWROUTE, Nl.NLM_F_MULTI, 1, 0, h, a);
        b.flip();
        return (NetlinkMessage.Route) NetlinkMessages.parseOne(b, 0);
    }
}
