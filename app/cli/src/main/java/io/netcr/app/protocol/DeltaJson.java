package io.netcr.app.protocol;

import io.netcr.model.Errno;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Delta} as a JSON object, the same in the agent's {@code update} messages and in the lines of
 * {@code netcr monitor --json}: {@code kind} (namespace, device, address, route, rule), {@code action} (added,
 * changed, removed), {@code namespace} (its id), {@code netns} (its label), {@code device} (for an address),
 * {@code name}, and for a change {@code changed}: each field's {@code old} and {@code new} value.
 */
public final class DeltaJson {

    private DeltaJson() {
    }

    public static Map<String, Object> toMap(Delta d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("netns", d.netns());
        m.put("kind", d.kind().word());
        m.put("action", d.action().word());
        m.put("name", d.name());
        if (d.device() != null) {
            m.put("device", d.device());
        }
        m.put("namespace", d.namespace());
        if (!d.changes().isEmpty()) {
            Map<String, Object> changed = new LinkedHashMap<>();
            for (Delta.Field f : d.changes()) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("old", f.oldValue());
                values.put("new", f.newValue());
                changed.put(f.field(), values);
            }
            m.put("changed", changed);
        }
        return m;
    }

    public static List<Map<String, Object>> toMaps(List<Delta> deltas) {
        List<Map<String, Object>> out = new ArrayList<>(deltas.size());
        deltas.forEach(d -> out.add(toMap(d)));
        return out;
    }

    /** Reads one; a value that is none of the words above is a {@link ProtocolException}. */
    public static Delta read(Fields f) throws ProtocolException {
        Delta.Kind kind = word(Delta.Kind.class, f.text("kind", 16), f);
        ChangeKind action = word(ChangeKind.class, f.text("action", 16), f);
        List<Delta.Field> changes = new ArrayList<>();
        if (f.has("changed")) {
            Fields changed = f.object("changed");
            for (String field : changed.names()) {
                Fields values = changed.object(field);
                changes.add(new Delta.Field(field, values.textOr("old", null), values.textOr("new", null)));
            }
        }
        return new Delta(kind, action, f.text("namespace"), f.text("netns"), f.textOr("device", null), f.text("name"),
                changes);
    }

    private static <E extends Enum<E>> E word(Class<E> type, String word, Fields f) throws ProtocolException {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Errno.EBADMSG, "'" + JsonValues.shorten(word) + "' in "
                    + f.what() + " is no " + type.getSimpleName().toLowerCase(Locale.ROOT) + " this netcr knows");
        }
    }
}
