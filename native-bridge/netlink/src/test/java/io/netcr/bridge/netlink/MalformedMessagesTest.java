package io.netcr.bridge.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Damaged input fails with a message that says what and where; it never returns null or loops. */
class MalformedMessagesTest {

    private final Map<String, ByteBuffer> damaged = HexFixtures.sections("truncated.hex");

    private MalformedMessageException refuse(String section) {
        ByteBuffer b = damaged.get(section);
        assertTrue(b != null, "fixture section " + section);
        return assertThrows(MalformedMessageException.class, () -> NetlinkMessages.parse(b));
    }

    @Test
    void should_refuse_truncated_header() {
        MalformedMessageException e = refuse("header: only 10 of the 16 header bytes");
        assertTrue(e.getMessage().contains("truncated netlink header"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void should_refuse_message_longer_than_buffer() {
        MalformedMessageException e = refuse("message length beyond the buffer: announces 76 bytes, holds 24");
        assertTrue(e.getMessage().contains("announces 76 bytes, only 24 present"), e.getMessage());
    }

    @Test
    void should_refuse_attribute_longer_than_message() {
        MalformedMessageException e = refuse("attribute length beyond its message: IFA_LABEL says 64 bytes, 4 remain");
        assertTrue(e.getMessage().contains("attribute type 3 has length 64 but only 4 bytes remain"), e.getMessage());
        assertEquals(24, e.offset());
    }

    @Test
    void should_refuse_rule_message_shorter_than_its_header() {
        MalformedMessageException e = refuse("rule header cut short: RTM_NEWRULE with 8 of the 12 fib_rule_hdr bytes");
        assertTrue(e.getMessage().contains("fib_rule_hdr needs 12 bytes, only 8 remain"), e.getMessage());
        assertEquals(16, e.offset());
    }

    @Test
    void should_refuse_zero_length_attribute() {
        MalformedMessageException e = refuse("zero-length attribute: would loop forever if trusted");
        assertTrue(e.getMessage().contains("has length 0, less than its 4-byte header"), e.getMessage());
    }

    @Test
    void should_refuse_nest_overflowing_its_parent_when_read() {
        ByteBuffer b = damaged.get("nested attribute overflowing its parent: IFLA_LINKINFO is 12 bytes, its IFLA_INFO_KIND says 16");
        NetlinkMessage.Link l = assertInstanceOf(NetlinkMessage.Link.class, NetlinkMessages.parse(b).get(0));
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> l.attributes().nested(Ifla.IFLA_LINKINFO));
        assertTrue(e.getMessage().contains("nest of attribute type 18: attribute type 1 has length 16 but only 8"),
                e.getMessage());
        assertEquals(36, e.offset(), "offset of the inner attribute in the stream");
    }

    @Test
    void should_refuse_length_smaller_than_header() {
        MalformedMessageException e = refuse("nlmsg_len smaller than a header");
        assertTrue(e.getMessage().contains("message length 8 is less than its header"), e.getMessage());
    }

    @Test
    void should_refuse_struct_cut_short() {
        MalformedMessageException e = refuse("struct cut short: RTM_NEWROUTE with 4 of the 12 rtmsg bytes");
        assertTrue(e.getMessage().contains("rtmsg needs 12 bytes, only 4 remain"), e.getMessage());
        assertEquals(16, e.offset());
    }

    @Test
    void should_refuse_an_error_echoing_a_request_longer_than_it_holds_even_near_2_gib() {
        MalformedMessageException e = refuse("error echoing a request of 2147483644 bytes: a length that wraps when "
                + "aligned (found by fuzzing)");
        assertTrue(e.getMessage().contains("nlmsgerr echoes a request of 2147483644 bytes, more than the 20-byte"),
                e.getMessage());
        assertEquals(16, e.offset(), "the nlmsgerr payload, after the outer header");
    }

    @Test
    void should_refuse_short_value_read() {
        AttributeTree t = new AttributeTree().add(4, new byte[] {1, 2});
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> t.u32(4));
        assertTrue(e.getMessage().contains("attribute type 4 has 2 bytes, needs 4"), e.getMessage());
    }
}
