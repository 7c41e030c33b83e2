package io.netcr.app.graph;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds namespaces and devices by name, address or MAC (case-insensitive substring). Exact hits come
 * first, so that typing a whole address jumps to its device rather than to one that merely contains it.
 */
public final class SnapshotSearch {

    private SnapshotSearch() {
    }

    public static List<SubjectPath> find(Snapshot snapshot, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<SubjectPath> exact = new ArrayList<>();
        List<SubjectPath> partial = new ArrayList<>();
        if (q.isEmpty()) {
            return exact;
        }
        for (Namespace ns : snapshot.namespaces()) {
            classify(SubjectPath.of(ns), q, exact, partial, ns.names().toArray(String[]::new));
            for (Device d : ns.devices()) {
                List<String> keys = new ArrayList<>(List.of(d.name()));
                if (d.mac() != null) {
                    keys.add(d.mac());
                }
                for (Address a : d.addresses()) {
                    keys.add(a.address());
                    keys.add(a.cidr());
                }
                classify(SubjectPath.of(ns, d), q, exact, partial, keys.toArray(String[]::new));
            }
        }
        exact.addAll(partial);
        return exact;
    }

    private static void classify(SubjectPath path, String q, List<SubjectPath> exact, List<SubjectPath> partial,
                                 String... keys) {
        boolean contains = false;
        for (String k : keys) {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.equals(q)) {
                exact.add(path);
                return;
            }
            contains |= key.contains(q);
        }
        if (contains) {
            partial.add(path);
        }
    }
}
