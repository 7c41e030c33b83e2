package io.netcr.app.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A part of a long list that belongs to a request's answer — the steps of a plan, diagnostics — sent before the
 * message that ends it, so that no line grows with the size of the host: a thousand namespaces make seven
 * thousand plan steps, and may make as many diagnostics. The closing message gives each list's count.
 *
 * @param list  which list: {@code steps}, {@code names}, {@code diagnostics}
 * @param items its next items, each a JSON object
 */
public record Items(long id, String list, List<Map<String, Object>> items) implements Message {

    public static final String TYPE = "items";

    /** A part is closed once its items' text passes this many characters (an item is far smaller than a line). */
    static final int PART_CHARS = 256 * 1024;

    public Items {
        items = List.copyOf(items);
    }

    /** The items, read by type; {@code what} names them in errors ("a plan step"). */
    public List<Fields> fieldsOf(String what) {
        return items.stream().map(m -> new Fields(m, what)).toList();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", list);
        m.put("items", items);
        return m;
    }

    static Items read(long id, Fields f) throws ProtocolException {
        return new Items(id, f.text("list", 64), f.objectMaps("items"));
    }

    /** Sends these items as parts of a bounded size; nothing for an empty list. */
    public static void send(long id, String list, List<Map<String, Object>> items, Consumer<Message> out) {
        List<Map<String, Object>> part = new ArrayList<>();
        long chars = 0;
        for (Map<String, Object> item : items) {
            part.add(item);
            chars += approxChars(item);
            if (chars >= PART_CHARS) {
                out.accept(new Items(id, list, part));
                part = new ArrayList<>();
                chars = 0;
            }
        }
        if (!part.isEmpty()) {
            out.accept(new Items(id, list, part));
        }
    }

    /** About how many characters a value takes as JSON: enough to bound a part, not exact. */
    static long approxChars(Object v) {
        if (v instanceof String s) {
            return s.length() + 3;
        }
        if (v instanceof Map<?, ?> m) {
            long n = 2;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += e.getKey().toString().length() + 4 + approxChars(e.getValue());
            }
            return n;
        }
        if (v instanceof List<?> l) {
            long n = 2;
            for (Object o : l) {
                n += approxChars(o) + 1;
            }
            return n;
        }
        return 8;
    }
}
