package io.netcr.model.checkpoint;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts what a checkpoint read of each namespace ({@link NamespaceReading}) into the image: its state
 * (rules, neighbours, sysctls, firewall) and its routes of every table; and says, once per namespace and
 * kind, what the image cannot hold: conntrack entries, qdiscs and sockets (warnings the image keeps, so
 * that inspect and the workbench show them), routes a restore could not make, parts that could not be read.
 * A ruleset libnftables would not load again refuses the checkpoint (ENOSYS), as an unsupported device
 * kind does, unless --skip-unsupported records it without restoring it.
 */
public final class CheckpointStates {

    /** Items named in a message before "and N more": it stays one readable line. */
    static final int LISTED = 3;

    private CheckpointStates() {
    }

    public static CheckpointResult apply(CheckpointResult result, List<NamespaceReading> readings,
                                         CheckpointOptions options) {
        if (result.image() == null) {
            return result;
        }
        Map<String, NamespaceReading> byId = new HashMap<>();
        readings.forEach(r -> byId.put(r.namespaceId(), r));
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        List<Namespace> namespaces = new ArrayList<>();
        for (Namespace ns : result.image().namespaces()) {
            NamespaceReading r = ns.init() ? null : byId.get(ns.id());
            if (r instanceof NamespaceReading.Unknown u) {
                warnings.add(Diagnostic.warning(u.code(), SubjectPath.of(ns), Phase.CHECKPOINT, "cannot ask the kernel "
                        + "for its policy rules, routes outside the main table, permanent neighbours, sysctls and "
                        + "firewall (" + u.reason() + "): the image holds its devices, addresses and main routes only, "
                        + "and a restore leaves the rest as a new namespace has it; compare with ip -n " + ns.label()
                        + " rule, ip -n " + ns.label() + " route show table all and nft list ruleset"));
                namespaces.add(ns);
            } else if (r instanceof NamespaceReading.Found f) {
                namespaces.add(record(ns, f, options, errors, warnings));
            } else {
                namespaces.add(ns);
            }
        }
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        all.addAll(errors);
        all.addAll(warnings);
        if (!errors.isEmpty()) {
            return new CheckpointResult(null, all);
        }
        Snapshot image = result.image().withNamespaces(namespaces).withDiagnostics(warnings);
        return new CheckpointResult(image, all);
    }

    private static Namespace record(Namespace ns, NamespaceReading.Found f, CheckpointOptions options,
                                    List<Diagnostic> errors, List<Diagnostic> warnings) {
        SubjectPath where = SubjectPath.of(ns);
        Firewall firewall = null;
        if (f.firewall() != null) {
            SubjectPath fw = where.child("firewall", "nftables");
            if (f.firewallRefusal() == null) {
                firewall = new Firewall(f.firewall(), false);
            } else if (options.skipUnsupported()) {
                firewall = new Firewall(f.firewall(), true);
                warnings.add(Diagnostic.warning(Errno.ENOSYS, fw, Phase.CHECKPOINT, "libnftables would not load its "
                        + "nftables ruleset again (" + f.firewallRefusal() + "); it is recorded as skipped and will not "
                        + "be restored"));
            } else {
                errors.add(Diagnostic.error(Errno.ENOSYS, fw, Phase.CHECKPOINT, "libnftables would not load its nftables "
                        + "ruleset again (" + f.firewallRefusal() + "), so a restore could not make it; iptables-nft rules "
                        + "with xtables extensions do this. Use --skip-unsupported to record it without restoring it"));
            }
        }
        Map<String, Map<String, String>> deviceSysctls = new HashMap<>(f.deviceSysctls());
        deviceSysctls.keySet().removeIf(dev -> ns.device(dev).isEmpty()); // vanished since the snapshot
        NamespaceState state = new NamespaceState(f.rules(), f.neighbours(), f.sysctls(), deviceSysctls, firewall);
        for (NamespaceReading.Gap g : f.gaps()) {
            warnings.add(Diagnostic.warning(g.code(), where, Phase.CHECKPOINT, "cannot read its " + g.what() + " ("
                    + g.reason() + "); the image lacks them, and a restore leaves them as a new namespace has them"));
        }
        if (!f.unrestorableRoutes().isEmpty()) {
            warnings.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, count(f.unrestorableRoutes().size(),
                    "route") + " cannot be checkpointed as they are and " + (f.unrestorableRoutes().size() == 1 ? "is" : "are")
                    + " left out: " + listed(f.unrestorableRoutes()) + "; add them by hand after a restore"));
        }
        unrestorable(where, f.unrestorable(), warnings);
        return ns.withRoutes(f.routes()).withState(state);
    }

    /** One warning each for conntrack entries, qdiscs and sockets: held by the image, never silently dropped. */
    private static void unrestorable(SubjectPath where, NamespaceReading.Unrestorable u, List<Diagnostic> warnings) {
        if (u.conntrackEntries() > 0) {
            warnings.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, count(u.conntrackEntries(),
                    "conntrack entry", "conntrack entries") + " of its connection tracking table are not checkpointed: "
                    + "after a restore its connections are tracked anew (NAT mappings and established states included)"));
        }
        if (!u.qdiscs().isEmpty()) {
            warnings.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, count(u.qdiscs().size(), "qdisc")
                    + " (" + listed(u.qdiscs()) + ") " + (u.qdiscs().size() == 1 ? "is" : "are") + " not checkpointed: a "
                    + "restore gives its devices the kernel's default queueing; add them again with tc qdisc add"));
        }
        if (!u.sockets().isEmpty()) {
            int total = u.sockets().values().stream().mapToInt(Integer::intValue).sum();
            String kinds = u.sockets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            warnings.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, count(total, "socket") + " (" + kinds
                    + ") belong to processes, which a network checkpoint does not hold; they are not restored (CRIU "
                    + "checkpoints processes with their sockets)"));
        }
    }

    private static String count(long n, String what) {
        return count(n, what, what + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The first {@link #LISTED}, then "and N more". */
    static String listed(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
