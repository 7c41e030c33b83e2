package io.netcr.model.checkpoint;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint's word on routing state it does not save: an image holds only each namespace's main
 * table, so a namespace with policy rules or routes in other tables gets one warning (ENOSYS, as for the
 * device kinds netcr cannot checkpoint yet) saying what is left out and how to put it back. Nothing is
 * lost without a diagnostic: a namespace that could not be asked gets a warning too.
 */
public final class UnsavedRoutingWarnings {

    /** Rules and tables named in a message before "and N more": the message stays one readable line. */
    static final int LISTED = 3;

    private UnsavedRoutingWarnings() {
    }

    /** One warning per namespace of the image that has rules or routes it does not hold, or was not asked. */
    public static List<Diagnostic> of(Snapshot image, List<RoutingOutsideMain> found) {
        List<Diagnostic> out = new ArrayList<>();
        for (RoutingOutsideMain r : found) {
            Namespace ns = image.namespace(r.namespaceId()).orElse(null);
            if (ns == null || ns.init()) {
                continue; // not part of the set: its routing is the host's own, never restored
            }
            SubjectPath where = SubjectPath.of(ns);
            if (r instanceof RoutingOutsideMain.Unknown u) {
                out.add(Diagnostic.warning(u.code(), where, Phase.CHECKPOINT, "cannot ask the kernel for its policy "
                        + "rules and routing tables other than main (" + u.reason() + "), so the image may lack some: "
                        + "netcr saves only the main table; check with ip -n " + ns.label() + " rule and ip -n "
                        + ns.label() + " route show table all, and re-create what is missing after restore"));
            } else if (r instanceof RoutingOutsideMain.Found f) {
                List<PolicyRule> rules = f.rules().stream().filter(x -> !x.isKernelDefault()).toList();
                if (!rules.isEmpty() || !f.routes().isEmpty()) {
                    out.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, message(rules, f.routes())));
                }
            }
        }
        return out;
    }

    /**
     * "2 policy rules (pref 100: from 10.250.1.0/24 lookup 100, ...) and 3 routes in table 100 are not
     * checkpointed: netcr saves only the main table; re-create them after restore (ip rule add ..., ...)".
     */
    static String message(List<PolicyRule> rules, List<TableRoute> routes) {
        List<String> parts = new ArrayList<>();
        if (!rules.isEmpty()) {
            parts.add(count(rules.size(), "policy rule") + " ("
                    + listed(rules.stream().map(PolicyRule::describe).toList()) + ")");
        }
        Map<String, Integer> perTable = new LinkedHashMap<>();
        routes.forEach(r -> perTable.merge(r.table(), 1, Integer::sum));
        if (!routes.isEmpty()) {
            List<String> tables = perTable.entrySet().stream()
                    .map(e -> e.getValue() + " in table " + e.getKey()).toList();
            parts.add(count(routes.size(), "route") + (tables.size() == 1 ? " in table " + perTable.keySet().iterator().next()
                    : " (" + listed(tables) + ")"));
        }
        boolean one = rules.size() + routes.size() == 1;
        return String.join(" and ", parts) + (one ? " is" : " are") + " not checkpointed: netcr saves only the main "
                + "table; re-create " + (one ? "it" : "them") + " after restore (" + String.join(", ", commands(rules, routes))
                + ")";
    }

    /** The iproute2 commands that put them back, one per family and kind, the table filled in. */
    private static List<String> commands(List<PolicyRule> rules, List<TableRoute> routes) {
        List<String> out = new ArrayList<>();
        for (String family : List.of("inet", "inet6")) {
            String ip = "inet6".equals(family) ? "ip -6 " : "ip ";
            if (rules.stream().anyMatch(r -> r.family().equals(family))) {
                out.add(ip + "rule add ...");
            }
        }
        for (String family : List.of("inet", "inet6")) {
            String ip = "inet6".equals(family) ? "ip -6 " : "ip ";
            routes.stream().filter(r -> r.family().equals(family)).findFirst()
                    .ifPresent(r -> out.add(ip + "route add ... table " + r.table()));
        }
        return out;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The first {@link #LISTED}, then "and N more". */
    private static String listed(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
