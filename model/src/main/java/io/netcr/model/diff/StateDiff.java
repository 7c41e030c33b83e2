package io.netcr.model.diff;

import io.netcr.model.Firewall;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.SubjectPath;
import io.netcr.model.Sysctls;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the state two checkpoints recorded of a namespace pair (see {@link NamespaceState}): rules and
 * permanent neighbours as {@code ip rule} and {@code ip neigh} print them, sysctls key by key (a secret's
 * value never shown), the firewall by its summary. Only when both sides recorded it: a live snapshot never
 * reads it, and an absent state is not an empty one.
 */
final class StateDiff {

    static final String RULE = "rule";
    static final String NEIGHBOUR = "neighbour";
    static final String SYSCTL = "sysctl";
    static final String FIREWALL = "firewall";

    private StateDiff() {
    }

    static void compare(SubjectPath ns, NamespaceState a, NamespaceState b, List<Change> out) {
        set(ns, RULE, a.rules(), b.rules(), PolicyRule::describe, r -> Long.toString(r.priority()), out);
        set(ns, NEIGHBOUR, a.neighbours(), b.neighbours(), Neighbour::describe, Neighbour::address, out);
        sysctls(ns, a.sysctls(), b.sysctls(), k -> k, out);
        for (String dev : new TreeSet<>(union(a.deviceSysctls().keySet(), b.deviceSysctls().keySet()))) {
            sysctls(ns.child(SubjectPath.DEV, dev), a.deviceSysctls().getOrDefault(dev, Map.of()),
                    b.deviceSysctls().getOrDefault(dev, Map.of()), k -> Sysctls.deviceKey(k, dev), out);
        }
        Firewall fa = a.firewall();
        Firewall fb = b.firewall();
        SubjectPath fw = ns.child(FIREWALL, "nftables");
        if (fa == null && fb != null) {
            out.add(Change.added(fw, FIREWALL, fb.summary()));
        } else if (fa != null && fb == null) {
            out.add(Change.removed(fw, FIREWALL, fa.summary()));
        } else if (fa != null && !Objects.equals(fa.summary(), fb.summary())) {
            out.add(Change.changed(fw, "ruleset", fa.summary(), fb.summary()));
        }
    }

    private static <T> void set(SubjectPath ns, String kind, List<T> a, List<T> b, Function<T, String> text,
                                Function<T, String> name, List<Change> out) {
        Map<String, T> inA = new TreeMap<>();
        a.forEach(x -> inA.put(text.apply(x), x));
        Map<String, T> inB = new TreeMap<>();
        b.forEach(x -> inB.put(text.apply(x), x));
        for (String t : union(inA.keySet(), inB.keySet())) {
            if (!inB.containsKey(t)) {
                out.add(Change.removed(ns.child(kind, name.apply(inA.get(t))), kind, t));
            } else if (!inA.containsKey(t)) {
                out.add(Change.added(ns.child(kind, name.apply(inB.get(t))), kind, t));
            }
        }
    }

    private static void sysctls(SubjectPath at, Map<String, String> a, Map<String, String> b,
                                Function<String, String> fullKey, List<Change> out) {
        for (String k : union(a.keySet(), b.keySet())) {
            String x = a.get(k);
            String y = b.get(k);
            if (!Objects.equals(x, y)) {
                String full = fullKey.apply(k);
                out.add(Change.changed(at.child(SYSCTL, Sysctls.dotted(full)), "value",
                        x == null ? null : Sysctls.shown(full, x), y == null ? null : Sysctls.shown(full, y)));
            }
        }
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
