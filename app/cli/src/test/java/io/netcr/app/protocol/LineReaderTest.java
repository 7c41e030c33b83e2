package io.netcr.app.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(byte[] bytes, int max) {
        return new LineReader(new ByteArrayInputStream(bytes), max);
    }

    private static String text(LineReader.Line line) {
        return assertInstanceOf(LineReader.Text.class, line).text();
    }

    @Test
    void should_read_lines_with_and_without_carriage_returns_and_a_last_line_without_newline() throws IOException {
        LineReader r = reader("one\ntwo\r\n\nlast".getBytes(StandardCharsets.UTF_8), 100);
        assertEquals("one", text(r.next()));
        assertEquals("two", text(r.next()));
        assertEquals("", text(r.next()));
        assertEquals("last", text(r.next()));
        assertNull(r.next());
        assertNull(r.next(), "the end stays the end");
    }

    @Test
    void should_skip_an_oversized_line_to_its_end_and_stay_in_step() throws IOException {
        String big = "x".repeat(200_000); // longer than the reader's buffer too
        LineReader r = reader(("short\n" + big + "\nafter\n").getBytes(StandardCharsets.UTF_8), 1000);
        assertEquals("short", text(r.next()));
        assertEquals(200_000, assertInstanceOf(LineReader.Oversized.class, r.next()).length());
        assertEquals("after", text(r.next()));
        assertNull(r.next());
    }

    @Test
    void should_accept_a_line_of_exactly_the_bound_and_refuse_one_byte_more() throws IOException {
        LineReader r = reader(("a".repeat(10) + "\n" + "b".repeat(11) + "\n").getBytes(StandardCharsets.UTF_8), 10);
        assertEquals("a".repeat(10), text(r.next()));
        assertEquals(11, assertInstanceOf(LineReader.Oversized.class, r.next()).length());
    }

    @Test
    void should_report_bytes_that_are_not_utf8_and_read_on() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}); // a broken two-byte sequence
        b.writeBytes("ok é\n".getBytes(StandardCharsets.UTF_8));
        LineReader r = reader(b.toByteArray(), 100);
        assertInstanceOf(LineReader.Undecodable.class, r.next());
        assertEquals("ok é", text(r.next()));
    }

    @Test
    void should_join_a_line_that_arrives_a_byte_at_a_time() throws IOException {
        byte[] bytes = "{\"type\":\"bye\",\"id\":1}\nnext\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[at++];
                return 1;
            }
        };
        LineReader r = new LineReader(trickle, 100);
        assertEquals("{\"type\":\"bye\",\"id\":1}", text(r.next()));
        assertEquals("next", text(r.next()));
        assertNull(r.next());
    }
}
