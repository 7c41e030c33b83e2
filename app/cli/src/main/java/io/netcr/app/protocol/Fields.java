package io.netcr.app.protocol;

import io.netcr.model.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one received message (or of an object inside one), read by type: each accessor refuses a
 * missing required field, a value of the wrong type and text over its bound with a {@link ProtocolException}
 * that names the field and the message. Fields a reader does not ask for are ignored, so that a newer peer
 * may add some.
 */
public final class Fields {

    private final Map<String, Object> values;
    private final String what;

    /** {@code what} names the message in errors: "a restore request". */
    public Fields(Map<String, Object> values, String what) {
        this.values = values;
        this.what = what;
    }

    public String what() {
        return what;
    }

    /** The names of the fields, in the order they came. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public String text(String name) throws ProtocolException {
        return text(name, Protocol.MAX_TEXT);
    }

    public String text(String name, int maxLength) throws ProtocolException {
        Object v = required(name);
        if (!(v instanceof String s)) {
            throw wrong(name, "text");
        }
        if (s.length() > maxLength) {
            throw new ProtocolException(Errno.E2BIG, "field '" + name + "' of " + what + " is " + s.length()
                    + " characters long; at most " + maxLength + " are allowed");
        }
        return s;
    }

    public String textOr(String name, String fallback) throws ProtocolException {
        return has(name) ? text(name) : fallback;
    }

    public long number(String name) throws ProtocolException {
        Object v = required(name);
        if (!(v instanceof Long n)) {
            throw wrong(name, "a whole number");
        }
        return n;
    }

    /** A whole number within {@code [min, max]}. */
    public long number(String name, long min, long max) throws ProtocolException {
        long n = number(name);
        if (n < min || n > max) {
            throw new ProtocolException(Errno.ERANGE, "field '" + name + "' of " + what + " is " + n + "; it must be "
                    + "from " + min + " to " + max);
        }
        return n;
    }

    public long numberOr(String name, long fallback, long min, long max) throws ProtocolException {
        return has(name) ? number(name, min, max) : fallback;
    }

    /** Any number, whole or not. */
    public double decimalOr(String name, double fallback) throws ProtocolException {
        if (!has(name)) {
            return fallback;
        }
        Object v = values.get(name);
        if (!(v instanceof Number n)) {
            throw wrong(name, "a number");
        }
        return n.doubleValue();
    }

    public boolean flag(String name, boolean fallback) throws ProtocolException {
        if (!has(name)) {
            return fallback;
        }
        if (!(values.get(name) instanceof Boolean b)) {
            throw wrong(name, "true or false");
        }
        return b;
    }

    public List<String> texts(String name) throws ProtocolException {
        List<String> out = new ArrayList<>();
        for (Object o : list(name)) {
            if (!(o instanceof String s)) {
                throw wrong(name, "a list of texts");
            }
            if (s.length() > Protocol.MAX_TEXT) {
                throw new ProtocolException(Errno.E2BIG, "a text in field '" + name + "' of " + what + " is "
                        + s.length() + " characters long; at most " + Protocol.MAX_TEXT + " are allowed");
            }
            out.add(s);
        }
        return out;
    }

    /** A list of texts in which null stands for something unnamed (the restorer's namespace in a plan step). */
    public List<String> textsOrNulls(String name) throws ProtocolException {
        List<String> out = new ArrayList<>();
        for (Object o : list(name)) {
            if (o != null && (!(o instanceof String s) || s.length() > Protocol.MAX_TEXT)) {
                throw wrong(name, "a list of texts (or nulls) of at most " + Protocol.MAX_TEXT + " characters");
            }
            out.add((String) o);
        }
        return out;
    }

    public List<Integer> smallNumbers(String name) throws ProtocolException {
        List<Integer> out = new ArrayList<>();
        for (Object o : list(name)) {
            if (!(o instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
                throw wrong(name, "a list of version numbers");
            }
            out.add(n.intValue());
        }
        return out;
    }

    /** An object of text values, in its order. */
    public Map<String, String> textMap(String name) throws ProtocolException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : objectValues(name).entrySet()) {
            if (!(e.getValue() instanceof String s) || s.length() > Protocol.MAX_TEXT
                    || e.getKey().length() > Protocol.MAX_TEXT) {
                throw wrong(name, "an object of texts of at most " + Protocol.MAX_TEXT + " characters");
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    public Fields object(String name) throws ProtocolException {
        return new Fields(objectValues(name), "field '" + name + "' of " + what);
    }

    public List<Fields> objects(String name) throws ProtocolException {
        List<Fields> out = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> m : objectMaps(name)) {
            out.add(new Fields(m, name + "[" + i++ + "] of " + what));
        }
        return out;
    }

    /** A list of objects, as they were read. */
    public List<Map<String, Object>> objectMaps(String name) throws ProtocolException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list(name)) {
            if (!(o instanceof Map<?, ?>)) {
                throw wrong(name, "a list of objects");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(m);
        }
        return out;
    }

    private List<?> list(String name) throws ProtocolException {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw wrong(name, "a list");
        }
        return l;
    }

    private Map<String, Object> objectValues(String name) throws ProtocolException {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw wrong(name, "an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    private Object required(String name) throws ProtocolException {
        Object v = values.get(name);
        if (v == null) {
            throw new ProtocolException(Errno.EBADMSG, what + " lacks its field '" + name + "'");
        }
        return v;
    }

    private ProtocolException wrong(String name, String expected) {
        return new ProtocolException(Errno.EBADMSG, "field '" + name + "' of " + what + " must be " + expected);
    }
}
