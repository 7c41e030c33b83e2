package io.netcr.app.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.model.Errno;
import io.netcr.model.fuzz.ReaderContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the agent protocol's reader, both ways: an input is a stream of bytes as one end
 * reads it from the other, cut into lines by {@link LineReader} (at the real bound of a line, and again at a small
 * one, so that short inputs reach the skipping of an oversized line), each line decoded as a request (the agent's
 * side, {@link MessageCodec#decodeRequest}) and as an event (the client's, {@link MessageCodec#decodeEvent}), and a
 * result's counts read as the client reads them. The contract: every line gives a message or a
 * {@link ProtocolException} with one of the protocol's codes (docs/agent.md), a message that says what is wrong
 * and an id in range; nothing else, in bounded time and memory ({@link ReaderContract#assertBounded}). Seeds (every
 * message of both directions, and the broken lines of the unit tests) and past findings:
 * {@code src/test/resources/io/netcr/app/protocol/AgentProtocolFuzzTestInputs/readMessages}.
 */
class AgentProtocolFuzzTest {

    /** The codes a line that is not a message may be refused with (docs/agent.md, "Diagnostics"). */
    private static final Set<Errno> CODES = Set.of(Errno.EBADMSG, Errno.E2BIG, Errno.ERANGE, Errno.EBADRQC,
            Errno.EPROTO);

    /** A bound small enough for a short input to pass it. */
    private static final int SMALL_LINE = 64;

    static {
        read("{\"type\":\"hello\",\"id\":1,\"protocols\":[1],\"netcr\":\"0.1.0\"}\n{\"type\":\"result\",\"id\":2,"
                .concat("\"counts\":{\"steps\":1}}\nx\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readMessages(byte[] input) {
        ReaderContract.assertBounded(input.length, () -> read(input));
    }

    private static void read(byte[] input) {
        try {
            LineReader lines = new LineReader(new ByteArrayInputStream(input), Protocol.MAX_LINE);
            LineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line instanceof LineReader.Text t) {
                    decode(t.text());
                } else if (line instanceof LineReader.Undecodable u) {
                    assertFalse(u.reason().isBlank());
                }
            }
            LineReader small = new LineReader(new ByteArrayInputStream(input), SMALL_LINE);
            long seen = 0;
            while ((line = small.next()) != null) {
                if (line instanceof LineReader.Oversized o) {
                    assertTrue(o.length() > SMALL_LINE, "an oversized line is longer than the bound: " + o);
                    seen += o.length();
                } else if (line instanceof LineReader.Text t) {
                    assertTrue(t.text().length() <= SMALL_LINE, "a line within the bound");
                }
            }
            assertTrue(seen <= input.length, "no line is longer than the input");
        } catch (IOException e) {
            throw new UncheckedIOException("a stream in memory failed", e);
        }
    }

    private static void decode(String line) {
        for (boolean request : new boolean[] {true, false}) {
            try {
                Message m = request ? MessageCodec.decodeRequest(line) : MessageCodec.decodeEvent(line);
                assertNotNull(m.type());
                assertTrue(m.id() >= (request ? 1 : 0) && m.id() <= Protocol.MAX_ID, "an id in range: " + m.id());
                if (m instanceof Events.Result r) {
                    Events.counts(new Fields(r.fields(), "a fuzzed result")); // as the client reads every answer
                }
            } catch (ProtocolException e) {
                assertTrue(CODES.contains(e.code()), "a documented code: " + e.code() + " " + e.getMessage());
                assertNotNull(e.getMessage());
                assertFalse(e.getMessage().isBlank(), "a refusal says what is wrong");
                assertTrue(e.id() >= 0 && e.id() <= Protocol.MAX_ID, "an id in range: " + e.id());
            }
        }
    }
}
