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
import io.netcr.model.checkpoint.PolicyRule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule messages in iproute2's words, from golden bytes and from rules packed here. */
class RuleMappingTest {

    @Test
    void should_word_the_kernel_default_and_an_added_rule_as_ip_rule_does() {
        List<NetlinkMessage> ms = NetlinkMessages.parse(HexFixtures.load("rule_dump_v4.hex"));

        PolicyRule local = rule((NetlinkMessage.Rule) ms.get(0));
        PolicyRule added = rule((NetlinkMessage.Rule) ms.get(1));

        assertEquals(new PolicyRule("inet", 0, "from all", "lookup local"), local);
        assertTrue(local.isKernelDefault());
        assertEquals(new PolicyRule("inet", 100, "from 10.250.1.0/24", "lookup 100"), added);
        assertFalse(added.isKernelDefault());
        assertEquals("pref 100: from 10.250.1.0/24 lookup 100", added.describe());
    }

    @Test
    void should_word_an_ipv6_rule() {
        NetlinkMessage.Rule m = (NetlinkMessage.Rule) NetlinkMessages.parse(HexFixtures.load("rule_v6.hex")).get(0);

        assertEquals("pref 100: from fd00:250:1::/64 lookup 100 (IPv6)", rule(m).describe());
    }

    @Test
    void should_word_negation_destination_mark_interfaces_and_other_actions() {
        AttributeTree a = new AttributeTree().addU32(Fra.FRA_PRIORITY, 200)
                .add(Fra.FRA_DST, new byte[] {10, (byte) 250, 3, 7})
                .addU32(Fra.FRA_FWMARK, 0x10).addU32(Fra.FRA_FWMASK, 0xff)
                .addString(Fra.FRA_IIFNAME, "eth0").addString(Fra.FRA_OIFNAME, "eth1");
        PolicyRule r = rule(packed(new FibRuleHdr(Nl.AF_INET, 32, 0, 0, 0, 0, 0, Fra.FR_ACT_BLACKHOLE,
                Fra.FIB_RULE_INVERT), a));

        assertEquals(new PolicyRule("inet", 200, "not from all to 10.250.3.7 fwmark 0x10/0xff iif eth0 oif eth1",
                "blackhole"), r);
        PolicyRule go = rule(packed(new FibRuleHdr(Nl.AF_INET6, 0, 0, 0, 0, 0, 0, Fra.FR_ACT_GOTO, 0),
                new AttributeTree().addU32(Fra.FRA_PRIORITY, 50).addU32(Fra.FRA_GOTO, 300)));
        assertEquals("pref 50: from all goto 300 (IPv6)", go.describe());
        PolicyRule big = rule(packed(new FibRuleHdr(Nl.AF_INET, 0, 0, 0, 252, 0, 0, Fra.FR_ACT_TO_TBL, 0),
                new AttributeTree().addU32(Fra.FRA_TABLE, 1000).addU32(Fra.FRA_SUPPRESS_PREFIXLEN, 0)));
        assertEquals(new PolicyRule("inet", 0, "from all", "lookup 1000 suppress_prefixlength 0"), big,
                "FRA_TABLE beats the 8-bit table field");
    }

    /** The rule of a Value; fails the test for anything else. */
    private static PolicyRule rule(NetlinkMessage.Rule m) {
        Mapped<PolicyRule> r = RtnlMapper.rule(m);
        assertInstanceOf(Mapped.Value.class, r, r::toString);
        return r.valueOrNull();
    }

    @Test
    void should_call_a_rule_with_a_source_of_the_wrong_length_damaged() {
        Mapped<PolicyRule> r = RtnlMapper.rule(packed(new FibRuleHdr(Nl.AF_INET6, 0, 64, 0, 100, 0, 0,
                Fra.FR_ACT_TO_TBL, 0), new AttributeTree().add(Fra.FRA_SRC, new byte[] {10, (byte) 250, 1, 0})));
        assertEquals("an inet6 rule source of 4 bytes (expected 16)", r.problemOrNull());
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
