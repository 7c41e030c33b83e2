package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes of the requests that restore a namespace's rules, neighbours and routes of other tables. */
class StateMessagesTest {

    private static final PolicyRule RULE = new PolicyRule("inet", 200, new PolicyRule.Selector(true, "10.250.1.0/24",
            "10.250.44.0/24", 0, 7L, 0xffL, "eth0", null, false, "1000-2000", 6, null, "8000-8080", null),
            new PolicyRule.Action("lookup", 254L, null, 0, null, null), "static", Map.of(25, "2e"));

    private static byte[] pack(RestoreMessages.Request r) {
        ByteBuffer b = ByteBuffer.allocate(NetlinkMessages.packedLength(r.body(), r.attributes()))
                .order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, r.type(), Nl.NLM_F_REQUEST | Nl.NLM_F_ACK | r.flags(), 1, 0, r.body(), r.attributes());
        return b.array();
    }

    private static NetlinkMessage parse(byte[] bytes) {
        return NetlinkMessages.parse(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder())).get(0);
    }

    @Test
    void should_encode_a_rule_with_every_selector_and_the_attribute_it_kept_as_the_golden_bytes() {
        byte[] bytes = pack(StateMessages.addRule(RULE));

        assertArrayEquals(HexFixtures.load("newrule_v4.hex").array(), bytes);
        assertEquals(RULE, RtnlMapper.rule((NetlinkMessage.Rule) parse(bytes)).valueOrNull(),
                "the one mapping reads back the rule that was sent");
    }

    @Test
    void should_send_priority_0_and_a_table_above_255_in_fra_table_only() {
        PolicyRule zero = new PolicyRule("inet6", 0, null, PolicyRule.Action.lookup(1000), null, null);
        NetlinkMessage.Rule m = (NetlinkMessage.Rule) parse(pack(StateMessages.addRule(zero)));

        assertEquals(0, m.info().table(), "RT_TABLE_UNSPEC: FRA_TABLE says which");
        assertEquals(zero, RtnlMapper.rule(m).valueOrNull());
        assertEquals(0, m.attributes().u32Or(6, -1), "FRA_PRIORITY 0 sent, or the kernel would choose one");
    }

    @Test
    void should_encode_a_permanent_router_neighbour_as_the_golden_bytes() {
        Neighbour n = new Neighbour("inet6", "fd00:250:1::9", "eth0", "02:00:00:00:41:09", List.of("PERMANENT"),
                List.of("router"));
        byte[] bytes = pack(StateMessages.addNeighbour(3, n));

        assertArrayEquals(HexFixtures.load("newneigh_v6.hex").array(), bytes);
        assertEquals(n, RtnlMapper.neighbour((NetlinkMessage.Neigh) parse(bytes), LinkNames.of(Map.of(3, "eth0")))
                .valueOrNull().neighbour());
    }

    @Test
    void should_encode_a_route_of_another_table_with_tos_onlink_and_metrics_as_the_golden_bytes() {
        Route r = new Route("inet", "10.250.45.0/24", "10.250.1.2", "eth0", 0, "boot", "global", "unicast", null, "100",
                0x10, List.of("onlink"), null, Map.of("lock", "4", "mtu", "1400", "congctl", "cubic"));
        byte[] bytes = pack(RestoreMessages.addRoute(r, 3, false));

        assertArrayEquals(HexFixtures.load("newroute_extras_v4.hex").array(), bytes);
        assertEquals(r, RtnlMapper.route((NetlinkMessage.Route) parse(bytes), LinkNames.of(Map.of(3, "eth0")))
                .valueOrNull().route());
    }

    @Test
    void should_put_a_table_above_255_and_a_preference_in_their_attributes_as_the_golden_bytes() {
        Route r = new Route("inet6", "fd00:250:46::/64", null, "eth0", 1024, "boot", "global", "unicast", null, "1000", 0,
                List.of(), "high", Map.of());
        byte[] bytes = pack(RestoreMessages.addRoute(r, 3, false));

        assertArrayEquals(HexFixtures.load("newroute_table1000_v6.hex").array(), bytes);
        assertEquals(r, RtnlMapper.route((NetlinkMessage.Route) parse(bytes), LinkNames.of(Map.of(3, "eth0")))
                .valueOrNull().route());
    }
}
