package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one text of each record that every place shows: diff, summary, plan, journal and tables. */
class DescribeTest {

    @Test
    void should_describe_a_route_in_ip_route_words_leaving_out_the_usual() {
        assertEquals("default via 10.250.1.1 dev veth0",
                new Route("inet", "default", "10.250.1.1", "veth0", 0, "boot", "global", "unicast", null).describe());
        assertEquals("10.250.9.0/24 via 10.250.1.2 dev vethh proto static scope link src 10.250.1.1 metric 100",
                new Route("inet", "10.250.9.0/24", "10.250.1.2", "vethh", 100, "static", "link", "unicast", "10.250.1.1")
                        .describe());
        assertEquals("unreachable fd00:250:9::/48 proto kernel metric 4294967295",
                new Route("inet6", "fd00:250:9::/48", null, null, -1, "kernel", "global", "unreachable", null).describe());
    }

    @Test
    void should_describe_an_address_in_ip_addr_words() {
        assertEquals("inet 10.250.0.1/24 scope global", Address.of("10.250.0.1/24").describe());
        assertEquals("inet 10.250.0.2/24 scope link nodad permanent label veth0:1", new Address("inet", "10.250.0.2", 24,
                "link", List.of("nodad", "permanent"), "veth0:1").describe());
    }

    @Test
    void should_describe_a_rule_and_a_diagnostic_on_one_line() {
        assertEquals("pref 100: from 10.250.1.0/24 lookup 100",
                new PolicyRule("inet", 100, new PolicyRule.Selector(false, "10.250.1.0/24", null, 0, null, null, null,
                        null, false, null, null, null, null, null), PolicyRule.Action.lookup(100), "boot", Map.of())
                        .describe());
        Diagnostic d = Diagnostic.error(Errno.EEXIST, SubjectPath.of(SubjectPath.NETNS, "red"), Phase.RESTORE,
                "netns red exists").withKernelMessage("File exists");
        assertEquals("EEXIST netns:red: netns red exists (kernel: File exists)", d.describe());
        assertEquals(d.describe(), d.toString());
        assertEquals("(snapshot)", Diagnostic.info(Errno.ENOENT, SubjectPath.ROOT, Phase.READ, "x").where());
    }

    @Test
    void should_give_typed_values_of_records_and_none_for_text_that_is_no_address() {
        Address a = new Address("inet6", "fe80::1", 64, "link", List.of(), null);
        assertTrue(a.isLinkLocal());
        assertEquals("fe80::/64", a.prefix().orElseThrow().network().toString());
        Address wrongFamily = new Address("inet", "fd00::1", 64, "global", List.of(), null);
        assertEquals(Optional.empty(), wrongFamily.ip(), "an inet record holding IPv6 text is no inet address");
        assertFalse(wrongFamily.isLinkLocal());
        Route r = new Route("inet6", "fe80::/64", null, "veth0", 256, "kernel", "global", "unicast", null);
        assertTrue(r.isLinkLocal());
        assertTrue(new Route("inet", "default", null, null, 0, null, null, null, null).destinationPrefix().orElseThrow()
                .isDefault());
        assertEquals(Optional.empty(), new Route("inet", "nowhere", null, null, 0, null, null, null, null)
                .destinationPrefix());
    }

    @Test
    void should_describe_a_route_of_another_table_with_its_rarer_fields() {
        Route r = new Route("inet", "10.250.9.0/24", "10.250.1.2", "veth0", 20, "static", "global", "unicast", null,
                "100", 0x10, List.of("onlink"), null, Map.of("mtu", "1400", "advmss", "1360", "lock", "4"));
        assertEquals("10.250.9.0/24 tos 0x10 via 10.250.1.2 dev veth0 table 100 proto static metric 20 onlink"
                + " advmss 1360 mtu lock 1400", r.describe());
        assertEquals("blackhole fd00:250:9::/48 table 200 pref medium", new Route("inet6", "fd00:250:9::/48", null, null,
                0, "boot", "global", "blackhole", null, "200", 0, List.of(), "medium", Map.of()).describe());
    }

    @Test
    void should_describe_every_selector_and_action_of_a_rule_and_know_the_kernel_defaults() {
        PolicyRule.Selector s = new PolicyRule.Selector(true, "10.250.1.0/24", "10.250.2.7/32", 0x10, 7L, 0xffL, "eth0",
                "eth1", false, "1000-2000", 6, "80", "1000-2000", 42L);
        PolicyRule r = new PolicyRule("inet", 300, s, new PolicyRule.Action("lookup", 100L, null, 24, null, 0x20003L),
                "static", Map.of(26, "0000002a"));
        assertEquals("pref 300: not from 10.250.1.0/24 to 10.250.2.7 tos 0x10 fwmark 0x7/0xff iif eth0 oif eth1 "
                + "uidrange 1000-2000 ipproto tcp sport 80 dport 1000-2000 tun_id 42 lookup 100 suppress_prefixlength 24 "
                + "realms 2/3 proto static attr26 0x0000002a", r.describe());
        assertEquals("pref 5: from all goto 300 (IPv6)", new PolicyRule("inet6", 5, null,
                new PolicyRule.Action("goto", null, 300L, null, null, null), null, null).describe());
        assertTrue(new PolicyRule("inet", 32767, null, PolicyRule.Action.lookup(253), "kernel", null).isKernelDefault());
        assertFalse(new PolicyRule("inet6", 32767, null, PolicyRule.Action.lookup(253), "kernel", null).isKernelDefault(),
                "IPv6 has no rule 32767");
        assertFalse(new PolicyRule("inet", 32766, s, PolicyRule.Action.lookup(254), "kernel", null).isKernelDefault());
    }

    @Test
    void should_describe_a_neighbour_as_ip_neigh_does() {
        assertEquals("10.250.0.2 dev veth0 lladdr 02:00:00:00:00:02 router PERMANENT", new Neighbour("inet",
                "10.250.0.2", "veth0", "02:00:00:00:00:02", List.of("PERMANENT"), List.of("router")).describe());
    }
}
