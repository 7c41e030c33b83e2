package io.netcr.bridge.netlink.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.FibRuleHdr;
import io.netcr.bridge.netlink.Fra;
import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.model.PolicyRule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule messages as the model's rules, every selector and action, from golden bytes and from rules packed here. */
class RuleMappingTest {

    private static final PolicyRule.Selector FROM_10_250_1 = new PolicyRule.Selector(false, "10.250.1.0/24", null, 0,
            null, null, null, null, false, null, null, null, null, null);

    @Test
    void should_map_the_kernel_default_and_an_added_rule() {
        List<NetlinkMessage> ms = NetlinkMessages.parse(HexFixtures.load("rule_dump_v4.hex"));

        PolicyRule local = rule((NetlinkMessage.Rule) ms.get(0));
        PolicyRule added = rule((NetlinkMessage.Rule) ms.get(1));

        assertEquals(new PolicyRule("inet", 0, PolicyRule.Selector.ALL, PolicyRule.Action.lookup(255), "kernel", Map.of()),
                local);
        assertTrue(local.isKernelDefault());
        assertEquals(new PolicyRule("inet", 100, FROM_10_250_1, PolicyRule.Action.lookup(100), "unspec", Map.of()), added);
        assertFalse(added.isKernelDefault());
        assertEquals("pref 100: from 10.250.1.0/24 lookup 100", added.describe());
    }

    @Test
    void should_map_every_selector_the_kernel_sent_for_a_rule_of_many() {
        PolicyRule r = rule((NetlinkMessage.Rule) NetlinkMessages.parse(HexFixtures.load("rule_selectors_v4.hex")).get(0));

        assertEquals(new PolicyRule.Selector(true, null, "10.250.44.0/24", 0, 7L, 0xffL, "eth0", null, false,
                "1000-2000", 6, null, "8000-8080", null), r.selector());
        assertEquals(new PolicyRule.Action("lookup", 254L, null, 0, null, null), r.action());
        assertEquals(200, r.priority());
        assertEquals("pref 200: not from all to 10.250.44.0/24 fwmark 0x7/0xff iif eth0 uidrange 1000-2000 ipproto tcp "
                + "dport 8000-8080 lookup main suppress_prefixlength 0", r.describe(), "as ip rule prints it");
    }

    @Test
    void should_map_an_ipv6_goto_and_a_nop() {
        List<NetlinkMessage> ms = NetlinkMessages.parse(HexFixtures.load("rule_goto_nop_v6.hex"));

        PolicyRule go = rule((NetlinkMessage.Rule) ms.get(0));
        PolicyRule nop = rule((NetlinkMessage.Rule) ms.get(1));

        assertEquals(new PolicyRule.Action("goto", null, 300L, null, null, null), go.action(),
                "the table a goto does not look up is not kept");
        assertEquals("fd00:250:41::/64", go.selector().from());
        assertEquals("pref 50: from fd00:250:41::/64 goto 300 (IPv6)", go.describe());
        assertEquals("pref 300: from all nop (IPv6)", nop.describe());
    }

    @Test
    void should_map_an_ipv6_rule() {
        NetlinkMessage.Rule m = (NetlinkMessage.Rule) NetlinkMessages.parse(HexFixtures.load("rule_v6.hex")).get(0);

        assertEquals("pref 100: from fd00:250:1::/64 lookup 100 (IPv6)", rule(m).describe());
    }

    @Test
    void should_map_fields_packed_here_and_keep_an_attribute_it_has_no_name_for() {
        AttributeTree a = new AttributeTree().addU32(Fra.FRA_PRIORITY, 200)
                .add(Fra.FRA_DST, new byte[] {10, (byte) 250, 3, 7})
                .addU32(Fra.FRA_FWMARK, 0x10).addU32(Fra.FRA_FWMASK, 0xff)
                .addString(Fra.FRA_IIFNAME, "eth0").addString(Fra.FRA_OIFNAME, "eth1")
                .add(Fra.FRA_TUN_ID, new byte[] {0, 0, 0, 0, 0, 0, 0, 42})
                .add(Fra.FRA_SPORT_RANGE, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) 53)
                        .putShort((short) 53).array())
                .add(25, new byte[] {0x2e}); // FRA_DSCP of newer kernels
        PolicyRule r = rule(packed(new FibRuleHdr(Nl.AF_INET, 32, 0, 0, 0, 0, 0, Fra.FR_ACT_BLACKHOLE,
                Fra.FIB_RULE_INVERT), a));

        assertEquals("pref 200: not from all to 10.250.3.7 fwmark 0x10/0xff iif eth0 oif eth1 sport 53 tun_id 42 "
                + "blackhole attr25 0x2e", r.describe());
        assertEquals(Map.of(25, "2e"), r.otherAttributes(), "kept as it came, to be sent back");
        PolicyRule big = rule(packed(new FibRuleHdr(Nl.AF_INET, 0, 0, 0, 252, 0, 0, Fra.FR_ACT_TO_TBL, 0),
                new AttributeTree().addU32(Fra.FRA_TABLE, 1000).addU32(Fra.FRA_SUPPRESS_PREFIXLEN, 0)
                        .addU32(Fra.FRA_FLOW, 0x20003)));
        assertEquals(1000L, big.action().table(), "FRA_TABLE beats the 8-bit table field");
        assertEquals("pref 0: from all lookup 1000 suppress_prefixlength 0 realms 2/3", big.describe());
    }

    /** The rule of a Value; fails the test for anything else. */
    private static PolicyRule rule(NetlinkMessage.Rule m) {
        Mapped<PolicyRule> r = RtnlMapper.rule(m);
        assertInstanceOf(Mapped.Value.class, r, r::toString);
        return r.valueOrNull();
    }

    @Test
    void should_call_a_rule_with_a_source_of_the_wrong_length_or_a_short_port_range_damaged() {
        Mapped<PolicyRule> r = RtnlMapper.rule(packed(new FibRuleHdr(Nl.AF_INET6, 0, 64, 0, 100, 0, 0,
                Fra.FR_ACT_TO_TBL, 0), new AttributeTree().add(Fra.FRA_SRC, new byte[] {10, (byte) 250, 1, 0})));
        assertEquals("an inet6 rule source of 4 bytes (expected 16)", r.problemOrNull());
        assertEquals("a rule destination port range of 2 bytes (expected 4)", RtnlMapper.rule(packed(new FibRuleHdr(
                Nl.AF_INET, 0, 0, 0, 100, 0, 0, Fra.FR_ACT_TO_TBL, 0), new AttributeTree().add(Fra.FRA_DPORT_RANGE,
                new byte[] {1, 0}))).problemOrNull());
        assertInstanceOf(Mapped.Ignored.class, RtnlMapper.rule(packed(new FibRuleHdr(128, 0, 0, 0, 0, 0, 0,
                Fra.FR_ACT_TO_TBL, 0), new AttributeTree())), "ipmr's rules are no IP rules");
    }

    private static NetlinkMessage.Rule packed(FibRuleHdr h, AttributeTree a) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        NetlinkMessages.pack(b, Nl.RTM_NEWRULE, Nl.NLM_F_MULTI, 1, 0, h, a);
        b.flip();
        return (NetlinkMessage.Rule) NetlinkMessages.parseOne(b, 0);
    }
}
