package io.netcr.app.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netcr.model.Errno;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Messages to lines and back: one JSON object per line, {@code type} and {@code id} first. Encoding never
 * fails for a message built in code; decoding refuses, with a {@link ProtocolException}, whatever is not a
 * well-formed message of the direction it is read in.
 */
public final class MessageCodec {

    private MessageCodec() {
    }

    /** The message as one line of JSON, without the newline. */
    public static String encode(Message m) {
        StringWriter text = new StringWriter(m instanceof Data ? Protocol.CHUNK_BYTES * 4 / 3 + 64 : 128);
        try (JsonGenerator g = JsonValues.FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("type", m.type());
            g.writeNumberField("id", m.id());
            for (Map.Entry<String, Object> e : m.fields().entrySet()) {
                g.writeFieldName(e.getKey());
                value(e.getValue(), g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a message written to memory failed", e);
        }
        return text.toString();
    }

    private static void value(Object v, JsonGenerator g) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                value(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(o, g);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }

    /** A client's request, as the agent reads it. */
    public static Message decodeRequest(String line) throws ProtocolException {
        return decode(line, false, Requests::read);
    }

    /** An agent's message, as the client reads it. */
    public static Message decodeEvent(String line) throws ProtocolException {
        return decode(line, true, Events::read);
    }

    /** How one direction reads a message of a type. */
    private interface Reader {
        Message read(String type, long id, Map<String, Object> values) throws ProtocolException;
    }

    private static Message decode(String line, boolean zeroId, Reader reader) throws ProtocolException {
        Map<String, Object> values = JsonValues.parseObject(line);
        String type = type(values);
        long id = id(values, zeroId);
        try {
            return reader.read(type, id, values);
        } catch (ProtocolException e) {
            throw e.id() == 0 ? e.withId(id) : e;
        }
    }

    private static String type(Map<String, Object> values) throws ProtocolException {
        if (!(values.get("type") instanceof String type) || type.isEmpty()) {
            throw new ProtocolException(Errno.EBADMSG, idOrZero(values), "a message needs its 'type', a text");
        }
        return type;
    }

    /** A request's id is 1 or more; an agent uses 0 for its hello and for lines it could not tie to a request. */
    private static long id(Map<String, Object> values, boolean zeroAllowed) throws ProtocolException {
        Object v = values.get("id");
        if (!(v instanceof Long id) || id < (zeroAllowed ? 0 : 1) || id > Protocol.MAX_ID) {
            throw new ProtocolException(Errno.EBADMSG, "a message needs its 'id', a whole number from "
                    + (zeroAllowed ? 0 : 1) + " to " + Protocol.MAX_ID);
        }
        return id;
    }

    private static long idOrZero(Map<String, Object> values) {
        return values.get("id") instanceof Long id && id > 0 && id <= Protocol.MAX_ID ? id : 0;
    }
}
