package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IfaFlagsTest {

    @Test
    void should_name_bits_as_iproute2_does_for_each_family() {
        assertEquals(List.of("permanent", "secondary"), IfaFlags.words(0x81, Address.INET));
        assertEquals(List.of("permanent", "temporary"), IfaFlags.words(0x81, Address.INET6));
        assertEquals(List.of("autojoin", "mngtmpaddr", "nodad", "stable-privacy"), IfaFlags.words(0xD02, Address.INET6));
    }

    @Test
    void should_keep_bits_newer_than_its_table() {
        assertEquals(List.of("0x1000", "nodad"), IfaFlags.words(0x1002, Address.INET6));
        assertEquals(0x1002, IfaFlags.bits(List.of("nodad", "0x1000")));
        assertEquals(0x80000000, IfaFlags.bits(List.of("0x80000000")));
    }

    @Test
    void should_refuse_what_is_not_a_flag() {
        assertTrue(IfaFlags.bit("dynamic").isEmpty());
        assertTrue(IfaFlags.bit("0x3").isEmpty(), "one bit per hex word");
        assertTrue(IfaFlags.bit("0x0").isEmpty());
        assertEquals(0x01, IfaFlags.bit("temporary").orElseThrow());
    }
}
