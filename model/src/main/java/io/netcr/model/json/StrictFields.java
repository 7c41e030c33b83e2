package io.netcr.model.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fields of a JSON object that must be there and of their type, for documents netcr writes for itself (the
 * restore journal and the plan in it): each reader throws {@link IllegalArgumentException} naming the field,
 * rather than collecting diagnostics as the snapshot reader does for documents people write.
 */
public final class StrictFields {

    private StrictFields() {
    }

    public static JsonNode object(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not an object");
        }
        return v;
    }

    public static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return v.asText();
    }

    /** Text, or null when the field is absent or null. */
    public static String optionalText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : text(o, field);
    }

    public static long number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a whole number");
        }
        return v.asLong();
    }

    public static int integer(JsonNode o, String field) {
        long n = number(o, field);
        if (n != (int) n) {
            throw new IllegalArgumentException("'" + field + "' is out of range: " + n);
        }
        return (int) n;
    }

    public static boolean bool(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not true/false");
        }
        return v.asBoolean();
    }
}
