package io.netcr.bridge.criu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Severity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An iproute2 save stream (CRIU's route-N.img, ifaddr-N.img, rule-N.img) is a magic and then netlink
 * messages back to back. One whose inside is damaged but whose length is sound is skipped with a warning
 * and the rest is read; a broken length stops the reading with an error.
 */
class NetlinkImageSalvageTest {

    private static final int MESSAGE = 16 + 12 + 8; // nlmsghdr, rtmsg, one RTA_PRIORITY

    /** Three route messages with priorities 1, 2, 3 after the route image's magic. */
    private static byte[] stream() {
        ByteBuffer b = ByteBuffer.allocate(4 + 3 * MESSAGE).order(ByteOrder.nativeOrder());
        b.putInt(NetlinkImage.ROUTE_MAGIC);
        for (int priority = 1; priority <= 3; priority++) {
            NetlinkMessages.pack(b, Nl.RTM_NEWROUTE, 0, 0, 0, new RtMsg(2, 24, 0, 0, 254, 4, 0, 1, 0),
                    new AttributeTree().addU32(Rta.RTA_PRIORITY, priority));
        }
        return b.array();
    }

    private static List<Integer> priorities(List<NetlinkImage.Message> messages) {
        List<Integer> out = new ArrayList<>();
        for (NetlinkImage.Message m : messages) {
            out.add(((NetlinkMessage.Route) m.message()).attributes().u32(Rta.RTA_PRIORITY).orElseThrow());
        }
        return out;
    }

    @Test
    void should_read_every_message_of_a_sound_stream() {
        List<Diagnostic> problems = new ArrayList<>();
        assertEquals(List.of(1, 2, 3), priorities(NetlinkImage.read("route-9.img", stream(), NetlinkImage.ROUTE_MAGIC,
                problems)));
        assertEquals(List.of(), problems);
    }

    @Test
    void should_skip_a_message_damaged_inside_and_read_the_ones_after_it() {
        byte[] bytes = stream();
        int attribute = 4 + MESSAGE + 16 + 12; // the second message's RTA_PRIORITY header
        bytes[attribute] = 40; // its length now runs past the message: the inside is damaged, not the framing
        List<Diagnostic> problems = new ArrayList<>();

        List<NetlinkImage.Message> read = NetlinkImage.read("route-9.img", bytes, NetlinkImage.ROUTE_MAGIC, problems);

        assertEquals(List.of(1, 3), priorities(read));
        assertEquals(List.of(1, 3), read.stream().map(NetlinkImage.Message::number).toList());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Errno.EBADMSG, problems.get(0).code());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertTrue(problems.get(0).message().contains("message 2 of route-9.img") && problems.get(0).message()
                .contains("skipped"), problems.get(0).message());
    }

    @Test
    void should_stop_with_an_error_at_a_broken_length() {
        byte[] bytes = stream();
        ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putInt(4 + MESSAGE, 4000); // beyond the file
        List<Diagnostic> problems = new ArrayList<>();

        List<NetlinkImage.Message> read = NetlinkImage.read("route-9.img", bytes, NetlinkImage.ROUTE_MAGIC, problems);

        assertEquals(List.of(1), priorities(read));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertTrue(problems.get(0).message().contains("the rest of the file is not read"), problems.get(0).message());
    }
}
