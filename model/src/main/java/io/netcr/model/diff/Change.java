package io.netcr.model.diff;

import io.netcr.model.SubjectPath;
import java.util.Objects;

/**
 * One difference between two snapshots.
 *
 * <p>A whole object that is only on one side is one change with {@code kind} ADDED or REMOVED and
 * {@code field} naming the object's kind ({@link #NETNS}, {@link #DEVICE}, {@link #ADDRESS},
 * {@link #ROUTE}); its one-line text is in {@code newValue} (added) or {@code oldValue} (removed). An
 * object on both sides yields one CHANGED per differing field ("mtu", "mac", "up", "operstate", "kind",
 * "peer", "master", "parent", "scope", "flags", ...), with both values as text; a value that is absent
 * on one side (a MAC, a master) is null there. A property ({@code properties} map entry) is the field
 * {@code property:KEY}.
 *
 * @param kind     added, removed or changed
 * @param subject  the object, e.g. {@code netns:red/dev:veth0}; named as in the left snapshot when it is
 *                 in both, else as in the snapshot that holds it
 * @param field    the field that differs, or the object's kind for an added or removed object
 * @param oldValue the left value as text, or null
 * @param newValue the right value as text, or null
 */
public record Change(ChangeKind kind, SubjectPath subject, String field, String oldValue, String newValue) {

    public static final String NETNS = "netns";
    public static final String DEVICE = "device";
    public static final String ADDRESS = "address";
    public static final String ROUTE = "route";
    /** Prefix of a field that is an entry of a {@code properties} map. */
    public static final String PROPERTY_PREFIX = "property:";
    /** Field names of a device's kind settings: "config:ttl". */
    public static final String CONFIG_PREFIX = "config:";

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(field, "field");
    }

    public static Change added(SubjectPath subject, String objectKind, String text) {
        return new Change(ChangeKind.ADDED, subject, objectKind, null, text);
    }

    public static Change removed(SubjectPath subject, String objectKind, String text) {
        return new Change(ChangeKind.REMOVED, subject, objectKind, text, null);
    }

    public static Change changed(SubjectPath subject, String field, String oldValue, String newValue) {
        return new Change(ChangeKind.CHANGED, subject, field, oldValue, newValue);
    }

    /** True for a whole object added or removed, false for a changed field. */
    public boolean isObjectChange() {
        return kind != ChangeKind.CHANGED;
    }

    /**
     * The command line's form: {@code ~ netns:red/dev:veth0 mtu: 1500 -> 1400},
     * {@code + netns:red/dev:veth1 device: veth mtu 1500 up}, {@code - netns:blue netns: blue}.
     */
    @Override
    public String toString() {
        String values = switch (kind) {
            case ADDED -> text(newValue);
            case REMOVED -> text(oldValue);
            case CHANGED -> text(oldValue) + " -> " + text(newValue);
        };
        return kind.sign() + " " + subject + " " + field + ": " + values;
    }

    private static String text(String v) {
        return v == null ? "(none)" : v;
    }
}
