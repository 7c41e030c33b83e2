package io.netcr.model.diff;

import io.netcr.model.Namespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Pairs the namespaces of two snapshots, in passes that each take only what is still unpaired:
 * any shared name; then the init namespaces; then equal ids; then equal labels of unnamed namespaces
 * ({@code pid:N}). Ifindexes and inode numbers play no part beyond an equal id.
 */
final class NamespaceMatcher {

    /** Left to right, in the left snapshot's order; what is absent was not paired. */
    private final Map<Namespace, Namespace> pairs = new IdentityHashMap<>();
    private final Map<Namespace, Namespace> reverse = new IdentityHashMap<>();

    NamespaceMatcher(List<Namespace> left, List<Namespace> right) {
        pass(left, right, (a, b) -> !Collections.disjoint(a.names(), b.names()));
        pass(left, right, (a, b) -> a.init() && b.init());
        pass(left, right, (a, b) -> a.id().equals(b.id()));
        pass(left, right, (a, b) -> a.names().isEmpty() && b.names().isEmpty() && !a.init() && !b.init()
                && a.label().equals(b.label()));
    }

    private void pass(List<Namespace> left, List<Namespace> right, BiPredicate<Namespace, Namespace> same) {
        for (Namespace a : left) {
            if (pairs.containsKey(a)) {
                continue;
            }
            for (Namespace b : right) {
                if (!reverse.containsKey(b) && same.test(a, b)) {
                    pairs.put(a, b);
                    reverse.put(b, a);
                    break;
                }
            }
        }
    }

    /** The right namespace paired with this left one, or null. */
    Namespace rightOf(Namespace left) {
        return pairs.get(left);
    }

    /** The left namespace paired with this right one, or null. */
    Namespace leftOf(Namespace right) {
        return reverse.get(right);
    }

    /** Right namespaces that have no partner, in the right snapshot's order. */
    List<Namespace> unpairedRight(List<Namespace> right) {
        List<Namespace> out = new ArrayList<>();
        for (Namespace b : right) {
            if (!reverse.containsKey(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /** Ids of right namespaces mapped to the label of their left partner, for naming peers alike. */
    Map<String, String> rightIdToLeftLabel() {
        Map<String, String> m = new LinkedHashMap<>();
        reverse.forEach((b, a) -> m.put(b.id(), a.label()));
        return m;
    }
}
