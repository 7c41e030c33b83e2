package io.netcr.bridge.rtnl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.MalformedMessageException;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.model.fuzz.ReaderContract;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the netlink reply parser: a datagram as {@link RtnlSocket} receives it, decoded
 * ({@link RtnlSocket#decode}) and judged by the rules of a reply ({@link ReplyCollector}), then every attribute
 * read the ways the mappers read them. The first byte of an input picks the request (a dump, a request with
 * ACK, a plain request), the rest is the datagram. The contract: the socket's callers see a reply or an
 * {@link IOException} that says what is wrong (NetlinkProtocolException, NetlinkErrorException,
 * DumpInterruptedException); an attribute read as what it is not throws {@link MalformedMessageException};
 * nothing else, in bounded time and memory. Seeds (the golden fixtures of the codec tests) and past findings:
 * {@code src/test/resources/io/netcr/bridge/rtnl/NetlinkReplyFuzzTestInputs/readReply}.
 */
class NetlinkReplyFuzzTest {

    private static final int[] REQUESTS = {Nl.NLM_F_REQUEST | Nl.NLM_F_DUMP, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK,
        Nl.NLM_F_REQUEST};

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readReply(byte[] input) {
        if (input.length > 0) {
            ReaderContract.assertBounded(input.length, () -> receive(input));
        }
    }

    private static void receive(byte[] input) {
        byte[] datagram = Arrays.copyOfRange(input, 1, input.length);
        try {
            List<NetlinkMessage> messages = RtnlSocket.decode(datagram, "fuzz");
            // The sequence and port of the first message, so that the collector's other rules are reached.
            int seq = messages.isEmpty() ? 0 : messages.get(0).header().seq();
            int port = messages.isEmpty() ? 0 : messages.get(0).header().portId();
            new ReplyCollector("fuzz", seq, port, REQUESTS[(input[0] & 0xff) % REQUESTS.length]).accept(messages);
            for (NetlinkMessage m : messages) {
                try {
                    readAll(m);
                } catch (MalformedMessageException e) {
                    // a value too short for what it is read as: the documented refusal of the accessors
                }
            }
        } catch (IOException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank(), "an error says what is wrong");
        }
    }

    /** Every attribute of a message, and of the nests inside it, read as each kind of value. */
    private static void readAll(NetlinkMessage m) {
        if (m instanceof NetlinkMessage.Link l) {
            readAll(l.attributes(), 0);
        } else if (m instanceof NetlinkMessage.Addr a) {
            readAll(a.attributes(), 0);
        } else if (m instanceof NetlinkMessage.Route r) {
            readAll(r.attributes(), 0);
        } else if (m instanceof NetlinkMessage.Rule r) {
            readAll(r.attributes(), 0);
        } else if (m instanceof NetlinkMessage.NsId n) {
            n.nsid();
            readAll(n.attributes(), 0);
        } else if (m instanceof NetlinkMessage.Error e) {
            e.error().kernelMessage();
            readAll(e.error().extAck(), 0);
        } else if (m instanceof NetlinkMessage.Done d) {
            readAll(d.extAck(), 0);
        }
    }

    private static void readAll(AttributeTree tree, int depth) {
        for (Attribute a : tree.all()) {
            a.bytes();
            a.string();
            tree.find(a.type());
            for (Runnable read : List.<Runnable>of(a::u8, a::u16, a::u32, a::u64)) {
                try {
                    read.run();
                } catch (MalformedMessageException e) {
                    // too short for that width: the documented refusal
                }
            }
            if (depth < 8) { // the kernel nests four deep at most (IFLA_LINKINFO > DATA > PEER > ...)
                try {
                    readAll(a.nested(), depth + 1);
                } catch (MalformedMessageException e) {
                    // not a nest: the documented refusal
                }
            }
        }
    }
}
