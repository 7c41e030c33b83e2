package io.netcr.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the object a diagnostic concerns, e.g. {@code netns:red/dev:veth0/addr:10.250.0.1/24}.
 *
 * <p>Syntax (documented in docs/json.md): segments {@code kind:value} joined by {@code /}. A kind is
 * lower-case letters, digits and dashes. In values, {@code %}, {@code /} and control characters are
 * percent-encoded, except in {@code addr}, {@code route} and {@code file} values, where {@code /} stays
 * as people write it ({@code 10.250.0.1/24}, {@code /var/lib/x.netcr}): when parsing, a piece after a
 * {@code /} that does not start with {@code kind:} belongs to the value before it. The empty path
 * names the whole snapshot. The graph places a diagnostic on the deepest drawn object of its path.
 */
public record SubjectPath(List<Segment> segments) {

    /** Well-known kinds. Others may appear (a reader names files and records it found). */
    public static final String NETNS = "netns";
    public static final String DEV = "dev";
    public static final String ADDR = "addr";
    public static final String ROUTE = "route";
    public static final String FILE = "file";
    public static final String RECORD = "record";

    private static final Pattern SEGMENT_START = Pattern.compile("[a-z][a-z0-9-]*:.*", Pattern.DOTALL);

    public static final SubjectPath ROOT = new SubjectPath(List.of());

    /** One {@code kind:value} step of a path. The value is kept decoded. */
    public record Segment(String kind, String value) {
        public Segment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            if (!isKind(kind)) {
                throw new IllegalArgumentException("not a subject kind: " + kind);
            }
        }

        @Override
        public String toString() {
            return kind + ":" + encode(value, kind.equals(ADDR) || kind.equals(ROUTE) || kind.equals(FILE));
        }
    }

    /** {@code [a-z][a-z0-9-]*}, checked without a regex: paths are made for every device of a snapshot. */
    private static boolean isKind(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public SubjectPath {
        segments = List.copyOf(segments);
    }

    public static SubjectPath of(String kind, String value) {
        return ROOT.child(kind, value);
    }

    /** The path of a namespace: by its first name, or by its id when it has none. */
    public static SubjectPath of(Namespace ns) {
        return of(NETNS, ns.label());
    }

    public static SubjectPath of(Namespace ns, Device dev) {
        return of(ns).child(DEV, dev.name());
    }

    public SubjectPath child(String kind, String value) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(new Segment(kind, value));
        return new SubjectPath(longer);
    }

    /** The owner of this object (the empty path for a top-level object or the root). */
    public SubjectPath parent() {
        return segments.isEmpty() ? this : new SubjectPath(segments.subList(0, segments.size() - 1));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** True when this path equals {@code other} or lies below it. */
    public boolean startsWith(SubjectPath other) {
        return other.segments.size() <= segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    /** The value of the first segment of this kind, or null. */
    public String valueOf(String kind) {
        for (Segment s : segments) {
            if (s.kind().equals(kind)) {
                return s.value();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /**
     * Parses the text form. A piece after a {@code /} that does not start a new {@code kind:} belongs
     * to the previous value (the prefix length of an address or route).
     */
    public static SubjectPath parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return ROOT;
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : text.split("/", -1)) {
            if (!pieces.isEmpty() && !SEGMENT_START.matcher(piece).matches()) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + "/" + piece);
            } else {
                pieces.add(piece);
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (String piece : pieces) {
            int colon = piece.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("subject segment without kind: '" + piece + "' in '" + text + "'");
            }
            segments.add(new Segment(piece.substring(0, colon), decode(piece.substring(colon + 1))));
        }
        return new SubjectPath(segments);
    }

    /** Escapes only ASCII characters ({@code %}, {@code /}, controls), so %XX is always one byte. */
    static String encode(String value, boolean keepSlashes) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = c == '%' || c < 0x20 || c == 0x7f || (c == '/' && !keepSlashes);
            if (escape) {
                sb.append(String.format("%%%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
