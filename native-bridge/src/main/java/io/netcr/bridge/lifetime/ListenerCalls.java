package io.netcr.bridge.lifetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The registry's listener side: who listens, the calls waiting to be made (the registry queues them under
 * its lock and makes them outside it, on the event thread), and the mount table last told, against which
 * the next one is compared. Thread-safe.
 */
final class ListenerCalls {

    private final List<NamespaceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    /** The mount table as last read, for {@link NamespaceListener#mounted}; null until someone listens. */
    private Map<String, Long> lastTable;

    /** Adds a listener; the first one takes the table as it is now, so that "mounted" means "since". */
    synchronized void add(NamespaceListener listener, Supplier<Map<String, Long>> table) {
        if (lastTable == null) {
            lastTable = table.get();
        }
        listeners.add(listener);
    }

    void remove(NamespaceListener listener) {
        listeners.remove(listener);
    }

    /** Whether a read of the mount table would tell anyone anything. */
    synchronized boolean wantMounts() {
        return lastTable != null && !listeners.isEmpty();
    }

    /** A namespace went: its pins' own callbacks, then every listener. */
    synchronized void gone(long inode, List<Pin> pins) {
        for (Pin p : pins) {
            if (p.onGone() != null) {
                pending.add(p.onGone());
            }
        }
        for (NamespaceListener l : listeners) {
            pending.add(() -> l.gone(inode));
        }
    }

    /** A fresh read of the mount table: what was unmounted and mounted since the last one. */
    synchronized void mounts(Map<String, Long> table) {
        if (lastTable == null || listeners.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Long> e : lastTable.entrySet()) {
            if (!e.getValue().equals(table.get(e.getKey()))) {
                listeners.forEach(l -> pending.add(() -> l.unmounted(e.getKey(), e.getValue())));
            }
        }
        for (Map.Entry<String, Long> e : table.entrySet()) {
            if (!e.getValue().equals(lastTable.get(e.getKey()))) {
                listeners.forEach(l -> pending.add(() -> l.mounted(e.getKey(), e.getValue())));
            }
        }
        lastTable = table;
    }

    synchronized boolean anyPending() {
        return !pending.isEmpty();
    }

    /** Makes the waiting calls, in order, outside any lock; a listener's failure is its own. */
    void deliver() {
        List<Runnable> calls;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            calls = new ArrayList<>(pending);
            pending.clear();
        }
        for (Runnable r : calls) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the others are still told
            }
        }
    }
}
