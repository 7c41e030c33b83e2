package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The plain attributes of a kind: each one attribute type, one setting, one {@link Wire}. Kinds whose
 * attributes are all plain use it alone; the others handle their special attributes (structs, nests, two
 * attributes for one setting) around it.
 */
final class FieldTable {

    /** One attribute of IFLA_INFO_DATA and its setting. */
    record Field(int type, String key, Wire wire) {
    }

    private final List<Field> fields = new ArrayList<>();

    FieldTable add(int type, String key, Wire wire) {
        fields.add(new Field(type, key, wire));
        return this;
    }

    List<Field> fields() {
        return List.copyOf(fields);
    }

    /** Reads every field present into {@code config}; a payload of the wrong size goes to {@code unreadable}. */
    void decode(AttributeTree data, Map<String, String> config, TreeSet<String> unreadable) {
        for (Field f : fields) {
            Attribute a = data.find(f.type());
            if (a == null) {
                continue;
            }
            String v = f.wire().read(a);
            if (v == null) {
                unreadable.add(f.key());
            } else {
                config.put(f.key(), v);
            }
        }
    }

    /** Writes every field whose setting is given, in the table's order. */
    void encode(Map<String, String> config, AttributeTree data) {
        for (Field f : fields) {
            String v = config.get(f.key());
            if (v != null) {
                f.wire().write(data, f.type(), v);
            }
        }
    }

    /** The runtime entry naming settings that could not be read, when there are any. */
    static void noteUnreadable(TreeSet<String> unreadable, Map<String, String> runtime) {
        if (!unreadable.isEmpty()) {
            runtime.put(KindCodecs.UNREADABLE, String.join(",", unreadable));
        }
    }
}
