package io.netcr.model.plan;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.NameRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the name of everything a restore creates (renames, prefix) and checks, against a snapshot of
 * the host, that every one of them is free and valid — the preflight that CRIU lacks, done before any
 * change. Every problem is reported, each with the rename or prefix that would fix it.
 */
final class RestoreNaming {

    private final Snapshot host;
    private final RestoreOptions options;
    private final List<Diagnostic> problems;
    private final Set<String> usedRenameKeys = new HashSet<>();
    private final Set<String> newNamespaceNames = new HashSet<>();
    private final Map<String, String> restorerDevices = new LinkedHashMap<>(); // new name -> image subject

    RestoreNaming(Snapshot host, RestoreOptions options, List<Diagnostic> problems) {
        this.host = host;
        this.options = options;
        this.problems = problems;
    }

    /** The new name of a restored namespace, checked; null when it cannot have one. */
    String namespaceName(Namespace ns) {
        String name = rename(ns.label());
        if (name == null) {
            for (String alias : ns.names()) {
                name = rename(alias);
                if (name != null) {
                    break;
                }
            }
        }
        if (name == null) {
            // A namespace known only by a bind-mount path is restored under /run/netns by its last component.
            name = options.prefix() + NameRules.lastComponent(ns.label());
        }
        SubjectPath where = SubjectPath.of(ns);
        NameRules.Problem problem = NameRules.namespaceName(name).orElse(null);
        if (problem != null) {
            error(problem.code(), where, "cannot create namespace " + NameRules.printable(name) + ": " + problem.reason()
                    + "; restore it under another name with --rename " + ns.label() + "=NEW");
            return null;
        }
        if (!newNamespaceNames.add(name)) {
            error(Errno.EEXIST, where, "two namespaces of the restore would both be called '" + name
                    + "'; give one another name with --rename " + ns.label() + "=NEW");
            return null;
        }
        if (hostHasNamespace(name)) {
            error(Errno.EEXIST, where, "namespace '" + name + "' already exists on this host; restore with --rename "
                    + ns.label() + "=NEW or --prefix PFX");
            return null;
        }
        return name;
    }

    /** The new name of a device created in the restorer's namespace, checked; null when it cannot have one. */
    String restorerDeviceName(String imageName, SubjectPath where) {
        String renamed = rename(RestoreOptions.DEVICE_KEY + imageName);
        String name = renamed != null ? renamed : options.prefix() + imageName;
        NameRules.Problem problem = NameRules.deviceName(name).orElse(null);
        if (problem != null) {
            error(problem.code(), where, "cannot create device " + NameRules.printable(name) + ": " + problem.reason()
                    + "; name it with --rename dev:" + imageName + "=NEW");
            return null;
        }
        if (restorerDevices.putIfAbsent(name, where.toString()) != null) {
            error(Errno.EEXIST, where, "two devices of the restore would both be called '" + name
                    + "' in this namespace; rename one with --rename dev:" + imageName + "=NEW");
            return null;
        }
        if (host.initNamespace().flatMap(n -> n.device(name)).isPresent()) {
            error(Errno.EEXIST, where, "device '" + name + "' already exists in this namespace of the host; restore with "
                    + "--rename dev:" + imageName + "=NEW or --prefix PFX");
            return null;
        }
        return name;
    }

    /**
     * The name, in the restorer's namespace, of a device a restored one sits on outside the set (a macvlan's
     * eth0): its image name or, renamed with {@code --rename dev:OLD=NEW}, another; the prefix does not apply,
     * since it is the host's own. It must exist (ENODEV otherwise); null when it does not.
     */
    String restorerParentName(String imageName, Device child, SubjectPath where) {
        String renamed = rename(RestoreOptions.DEVICE_KEY + imageName);
        String name = renamed != null ? renamed : imageName;
        if (hostRestorerDevice(name) == null) {
            error(Errno.ENODEV, where, child.name() + " (" + child.kind() + ") sits on " + name + ", which this "
                    + "namespace does not have; restore with --rename dev:" + imageName + "=NEW naming the device "
                    + "it should sit on here");
            return null;
        }
        return name;
    }

    /** The ifindex to ask for in the restorer's namespace: the old one when the host does not use it. */
    int freeRestorerIfindex(int wanted, Set<Integer> alreadyPlanned) {
        if (wanted <= 0 || alreadyPlanned.contains(wanted)) {
            return 0;
        }
        boolean taken = host.initNamespace().map(n -> n.device(wanted).isPresent()).orElse(false);
        return taken ? 0 : wanted;
    }

    /** A device of the restorer's namespace on the host, by its name there. */
    Device hostRestorerDevice(String name) {
        return host.initNamespace().flatMap(n -> n.device(name)).orElse(null);
    }

    /** Renames that matched nothing are mistakes the operator wants to hear about. */
    void reportUnusedRenames() {
        Map<String, String> unused = new HashMap<>(options.renames());
        usedRenameKeys.forEach(unused::remove);
        unused.keySet().stream().sorted().forEach(key -> error(Errno.EINVAL, SubjectPath.ROOT,
                "--rename " + key + "=" + options.renames().get(key) + " names nothing in the image; "
                        + (key.startsWith(RestoreOptions.DEVICE_KEY)
                        ? "device renames name a device that restore creates in this namespace"
                        : "namespace renames use the names shown by netcr inspect")));
    }

    private String rename(String key) {
        String v = options.renames().get(key);
        if (v != null) {
            usedRenameKeys.add(key);
        }
        return v;
    }

    private boolean hostHasNamespace(String name) {
        return host.namespaces().stream().anyMatch(n -> n.names().contains(name)
                || n.names().contains("/run/netns/" + name));
    }

    private void error(Errno code, SubjectPath where, String message) {
        problems.add(Diagnostic.error(code, where, Phase.RESTORE, message));
    }
}
