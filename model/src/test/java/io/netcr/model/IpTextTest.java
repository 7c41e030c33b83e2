package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTextTest {

    @ParameterizedTest
    @CsvSource({
        "10.250.0.1, 10.250.0.1",
        "FD00:250:0:0:0:0:0:1, fd00:250::1",
        "fd00:0:0:1:0:0:0:1, fd00:0:0:1::1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "::, ::",
        "::1, ::1",
        "fe80::1:0:0:0, fe80::1:0:0:0",
        "::ffff:10.250.0.1, ::ffff:10.250.0.1"
    })
    void should_print_addresses_as_iproute2_does(String in, String expected) {
        // RFC 5952: lower case, the longest run of zero words compressed (the first when tied)
        assertEquals(expected.replace(" ", ""), IpText.canonical(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "deadbeef", "1.2.3", "256.1.1.1", "10.0.0.1 ", "1::2::3", "fd00:250::1/64"})
    void should_refuse_what_is_not_a_literal_without_looking_it_up(String text) {
        assertTrue(IpText.parse(text).isEmpty(), text);
    }
}
