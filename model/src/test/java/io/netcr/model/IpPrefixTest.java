package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IpAddress and IpPrefix: the model's typed addresses, made once and asked instead of string tests. */
class IpPrefixTest {

    @ParameterizedTest
    @CsvSource({
        "fe80::1, true", "febf:ffff::1, true", "fec0::1, false", "fe7f::1, false", "fd00:250::1, false",
        "169.254.3.4, true", "169.253.0.1, false", "10.250.0.1, false"
    })
    void should_know_a_link_local_address_by_its_bits_not_its_text(String text, boolean linkLocal) {
        assertEquals(linkLocal, IpAddress.of(text).isLinkLocal(), text);
    }

    @Test
    void should_tell_family_bits_and_canonical_text() {
        IpAddress v6 = IpAddress.of("FD00:250:0:0:0:0:0:1");
        assertEquals(Address.INET6, v6.family());
        assertEquals(128, v6.bits());
        assertEquals("fd00:250::1", v6.toString());
        assertEquals(IpAddress.of(new byte[] {10, (byte) 250, 0, 1}), IpAddress.of("10.250.0.1"));
        assertEquals(Address.INET, IpAddress.of("10.250.0.1").family());
        assertThrows(IllegalArgumentException.class, () -> IpAddress.of(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.of("localhost"));
    }

    @Test
    void should_tell_multicast_and_loopback() {
        assertTrue(IpAddress.of("ff02::1").isMulticast());
        assertTrue(IpAddress.of("239.1.2.3").isMulticast());
        assertFalse(IpAddress.of("240.0.0.1").isMulticast());
        assertTrue(IpAddress.of("::1").isLoopback());
        assertTrue(IpAddress.of("127.0.0.2").isLoopback());
        assertFalse(IpAddress.of("::2").isLoopback());
    }

    @Test
    void should_parse_prefixes_bare_addresses_and_default() {
        assertEquals(new IpPrefix(IpAddress.of("10.250.0.0"), 16), IpPrefix.parse("10.250.0.0/16", "inet").orElseThrow());
        assertEquals(new IpPrefix(IpAddress.of("10.250.0.9"), 32), IpPrefix.parse("10.250.0.9", "inet").orElseThrow());
        IpPrefix any6 = IpPrefix.parse("default", "inet6").orElseThrow();
        assertTrue(any6.isDefault());
        assertEquals("::/0", any6.toString());
        assertEquals(Optional.empty(), IpPrefix.parse("default", "bridge"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.250.0.0/33", "10.250.0.0/", "10.250.0.0/x", "fd00::/129", "nonsense/8", ""})
    void should_refuse_what_is_no_prefix(String text) {
        assertEquals(Optional.empty(), IpPrefix.parse(text, "inet"), text);
    }

    @Test
    void should_contain_addresses_and_prefixes_of_its_family_only() {
        IpPrefix lan = IpPrefix.parse("10.250.1.0/24", "inet").orElseThrow();
        assertTrue(lan.contains(IpAddress.of("10.250.1.77")));
        assertFalse(lan.contains(IpAddress.of("10.250.2.1")));
        assertTrue(lan.contains(IpPrefix.parse("10.250.1.128/25", "inet").orElseThrow()));
        assertFalse(lan.contains(IpPrefix.parse("10.250.0.0/16", "inet").orElseThrow()), "a shorter prefix is wider");
        assertTrue(IpPrefix.anyOf("inet").contains(IpAddress.of("192.0.2.1")));
        assertFalse(IpPrefix.anyOf("inet").contains(IpAddress.of("::1")), "families never mix");
        IpPrefix odd = IpPrefix.parse("fd00:250::/33", "inet6").orElseThrow();
        assertTrue(odd.contains(IpAddress.of("fd00:250:7fff::1")));
        assertFalse(odd.contains(IpAddress.of("fd00:250:8000::1")), "the 33rd bit counts");
    }

    @Test
    void should_clear_host_bits_for_the_network() {
        assertEquals("10.250.1.0/24", IpPrefix.parse("10.250.1.9/24", "inet").orElseThrow().network().toString());
        assertEquals("fd00:250::/33", IpPrefix.parse("fd00:250:7fff::1/33", "inet6").orElseThrow().network().toString());
    }

    @Test
    void should_know_link_local_and_multicast_routes() {
        assertTrue(IpPrefix.parse("fe80::/64", "inet6").orElseThrow().isLinkLocal());
        assertFalse(IpPrefix.parse("fe80::/9", "inet6").orElseThrow().isLinkLocal(), "wider than fe80::/10");
        assertTrue(IpPrefix.parse("ff00::/8", "inet6").orElseThrow().isMulticast());
        assertFalse(IpPrefix.anyOf("inet6").isMulticast());
    }

    @Test
    void should_refuse_a_length_past_the_family() {
        assertThrows(IllegalArgumentException.class, () -> new IpPrefix(IpAddress.of("10.0.0.0"), 33));
    }
}
