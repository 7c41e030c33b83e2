package io.netcr.model.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Big-endian output for the writer (and for tests that craft images by hand). */
final class ByteSink {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteSink u8(int v) {
        out.write(v);
        return this;
    }

    ByteSink u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    ByteSink u32(long v) {
        u16((int) (v >>> 16) & 0xFFFF);
        return u16((int) v & 0xFFFF);
    }

    ByteSink i64(long v) {
        u32(v >>> 32);
        return u32(v & 0xFFFFFFFFL);
    }

    ByteSink bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** u16 length + UTF-8; length 0xFFFF stands for null. Longer strings cannot be written. */
    ByteSink string(String s) {
        if (s == null) {
            return u16(ImageFormat.NULL_STRING);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > ImageFormat.MAX_STRING) {
            throw new IllegalArgumentException("text of " + b.length + " bytes is longer than an image string ("
                    + ImageFormat.MAX_STRING + "): " + s.substring(0, 40) + "...");
        }
        return u16(b.length).bytes(b);
    }

    /** u32 count, then key and value strings in the map's order (sorted, in the model). */
    ByteSink properties(Map<String, String> props) {
        u32(props.size());
        props.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("a property key or value is null: " + k + "=" + v);
            }
            string(k).string(v);
        });
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
