package io.netcr.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the fields of a JSON object that reports, instead of throwing, every field that is
 * missing or of the wrong type, naming the object by its subject path.
 */
final class JsonFieldReader {

    private final List<Diagnostic> problems = new ArrayList<>();

    List<Diagnostic> problems() {
        return problems;
    }

    void error(Errno code, SubjectPath subject, String message) {
        problems.add(Diagnostic.error(code, subject, Phase.READ, message));
    }

    /** A text field; {@code fallback} when absent or null (an error when {@code required}). */
    String text(JsonNode obj, String field, SubjectPath where, boolean required, String fallback) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(Errno.EINVAL, where, "field '" + field + "' is missing; add it");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            error(Errno.EINVAL, where, "field '" + field + "' must be a string, found " + shortText(v));
            return fallback;
        }
        return v.textValue();
    }

    int integer(JsonNode obj, String field, SubjectPath where, boolean required, int fallback) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(Errno.EINVAL, where, "field '" + field + "' is missing; add it");
            }
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            error(Errno.EINVAL, where, "field '" + field + "' must be a whole number, found " + shortText(v));
            return fallback;
        }
        return v.intValue();
    }

    boolean bool(JsonNode obj, String field, SubjectPath where, boolean fallback) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            error(Errno.EINVAL, where, "field '" + field + "' must be true or false, found " + shortText(v));
            return fallback;
        }
        return v.booleanValue();
    }

    /** The elements of an array field (empty when absent); an error when it is not an array. */
    List<JsonNode> array(JsonNode obj, String field, SubjectPath where) {
        JsonNode v = obj.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            error(Errno.EINVAL, where, "field '" + field + "' must be a list, found " + shortText(v));
            return out;
        }
        v.forEach(out::add);
        return out;
    }

    /** An object field, or null when absent; an error when it is something else. */
    JsonNode object(JsonNode obj, String field, SubjectPath where) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            error(Errno.EINVAL, where, "field '" + field + "' must be an object, found " + shortText(v));
            return null;
        }
        return v;
    }

    /** Text elements of an array field; non-text elements are reported and left out. */
    List<String> texts(JsonNode obj, String field, SubjectPath where) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : array(obj, field, where)) {
            if (e.isTextual()) {
                out.add(e.textValue());
            } else {
                error(Errno.EINVAL, where, "field '" + field + "' must hold strings, found " + shortText(e));
            }
        }
        return out;
    }

    static String shortText(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
