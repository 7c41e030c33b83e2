package io.netcr.model.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What netcr knows of one device kind: its settings (the keys of {@link io.netcr.model.LinkConfig#data()}, in
 * the order {@code ip link add} writes them), how a restore makes it, and whether it sits on a parent. The
 * kernel side (which IFLA_INFO_DATA attribute each key is) lives with the rtnetlink codec of the kind.
 *
 * @param kind      IFLA_INFO_KIND
 * @param fields    its settings
 * @param making    how a restore creates it
 * @param parent    whether it sits on another device (IFLA_LINK or the kind's own link attribute)
 * @param setsMac   whether a restore gives it its recorded hardware address (not for kinds whose address is
 *                  their parent's, such as ipvlan, or is no Ethernet address, such as an IP tunnel's)
 */
public record KindSpec(String kind, List<KindField> fields, Making making, Parent parent, boolean setsMac) {

    /** How a restore creates a device of the kind. */
    public enum Making {
        /** One RTM_NEWLINK with IFLA_INFO_DATA: {@code ip link add ... type KIND ...}. */
        RTNETLINK,
        /** TUNSETIFF on /dev/net/tun inside the namespace, then TUNSETPERSIST: {@code ip tuntap add}. */
        TUN_IOCTL
    }

    /** Whether the kind sits on another device. */
    public enum Parent { NONE, OPTIONAL, REQUIRED }

    public KindSpec {
        fields = List.copyOf(fields);
    }

    /** The field of a key, or null. */
    public KindField field(String key) {
        for (KindField f : fields) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }

    /** Keys this kind does not have (a newer netcr's, or a hand-written mistake), sorted. */
    public List<String> unknownKeys(Map<String, String> data) {
        TreeSet<String> unknown = new TreeSet<>(data.keySet());
        fields.forEach(f -> unknown.remove(f.key()));
        return List.copyOf(unknown);
    }

    /** Per known key whose value its type refuses: key to what the value should be. */
    public Map<String, String> badValues(Map<String, String> data) {
        Map<String, String> bad = new LinkedHashMap<>();
        for (KindField f : fields) {
            String v = data.get(f.key());
            if (v != null && !f.type().accepts(v)) {
                bad.put(f.key(), f.type().description());
            }
        }
        return bad;
    }

    /** The settings as {@code ip link add} options, in the spec's order: " id 42 dstport 4789 nolearning". */
    public String ipText(Map<String, String> data) {
        StringBuilder sb = new StringBuilder();
        for (KindField f : fields) {
            String v = data.get(f.key());
            if (v != null) {
                sb.append(f.ipText(v));
            }
        }
        return sb.toString();
    }

    /** Builds a spec field by field. */
    static final class Builder {
        private final String kind;
        private final List<KindField> fields = new ArrayList<>();
        private Making making = Making.RTNETLINK;
        private Parent parent = Parent.NONE;
        private boolean setsMac = true;

        Builder(String kind) {
            this.kind = kind;
        }

        Builder value(String key, ValueType type, String ipWord) {
            fields.add(KindField.value(key, type, ipWord));
            return this;
        }

        Builder bool(String key, String on, String off) {
            fields.add(KindField.bool(key, on, off));
            return this;
        }

        /** A boolean iproute2 writes {@code WORD on} / {@code WORD off}. */
        Builder onOff(String key, String word) {
            return bool(key, word + " on", word + " off");
        }

        Builder fields(List<KindField> more) {
            fields.addAll(more);
            return this;
        }

        Builder making(Making m) {
            making = m;
            return this;
        }

        Builder parent(Parent p) {
            parent = p;
            return this;
        }

        Builder noMac() {
            setsMac = false;
            return this;
        }

        KindSpec build() {
            return new KindSpec(kind, fields, making, parent, setsMac);
        }
    }
}
