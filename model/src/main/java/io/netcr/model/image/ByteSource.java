package io.netcr.model.image;

import io.netcr.model.Errno;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Big-endian input over one record body (a window of the image). Every read is checked against the
 * bytes that remain in the window before anything is allocated, so a length in a damaged image can
 * cost at most the bytes that are really there.
 */
final class ByteSource {

    private final byte[] data;
    private final int end;
    private int pos;
    /** Strict: malformed input is reported, not replaced. One per source, as making one is not cheap. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    ByteSource(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private void need(int n, String what) throws ImageDamage {
        if (n > end - pos) {
            throw new ImageDamage(Errno.EBADMSG, what + " needs " + n + " bytes at offset " + pos + " but only "
                    + (end - pos) + " remain in the record");
        }
    }

    int u8(String what) throws ImageDamage {
        need(1, what);
        return data[pos++] & 0xFF;
    }

    int u16(String what) throws ImageDamage {
        need(2, what);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String what) throws ImageDamage {
        need(4, what);
        long v = ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    int i32(String what) throws ImageDamage {
        return (int) u32(what);
    }

    long i64(String what) throws ImageDamage {
        return (u32(what) << 32) | u32(what);
    }

    byte[] bytes(int n, String what) throws ImageDamage {
        need(n, what);
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** A u16-prefixed UTF-8 string, or null for length 0xFFFF. Malformed UTF-8 is EILSEQ. */
    String string(String what) throws ImageDamage {
        int at = pos;
        int len = u16(what + " length");
        if (len == ImageFormat.NULL_STRING) {
            return null;
        }
        need(len, what);
        try {
            String s = utf8.decode(ByteBuffer.wrap(data, pos, len)).toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw new ImageDamage(Errno.EILSEQ, what + " at offset " + at + " is not valid UTF-8");
        }
    }

    /** A string that must be present. */
    String text(String what) throws ImageDamage {
        int at = pos;
        String s = string(what);
        if (s == null) {
            throw new ImageDamage(Errno.EINVAL, what + " at offset " + at + " is null, which it cannot be");
        }
        return s;
    }

    /**
     * A u32 element count, checked against the bytes left: each element takes at least
     * {@code minElementSize} bytes, so a count larger than that is damage and allocates nothing.
     */
    int count(int minElementSize, String what) throws ImageDamage {
        int at = pos;
        long n = u32(what + " count");
        if (n * minElementSize > remaining()) {
            throw new ImageDamage(Errno.EOVERFLOW, what + " count " + n + " at offset " + at
                    + " cannot fit in the " + remaining() + " bytes left in the record");
        }
        return (int) n;
    }

    Map<String, String> properties(String what) throws ImageDamage {
        int n = count(4, what);
        Map<String, String> props = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int at = pos;
            String k = text(what + " key");
            String v = text(what + " value");
            if (props.put(k, v) != null) {
                throw new ImageDamage(Errno.EEXIST, what + " key '" + k + "' at offset " + at + " appears twice");
            }
        }
        return props;
    }

    /** A record body must be consumed exactly: bytes left over mean the layout is not what we think. */
    void expectEnd(String what) throws ImageDamage {
        if (pos != end) {
            throw new ImageDamage(Errno.EBADMSG, what + " has " + (end - pos) + " unexpected bytes at offset " + pos);
        }
    }
}
