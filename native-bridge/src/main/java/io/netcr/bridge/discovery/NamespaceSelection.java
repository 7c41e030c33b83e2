package io.netcr.bridge.discovery;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The namespaces a snapshot of some of them reads ({@code --netns}): by name or id, each name not found said. */
final class NamespaceSelection {

    private NamespaceSelection() {
    }

    /** {@code found} narrowed to {@code only} (all when empty); an ENOENT error for each name that matched none. */
    static List<FoundNamespace> select(List<FoundNamespace> found, Set<String> only, List<Diagnostic> diags) {
        if (only.isEmpty()) {
            return found;
        }
        Set<String> unmatched = new LinkedHashSet<>(only);
        List<FoundNamespace> out = new ArrayList<>();
        for (FoundNamespace f : found) {
            boolean wanted = only.contains(f.id()) || f.names().stream().anyMatch(only::contains);
            if (wanted) {
                out.add(f);
                unmatched.remove(f.id());
                unmatched.removeAll(f.names());
            }
        }
        for (String name : unmatched) {
            diags.add(Diagnostic.error(Errno.ENOENT, SubjectPath.of(SubjectPath.NETNS, name), Phase.SNAPSHOT,
                    "no network namespace is named " + name + " (see `ip netns list`)"));
        }
        return out;
    }
}
