package io.netcr.app.protocol;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A piece of a request's payload, in either direction: an image the agent sends back (snapshot, checkpoint) or
 * the image a client sends to restore. {@code seq} counts the pieces of one payload from 0, so that a lost or
 * repeated piece is noticed; the bytes travel as base64, at most {@link Protocol#CHUNK_BYTES} a piece.
 */
public record Data(long id, int seq, byte[] bytes) implements Message {

    public static final String TYPE = "data";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", (long) seq);
        m.put("data", Base64.getEncoder().encodeToString(bytes));
        return m;
    }

    static Data read(long id, Fields f) throws ProtocolException {
        int seq = (int) f.number("seq", 0, Integer.MAX_VALUE);
        String text = f.text("data", 4 * ((Protocol.CHUNK_BYTES + 2) / 3));
        try {
            return new Data(id, seq, Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(io.netcr.model.Errno.EBADMSG, id, "field 'data' of a data message is not "
                    + "base64: " + e.getMessage());
        }
    }
}
