package io.netcr.model.checkpoint;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.link.LinkKinds;
import io.netcr.model.validate.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses what a checkpoint records from a live snapshot, following the seed: every device of every
 * namespace of the set; a veth whose peer lies outside the set also records that outside half (in the
 * image's init namespace, where restore recreates it); device kinds that cannot be restored are ENOSYS
 * (or skipped, when asked); too many addresses on one device is E2BIG. Every problem is reported at once.
 */
public final class CheckpointSelector {

    /** The kernel's PID_MAX_LIMIT on 64-bit machines: no process id is higher. */
    private static final long PID_MAX_LIMIT = 4_194_304L;

    private final Snapshot live;
    private final CheckpointOptions options;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<Diagnostic> kept = new ArrayList<>(); // warnings the image keeps

    private CheckpointSelector(Snapshot live, CheckpointOptions options) {
        this.live = live;
        this.options = options;
    }

    /**
     * @param specs namespaces by name, id ({@code nsfs:INODE}) or {@code pid:PID}; empty with {@code all}
     * @param all   every namespace but the init one
     */
    public static CheckpointResult select(Snapshot live, List<String> specs, boolean all, CheckpointOptions options) {
        return new CheckpointSelector(live, options).run(specs, all);
    }

    private CheckpointResult run(List<String> specs, boolean all) {
        Map<String, Namespace> set = new LinkedHashMap<>();
        if (all) {
            live.namespaces().stream().filter(n -> !n.init()).forEach(n -> set.put(n.id(), n));
        } else {
            for (String spec : specs) {
                resolve(spec).ifPresent(n -> set.put(n.id(), n));
            }
        }
        if (set.isEmpty() && problems.isEmpty()) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.ROOT, Phase.CHECKPOINT,
                    "there is no namespace to checkpoint (this host has none besides the init namespace)"));
        }
        Namespace liveInit = live.initNamespace().orElse(null);
        String initId = liveInit != null ? liveInit.id() : "init";
        OutsideHalves outside = new OutsideHalves(live, initId);
        List<Namespace> namespaces = new ArrayList<>();
        for (Namespace ns : set.values()) {
            List<Device> devices = new ArrayList<>();
            for (Device d : ns.devices()) {
                Device recorded = record(ns, d, set, outside);
                if (recorded != null) {
                    devices.add(recorded);
                }
            }
            namespaces.add(new Namespace(ns.id(), ns.names(), ns.holders(), false, devices,
                    ns.routes().stream().filter(r -> !r.isKernelMade()).toList(), ns.properties()));
        }
        namespaces.add(0, outside.initNamespace(liveInit));
        problems.addAll(outside.problems());
        boolean refused = problems.stream().anyMatch(Diagnostic::isError);
        List<Diagnostic> all2 = new ArrayList<>(problems);
        all2.addAll(kept);
        if (refused) {
            return new CheckpointResult(null, all2);
        }
        return new CheckpointResult(new Snapshot(live.source(), namespaces, kept), all2);
    }

    /**
     * Why a namespace selector (as the command line's NETNS, or an agent's checkpoint request, gives it) can name
     * no namespace at all, before any host is looked at: {@code pid:} and {@code nsfs:} need a number, anything
     * else must be a name the name rules allow ({@link NameRules#knownName}). Empty when it could name one.
     */
    public static Optional<Diagnostic> specProblem(String spec) {
        SubjectPath where = SubjectPath.of(SubjectPath.NETNS, spec == null ? "" : spec);
        String reason = null;
        if (spec == null || spec.isEmpty()) {
            reason = "an empty selector names no namespace";
        } else if (spec.startsWith("pid:")) {
            reason = number(spec.substring(4), PID_MAX_LIMIT) ? null
                    : "a process id is a whole number from 1 to " + PID_MAX_LIMIT;
        } else if (spec.startsWith("nsfs:")) {
            reason = number(spec.substring(5), Long.MAX_VALUE) ? null : "a namespace id is nsfs: and its inode number";
        } else {
            reason = NameRules.knownName(spec).map(NameRules.Problem::reason).orElse(null);
        }
        return Optional.ofNullable(reason).map(r -> Diagnostic.error(Errno.EINVAL, where, Phase.CHECKPOINT,
                NameRules.printable(spec) + " is not a namespace name, nsfs:INODE or pid:PID: " + r));
    }

    private static boolean number(String digits, long max) {
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long n = Long.parseLong(digits);
        return n >= 1 && n <= max;
    }

    private Optional<Namespace> resolve(String spec) {
        Optional<Diagnostic> bad = specProblem(spec);
        if (bad.isPresent()) {
            problems.add(bad.get());
            return Optional.empty();
        }
        Optional<Namespace> found;
        if (spec.startsWith("pid:")) {
            found = live.namespaces().stream().filter(n -> n.holders().stream()
                    .anyMatch(h -> spec.equals("pid:" + h.pid()))).findFirst();
        } else {
            found = live.namespaceNamed(spec);
        }
        if (found.isEmpty()) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.of(SubjectPath.NETNS, spec), Phase.CHECKPOINT,
                    "there is no namespace '" + spec + "' on this host; netcr snapshot lists them (by name, id or pid:PID)"));
        } else if (found.get().init()) {
            problems.add(Diagnostic.error(Errno.EINVAL, SubjectPath.of(found.get()), Phase.CHECKPOINT,
                    "'" + spec + "' is the namespace netcr runs in (the init namespace); it is never part of the set: "
                            + "restore recreates outside halves in it"));
            return Optional.empty();
        }
        return found;
    }

    private Device record(Namespace ns, Device d, Map<String, Namespace> set, OutsideHalves outside) {
        SubjectPath where = SubjectPath.of(ns, d);
        if (d.addresses().size() > options.maxAddresses()) {
            problems.add(Diagnostic.error(Errno.E2BIG, where, Phase.CHECKPOINT, d.name() + " holds " + d.addresses().size()
                    + " addresses, more than the limit of " + options.maxAddresses() + "; raise it with --max-addrs"));
        }
        if (!LinkKinds.restorable(d)) {
            String what = d.kind().isEmpty() ? "a device without a kind" : "a " + d.kind() + " device";
            if (!options.skipUnsupported()) {
                problems.add(Diagnostic.error(Errno.ENOSYS, where, Phase.CHECKPOINT, d.name() + " is " + what
                        + ", which netcr cannot checkpoint yet (only " + LinkKinds.restorableList() + "); use "
                        + "--skip-unsupported to record it as skipped"));
                return null;
            }
            kept.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.CHECKPOINT, d.name() + " is " + what
                    + ", which netcr cannot checkpoint yet; it is recorded as skipped and will not be restored"));
            return d.toBuilder().skipped(true).build();
        }
        if (d.isVeth()) {
            DeviceRef peer = d.peer();
            if (peer == null || !peer.isResolved()) {
                problems.add(Diagnostic.error(Errno.ENOENT, where, Phase.CHECKPOINT, "the peer of veth " + d.name()
                        + " could not be found on this host, so the pair cannot be recorded; see the snapshot's warnings"));
                return null;
            }
            if (!set.containsKey(peer.namespace())) {
                return d.toBuilder().peer(outside.recordPeerOf(ns, d)).build();
            }
        }
        KindWarnings.of(ns, d).forEach(kept::add);
        DeviceRef parent = d.parent();
        if (parent != null && LinkKinds.spec(d.kind()).isPresent()) {
            if (!parent.isResolved() || parent.name() == null) {
                problems.add(Diagnostic.error(Errno.ENOENT, where, Phase.CHECKPOINT, "the device " + d.name() + " sits "
                        + "on (ifindex " + parent.ifindex() + ") could not be found on this host, so it cannot be "
                        + "recorded; see the snapshot's warnings"));
                return null;
            }
            if (!set.containsKey(parent.namespace())) {
                return d.toBuilder().parent(outside.recordParentOf(ns, d)).build();
            }
        }
        return d;
    }
}
