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
 * Finds namespaces and devices (case-insensitive):
 * <ul>
 * <li>by name, address or MAC, as a substring (a MAC typed with - or : alike);</li>
 * <li>by address prefix: {@code 10.250} or {@code 10.250.} finds every address in 10.250.0.0/16, and a CIDR
 * ({@code 10.250.3.0/24}, {@code fd00:250::/32}) every address inside it;</li>
 * <li>by kind: {@code kind:vxlan} finds the vxlan devices.</li>
 * </ul>
 * Exact hits come first, so that typing a whole address goes to its device rather than to one that merely
 * contains it; then the others in the snapshot's order.
 */
public final class SnapshotSearch {

    private static final String KIND = "kind:";

    private SnapshotSearch() {
    }

    public static List<SubjectPath> find(Snapshot snapshot, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<SubjectPath> exact = new ArrayList<>();
        List<SubjectPath> partial = new ArrayList<>();
        if (q.isEmpty()) {
            return exact;
        }
        if (q.startsWith(KIND)) {
            String kind = q.substring(KIND.length()).trim();
            for (Namespace ns : snapshot.namespaces()) {
                for (Device d : ns.devices()) {
                    if (!kind.isEmpty() && d.kind().toLowerCase(Locale.ROOT).equals(kind)) {
                        exact.add(SubjectPath.of(ns, d));
                    }
                }
            }
            return exact;
        }
        AddressQuery range = AddressQuery.parse(q);
        String wanted = norm(q);
        for (Namespace ns : snapshot.namespaces()) {
            classify(SubjectPath.of(ns), wanted, exact, partial, false, ns.names());
            for (Device d : ns.devices()) {
                List<String> keys = new ArrayList<>(List.of(d.name()));
                boolean inRange = false;
                for (Address a : d.addresses()) {
                    keys.add(a.address());
                    keys.add(a.cidr());
                    inRange |= range != null && range.contains(a.address());
                }
                if (d.mac() != null) {
                    keys.add(d.mac());
                }
                classify(SubjectPath.of(ns, d), wanted, exact, partial, inRange, keys);
            }
        }
        exact.addAll(partial);
        return exact;
    }

    /** Lower case, and - as : (a MAC typed either way; a name's dash matches a colon too, which is harmless). */
    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', ':');
    }

    private static void classify(SubjectPath path, String q, List<SubjectPath> exact, List<SubjectPath> partial,
                                 boolean inRange, List<String> keys) {
        boolean contains = inRange;
        for (String k : keys) {
            String key = norm(k);
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
