package io.netcr.model.live;

import io.netcr.model.diff.ChangeKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One model-level change the live monitor saw: an object of one {@link Kind} added, changed or removed.
 *
 * @param kind      what changed: a namespace, device, address, route or policy rule
 * @param action    added, changed or removed
 * @param namespace the id of the namespace it is in (for a namespace, its own id)
 * @param netns     that namespace's label (as subject paths name it), for people
 * @param device    for an address, the name of its device; otherwise null
 * @param name      the object: the namespace's label, the device's name, the address {@code addr/len},
 *                  the route or the rule in iproute2's words
 * @param changes   for {@code CHANGED}, each field that differs, old and new as text; empty otherwise
 */
public record Delta(Kind kind, ChangeKind action, String namespace, String netns, String device, String name,
                    List<Field> changes) {

    /** The kinds of object the monitor follows. */
    public enum Kind {
        NAMESPACE, DEVICE, ADDRESS, ROUTE, RULE;

        /** The lower-case word of JSON and the command line ("namespace", "device", ...). */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One field of a changed object; a value absent on one side (a MAC, a master) is null there. */
    public record Field(String field, String oldValue, String newValue) {
        public Field {
            Objects.requireNonNull(field, "field");
        }
    }

    public Delta {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * The command line's form, in the spirit of {@code ip monitor}:
     * {@code ~ device red/veth0 mtu 1500 -> 1400}, {@code + address red/veth0 10.250.0.1/24}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(action.sign()).append(' ').append(kind.word()).append(' ');
        if (kind == Kind.NAMESPACE) {
            sb.append(name);
        } else {
            sb.append(netns).append('/');
            if (device != null) {
                sb.append(device).append('/');
            }
            sb.append(name);
        }
        for (Field f : changes) {
            sb.append(' ').append(f.field()).append(' ').append(text(f.oldValue())).append(" -> ")
                    .append(text(f.newValue()));
        }
        return sb.toString();
    }

    private static String text(String v) {
        return v == null ? "(none)" : v;
    }
}
