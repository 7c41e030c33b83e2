package io.netcr.app.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-ended lines of UTF-8 from a stream, each at most a bound long. A longer line is skipped to
 * its end and reported as {@link Oversized} (never held in memory), so that the reader stays in step with
 * the stream; a line that is not UTF-8 is reported as {@link Undecodable}. A last line without its newline
 * is still a line.
 */
public final class LineReader {

    /** What one read gives. */
    public sealed interface Line {
    }

    /** A line of text, newline (and a carriage return before it) removed. */
    public record Text(String text) implements Line {
    }

    /** A line longer than the bound, skipped; {@code length} counts its bytes. */
    public record Oversized(long length) implements Line {
    }

    /** A line whose bytes are not UTF-8. */
    public record Undecodable(String reason) implements Line {
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean eof;

    public LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line, or null at the end of the stream. Blocks until a whole line (or the end) arrives. */
    public Line next() throws IOException {
        ByteArrayOutputStream line = null;
        long length = 0;
        while (true) {
            if (start == end) {
                if (eof || !fill()) {
                    eof = true;
                    if (length == 0 && line == null) {
                        return null;
                    }
                    return finish(line, length);
                }
            }
            int newline = -1;
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline;
            int n = stop - start;
            if (length + n <= maxLine) {
                if (newline >= 0 && line == null) {
                    Line done = decode(buffer, start, n); // the common case: the whole line is in the buffer
                    start = newline + 1;
                    return done;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(n * 2, 256));
                }
                line.write(buffer, start, n);
            } else {
                line = null; // over the bound: keep counting, hold nothing
            }
            length += n;
            start = stop;
            if (newline >= 0) {
                start = newline + 1;
                return finish(line, length);
            }
        }
    }

    private Line finish(ByteArrayOutputStream line, long length) {
        if (length > maxLine) {
            return new Oversized(length);
        }
        byte[] bytes = line == null ? new byte[0] : line.toByteArray();
        return decode(bytes, 0, bytes.length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        start = 0;
        end = n;
        return true;
    }

    private static Line decode(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return new Undecodable("the line is not UTF-8 text");
        }
    }
}
