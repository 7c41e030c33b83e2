package io.netcr.model.live;

import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One coalesced update of a followed host: the namespaces whose model changed (each whole, as a fresh
 * snapshot would read it now), the ids of those that are gone, and the {@link Delta}s that say what changed
 * object by object. {@link #applyTo} turns the snapshot before the update into the snapshot after it: the
 * unit of application is the namespace, so a follower (the workbench, a remote host's client) ends up
 * exactly where a fresh snapshot would be.
 *
 * @param changed namespaces added or changed, in their new form
 * @param removed ids of namespaces that are gone
 * @param deltas  what changed, object by object
 * @param resync  true when some namespace was read again whole (a socket overflowed, the monitor started)
 */
public record LiveUpdate(List<Namespace> changed, List<String> removed, List<Delta> deltas, boolean resync) {

    public LiveUpdate {
        changed = changed == null ? List.of() : List.copyOf(changed);
        removed = removed == null ? List.of() : List.copyOf(removed);
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty() && deltas.isEmpty();
    }

    /**
     * The snapshot after this update: namespaces replaced by id, removed ones dropped, new ones added, in
     * discovery's order ({@link LiveOrder}). Source and diagnostics are kept.
     */
    public Snapshot applyTo(Snapshot before) {
        Map<String, Namespace> byId = new LinkedHashMap<>();
        before.namespaces().forEach(n -> byId.put(n.id(), n));
        Set<String> gone = new HashSet<>(removed);
        byId.keySet().removeAll(gone);
        changed.forEach(n -> byId.put(n.id(), n));
        List<Namespace> all = new ArrayList<>(byId.values());
        all.sort(LiveOrder.NAMESPACES);
        return before.withNamespaces(all);
    }
}
