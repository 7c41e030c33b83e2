package io.netcr.model.plan;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.NameRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the operator asked of a restore.
 *
 * @param renames new names: {@code OLD=NEW} renames the namespace whose label is OLD; {@code dev:OLD=NEW}
 *                renames a device created in the restorer's namespace (the outside half of a veth)
 * @param prefix  put before every new namespace name and every device name created in the restorer's
 *                namespace, unless renamed; "" for none
 */
public record RestoreOptions(Map<String, String> renames, String prefix) {

    /** The key prefix that marks a device rename in {@link #renames()}. */
    public static final String DEVICE_KEY = "dev:";

    public RestoreOptions {
        renames = renames == null ? Map.of() : Map.copyOf(renames);
        prefix = prefix == null ? "" : prefix;
    }

    public static RestoreOptions none() {
        return new RestoreOptions(Map.of(), "");
    }

    /**
     * What is wrong with these options by themselves, before any image or host is looked at: each rename's new
     * name by the rules of the namespace or device it names ({@link NameRules}), and the prefix by the rules of
     * both, as it goes before names of each. The restore checks them first ({@link RestorePlanner}); whatever
     * else takes restore options from outside (the command line, the agent's restore request) calls this to
     * refuse them at its boundary, in the same words. Empty when they are fine.
     */
    public List<Diagnostic> problems() {
        List<Diagnostic> out = new ArrayList<>();
        new TreeMap<>(renames).forEach((key, value) -> {
            String option = "--rename " + NameRules.printable(key) + "=" + NameRules.printable(value);
            boolean device = key.startsWith(DEVICE_KEY);
            String old = device ? key.substring(DEVICE_KEY.length()) : key;
            if (old.isEmpty()) {
                out.add(Diagnostic.error(Errno.EINVAL, SubjectPath.ROOT, Phase.RESTORE, option + " names no "
                        + (device ? "device" : "namespace") + " to rename; write --rename " + (device ? DEVICE_KEY : "")
                        + "OLD=NEW"));
                return;
            }
            SubjectPath where = SubjectPath.of(device ? SubjectPath.DEV : SubjectPath.NETNS, old);
            Optional<NameRules.Problem> p = device ? NameRules.deviceName(value) : NameRules.namespaceName(value);
            p.ifPresent(problem -> out.add(Diagnostic.error(problem.code(), where, Phase.RESTORE,
                    option + ": " + problem.reason())));
        });
        if (!prefix.isEmpty()) {
            // Checked with one more character: the prefix must leave room for a name, and be allowed in both kinds.
            NameRules.namespaceName(prefix + "x").or(() -> NameRules.deviceName(prefix + "x")).ifPresent(problem ->
                    out.add(Diagnostic.error(problem.code(), SubjectPath.ROOT, Phase.RESTORE, "--prefix "
                            + NameRules.printable(prefix) + " cannot begin a namespace or device name: "
                            + problem.reason())));
        }
        return out;
    }
}
