package io.netcr.bridge.rtnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.HexFixtures;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.Nl;
import io.netcr.model.Errno;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a reply must pass, applied to golden bytes (seq 7, port 6952). */
class ReplyCollectorTest {

    private static final int DUMP = Nl.NLM_F_REQUEST | Nl.NLM_F_DUMP;

    private static List<NetlinkMessage> fixture(String name) {
        return NetlinkMessages.parse(HexFixtures.load(name));
    }

    @Test
    void should_complete_dump_at_done() throws Exception {
        ReplyCollector c = new ReplyCollector("dump", 7, 6952, DUMP);
        List<NetlinkMessage> all = fixture("addr_lo_v4_dump.hex");
        assertFalse(c.accept(all.subList(0, 1)), "no DONE yet");
        assertTrue(c.accept(all.subList(1, 2)));
        assertEquals(1, c.messages().size());
    }

    @Test
    void should_reject_reply_with_wrong_sequence() {
        ReplyCollector c = new ReplyCollector("dump", 8, 6952, DUMP);
        NetlinkProtocolException e = assertThrows(NetlinkProtocolException.class,
                () -> c.accept(fixture("addr_lo_v4_dump.hex")));
        assertTrue(e.getMessage().contains("sequence 7"), e.getMessage());
    }

    @Test
    void should_reject_reply_for_another_port() {
        ReplyCollector c = new ReplyCollector("dump", 7, 1234, DUMP);
        assertThrows(NetlinkProtocolException.class, () -> c.accept(fixture("addr_lo_v4_dump.hex")));
    }

    @Test
    void should_raise_interrupted_dump_with_its_partial_result() {
        ReplyCollector c = new ReplyCollector("dump", 7, 6952, DUMP);
        DumpInterruptedException e = assertThrows(DumpInterruptedException.class,
                () -> c.accept(fixture("dump_intr.hex")));
        assertEquals(1, e.partial().size());
    }

    @Test
    void should_raise_error_with_errno_and_kernel_text() {
        ReplyCollector c = new ReplyCollector("get link", 7, 6952, Nl.NLM_F_REQUEST);
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> c.accept(fixture("error_extack.hex")));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("Invalid values in header for get link request", e.kernelMessage().orElseThrow());
        assertTrue(e.getMessage().contains("EINVAL"), e.getMessage());
    }
}
