package io.netcr.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A policy rule's selector and action as named text fields, the form the image (a {@code props} list) and the
 * JSON snapshot (an object's members) both keep it in: a new field of a newer kernel is one more name, not a
 * new layout. Family, priority and the action's kind are kept apart by both. Names follow {@code ip -j rule}:
 * {@code not, src, dst, tos, fwmark, fwmask, iif, oif, l3mdev, uidrange, ipproto, sport, dport, tun_id,
 * table, goto, suppress_prefixlen, suppress_ifgroup, realms, protocol}, and {@code attrN} (hex) for an
 * FRA_* attribute without a name. Numbers are decimal, flags "1".
 */
public final class PolicyRuleFields {

    private static final Set<String> NAMES = Set.of("not", "src", "dst", "tos", "fwmark", "fwmask", "iif", "oif",
            "l3mdev", "uidrange", "ipproto", "sport", "dport", "tun_id", "table", "goto", "suppress_prefixlen",
            "suppress_ifgroup", "realms", "protocol");

    private PolicyRuleFields() {
    }

    /** Every field of the rule but family, priority and the action's kind; absent ones are left out. */
    public static Map<String, String> fields(PolicyRule r) {
        Map<String, String> m = new LinkedHashMap<>();
        PolicyRule.Selector s = r.selector();
        PolicyRule.Action a = r.action();
        flag(m, "not", s.not());
        put(m, "src", s.from());
        put(m, "dst", s.to());
        if (s.tos() != 0) {
            m.put("tos", Integer.toString(s.tos()));
        }
        put(m, "fwmark", s.fwmark());
        put(m, "fwmask", s.fwmask());
        put(m, "iif", s.iif());
        put(m, "oif", s.oif());
        flag(m, "l3mdev", s.l3mdev());
        put(m, "uidrange", s.uidRange());
        put(m, "ipproto", s.ipProto());
        put(m, "sport", s.sport());
        put(m, "dport", s.dport());
        if (s.tunId() != null) {
            m.put("tun_id", Long.toUnsignedString(s.tunId()));
        }
        put(m, "table", a.table());
        put(m, "goto", a.target());
        put(m, "suppress_prefixlen", a.suppressPrefixLength());
        put(m, "suppress_ifgroup", a.suppressIfgroup());
        put(m, "realms", a.realms());
        put(m, "protocol", r.protocol());
        r.otherAttributes().forEach((type, hex) -> m.put("attr" + type, hex));
        return m;
    }

    /**
     * The rule these fields make; throws IllegalArgumentException naming the first field that is unknown or
     * not a value of its kind.
     */
    public static PolicyRule rule(String family, long priority, String action, Map<String, String> fields) {
        Map<String, String> f = new HashMap<>(fields);
        Map<Integer, String> other = new HashMap<>();
        for (String name : fields.keySet()) {
            if (name.matches("attr\\d{1,5}")) {
                int type = Integer.parseInt(name.substring(4));
                String hex = f.remove(name);
                if (type < 1 || type > 0x3fff || !hex.matches("([0-9a-f]{2})*")) {
                    throw new IllegalArgumentException("field " + name + " is not an attribute number and hex bytes");
                }
                other.put(type, hex);
            } else if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a field of a rule");
            }
        }
        PolicyRule.Selector s = new PolicyRule.Selector(flag(f, "not"), f.get("src"), f.get("dst"),
                (int) (long) number(f, "tos", 255, 0L), number(f, "fwmark", 0xffffffffL, null), number(f, "fwmask", 0xffffffffL, null),
                f.get("iif"), f.get("oif"), flag(f, "l3mdev"), f.get("uidrange"),
                intOrNull(number(f, "ipproto", 255, null)), f.get("sport"), f.get("dport"), unsigned64(f, "tun_id"));
        PolicyRule.Action a = new PolicyRule.Action(action, number(f, "table", 0xffffffffL, null),
                number(f, "goto", 0xffffffffL, null), intOrNull(number(f, "suppress_prefixlen", 128, null)),
                intOrNull(number(f, "suppress_ifgroup", 0xffffffffL, null)), number(f, "realms", 0xffffffffL, null));
        return new PolicyRule(family, priority, s, a, f.get("protocol"), other);
    }

    private static void put(Map<String, String> m, String name, Object value) {
        if (value != null) {
            m.put(name, value.toString());
        }
    }

    private static void flag(Map<String, String> m, String name, boolean on) {
        if (on) {
            m.put(name, "1");
        }
    }

    private static boolean flag(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.equals("0")) {
            return false;
        }
        if (!v.equals("1")) {
            throw new IllegalArgumentException("field " + name + " is '" + v + "', not 0 or 1");
        }
        return true;
    }

    private static Long number(Map<String, String> f, String name, long max, Long otherwise) {
        String v = f.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + name + " is '" + v + "', not a number from 0 to " + max);
        }
    }

    private static Long unsigned64(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + name + " is '" + v + "', not a 64-bit number");
        }
    }

    private static Integer intOrNull(Long n) {
        return n == null ? null : (int) (long) n;
    }
}
