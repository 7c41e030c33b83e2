package io.netcr.app.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.netcr.model.Errno;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message's JSON object as plain Java values — {@code Map<String, Object>}, {@code List<Object>},
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean} and null — read with Jackson's streaming core
 * alone (the databind ObjectMapper takes 0.3-0.7 s to start in a cold JVM here: a cost on every connection).
 * Bounded: nesting depth, list and object sizes, duplicate keys and trailing text are refused.
 */
public final class JsonValues {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Protocol.MAX_DEPTH).maxNumberLength(40)
                    .maxStringLength(Protocol.MAX_LINE).build())
            .build();

    private JsonValues() {
    }

    /** The JSON object on this line. */
    public static Map<String, Object> parseObject(String line) throws ProtocolException {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException(Errno.EBADMSG, "a message is one JSON object per line; this line is "
                        + (line.isBlank() ? "empty" : "not a JSON object"));
            }
            Map<String, Object> object = object(p, 1);
            if (p.nextToken() != null) {
                throw new ProtocolException(Errno.EBADMSG, "text follows the message's JSON object on its line");
            }
            return object;
        } catch (JsonParseException e) {
            throw new ProtocolException(Errno.EBADMSG, "not valid JSON at column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            // Jackson reports broken constraints as its own runtime exceptions
            throw new ProtocolException(Errno.EBADMSG, "not a readable message: " + e.getMessage());
        }
    }

    private static Map<String, Object> object(JsonParser p, int depth) throws IOException, ProtocolException {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (m.containsKey(name)) {
                throw new ProtocolException(Errno.EBADMSG, "field '" + shorten(name) + "' appears twice");
            }
            if (m.size() >= Protocol.MAX_ITEMS) {
                throw new ProtocolException(Errno.E2BIG, "an object has more than " + Protocol.MAX_ITEMS + " fields");
            }
            m.put(name, value(p, depth));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new ProtocolException(Errno.EBADMSG, "the JSON object is not closed");
        }
        return m;
    }

    private static Object value(JsonParser p, int depth) throws IOException, ProtocolException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new ProtocolException(Errno.EBADMSG, "the line ends inside the JSON object");
        }
        switch (t) {
            case START_OBJECT:
                return object(p, depth + 1);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (list.size() >= Protocol.MAX_ITEMS) {
                        throw new ProtocolException(Errno.E2BIG, "a list has more than " + Protocol.MAX_ITEMS
                                + " elements");
                    }
                    list.add(value(p, depth + 1));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new ProtocolException(Errno.ERANGE, "a whole number is out of range: " + shorten(p.getText()));
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new ProtocolException(Errno.EBADMSG, "unexpected JSON token " + t);
        }
    }

    /** At most 60 characters of a text, for messages that quote what they refuse. */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
