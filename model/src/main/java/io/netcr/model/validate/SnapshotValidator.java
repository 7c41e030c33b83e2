package io.netcr.model.validate;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The semantic checks every reader of a snapshot shares (the image reader, the JSON reader): names the
 * kernel would refuse, duplicates, addresses, references between devices and namespaces, peer symmetry,
 * sizes. Structure (lengths, object references, checksums) is each reader's own business.
 *
 * <p>It never throws for a bad snapshot and never changes it: it only says what is wrong, with a
 * {@link SubjectPath} naming each object.
 */
public final class SnapshotValidator {

    private SnapshotValidator() {
    }

    public static List<Diagnostic> validate(Snapshot s, Phase phase, Limits limits) {
        Objects.requireNonNull(s, "snapshot");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(limits, "limits");
        Findings f = new Findings(phase);
        DeviceIndex index = new DeviceIndex(s);
        checkNamespaces(s, limits, f);
        for (Namespace ns : s.namespaces()) {
            DeviceChecks.check(ns, index, limits, f);
            AddressChecks.checkRoutes(ns, index, limits, f);
            StateChecks.check(ns, index, limits, f);
        }
        PeerChecks.check(s, index, f);
        return f.list();
    }

    private static void checkNamespaces(Snapshot s, Limits limits, Findings f) {
        if (s.namespaces().size() > limits.maxNamespaces()) {
            f.error(Errno.E2BIG, SubjectPath.ROOT, "the snapshot holds " + s.namespaces().size()
                    + " namespaces; the limit is " + limits.maxNamespaces());
        }
        Map<String, Namespace> byId = new HashMap<>();
        Map<String, Namespace> byName = new HashMap<>();
        Namespace init = null;
        for (Namespace ns : s.namespaces()) {
            SubjectPath at = SubjectPath.of(ns);
            if (ns.id().isEmpty()) {
                f.error(Errno.EINVAL, at, "namespace id is empty");
            }
            if (byId.putIfAbsent(ns.id(), ns) != null) {
                f.error(Errno.EEXIST, at, "namespace id '" + ns.id() + "' is used by another namespace");
            }
            for (String name : ns.names()) {
                NameRules.knownName(name).ifPresent(p -> f.error(p.code(), at, p.reason() + ": "
                        + NameRules.printable(name)));
                Namespace other = byName.putIfAbsent(name, ns);
                if (other != null && other != ns) {
                    f.error(Errno.EEXIST, at, "namespace name '" + name + "' is also the name of namespace '"
                            + other.id() + "'");
                }
            }
            for (Holder h : ns.holders()) {
                if (h.pid() <= 0) {
                    f.error(Errno.EINVAL, at, "holder pid " + h.pid() + " is not a process id");
                }
            }
            if (ns.init()) {
                if (init != null) {
                    f.error(Errno.EINVAL, at, "namespace '" + ns.id() + "' is marked init, but so is '"
                            + init.id() + "'; at most one namespace is the restorer's own");
                } else {
                    init = ns;
                }
            }
        }
    }
}
