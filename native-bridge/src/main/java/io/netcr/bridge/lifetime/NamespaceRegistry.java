package io.netcr.bridge.lifetime;

import io.netcr.bridge.sys.NativeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides how long netcr keeps a network namespace's handles. For every namespace
 * that some part of netcr (discovery, the monitor, the agent) pins, it knows the holders netcr can see
 * ({@link HolderSet}: bind mounts, processes), and it closes every pinned resource ({@link Pin}) the
 * moment the last of them goes, so that netcr never keeps a deleted namespace alive. A netlink socket and
 * a namespace descriptor each hold a reference to the namespace; the kernel frees it only when the last
 * reference goes, so a tool that only looks must let go as soon as nothing else holds it.
 *
 * <p>Events, not polling ({@link EventLoop}): mount-table changes (EPOLLPRI on mountinfo), inotify on the
 * folders of the bind mounts, a pidfd per process holder. The rules against races:
 * <ul>
 *   <li>Take a {@link #mark} before scanning, and hand it in with what the scan found: when the mount
 *       table changed since the mark, the mounts are checked against it again, so a stale scan cannot
 *       bring back a holder that is gone.</li>
 *   <li>A process holder is taken only after its pidfd is open and {@code /proc/PID/ns/net} still
 *       names the namespace (else the pid was reused or the process moved): otherwise it is no holder.</li>
 *   <li>An inotify CREATE may come before the file is a mount: only the mount table (read after a
 *       mount event) says a namespace is mounted.</li>
 * </ul>
 * The namespace this process runs in is never given up. A process that moves to another namespace by
 * setns(2) without exiting is not noticed (no event exists for it): the next scan's {@link Pin#seen}
 * drops it.
 *
 * <p>Usually one per process ({@link #shared}); its event thread lives as long as the process. When
 * events cannot be had (no epoll, no pidfd_open before Linux 5.3, a failed event thread), pins are
 * transient: their resources close at the end of each use, which is correct but costs the reopening.
 *
 * <p>How a part of netcr that keeps something per namespace uses it (discovery does this; the live
 * monitor's socket per watched namespace and the agent's per subscription do the same):
 * <pre>{@code
 * long mark = registry.mark();                      // 1. before scanning
 * ... scan: inode and HolderSet per namespace ...   //    (discovery's NamespaceFinder)
 * Pin pin = registry.pin(inode, holders, mark, () -> dropStateOf(inode)); // 2. returned in use
 * pin.hold(socketOpenedInside);                     // 3. what keeps the namespace alive
 * pin.exit();
 * ...
 * if (pin.enter()) {                                // 4. around every use of the socket
 *     try { read(socket); } finally { pin.exit(); }
 * }                                                 //    false: gone, the socket is closed
 * pin.seen(holdersOfALaterScan, markBeforeIt);      // 5. a rescan's holders replace the known ones
 * pin.close();                                      // 6. done with it
 * }</pre>
 * {@link #addListener} tells of namespaces mounted and unmounted (to pin new ones) and gone.
 *
 * <p>Thread-safe. Listener calls and {@code onGone} come on the event thread.
 */
public final class NamespaceRegistry implements AutoCloseable {

    private static NamespaceRegistry shared;

    private final Path proc;
    private final long ownInode;
    private final EventLoop loop;
    private final String degraded;
    private final HolderTracker tracker;
    private final Set<Pin> live = ConcurrentHashMap.newKeySet();
    private final ListenerCalls calls = new ListenerCalls();
    /** Counts mount-table changes seen (see {@link #mark}). */
    private long epoch;
    private boolean verifyPending;
    private boolean closed;

    private NamespaceRegistry(Path proc) {
        this.proc = proc;
        long own = -1;
        try {
            own = MountTable.inodeOf(proc.resolve("self/ns/net"));
        } catch (IOException | RuntimeException e) {
            // unknown: then no namespace is kept for ever
        }
        this.ownInode = own;
        EventLoop opened = null;
        String why = null;
        try {
            opened = EventLoop.open(proc, new Handler());
        } catch (NativeException | RuntimeException | LinkageError e) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        this.loop = opened;
        this.degraded = why;
        this.tracker = new HolderTracker(proc, opened, calls::gone);
        if (opened != null) {
            opened.start(); // after every field is set: the thread calls back at once
        }
    }

    /** The process's registry, started on first use; its event thread (a daemon) lives as long as the process. */
    public static synchronized NamespaceRegistry shared() {
        if (shared == null) {
            shared = new NamespaceRegistry(Path.of("/proc"));
        }
        return shared;
    }

    /** A registry of its own (tests; a {@code proc} other than /proc). Close it when done. */
    public static NamespaceRegistry start(Path proc) {
        return new NamespaceRegistry(proc);
    }

    /** The inode of this process's own network namespace (never given up), or -1 when unreadable. */
    public long ownInode() {
        return ownInode;
    }

    /** Null when events are watched; otherwise why not (then every pin is transient). */
    public synchronized String degradedReason() {
        return tracker.isBlind() && degraded == null ? "the event thread stopped" : degraded;
    }

    /** Take before scanning for holders; hand to {@link #pin} and {@link Pin#seen} with what the scan found. */
    public synchronized long mark() {
        return epoch;
    }

    /**
     * Pins a namespace for one user: from now on, its resources ({@link Pin#hold}) are closed as soon as
     * the last of these holders (or of the ones later reported by {@link Pin#seen}) goes. The pin is
     * returned in use (see {@link Pin}): call {@link Pin#exit} once the resources are added. A holder
     * already gone counts for nothing, so the pin may be gone at once (it says so after its first use).
     *
     * @param holders what a scan begun after {@code mark} found holding it (ignored for the own namespace)
     */
    public Pin pin(long inode, HolderSet holders, long mark) {
        return pin(inode, holders, mark, null);
    }

    /**
     * As {@link #pin(long, HolderSet, long)}, and {@code onGone} is run on the event thread when the
     * namespace's last holder goes (after the pin's resources are closed, or while its current use ends):
     * where the monitor drops its state for the namespace. Not run when the pin is closed by its user, nor
     * for a transient pin that is given up after a use. Must return quickly.
     */
    public Pin pin(long inode, HolderSet holders, long mark, Runnable onGone) {
        Pin p;
        synchronized (this) {
            p = add(inode, holders, onGone);
            checkStale(!holders.mounts().isEmpty(), mark);
        }
        flushFromCaller();
        return p;
    }

    /** A namespace a scan found and what holds it, for {@link #pinAll}. */
    public record Found(long inode, HolderSet holders) {
    }

    /**
     * As {@link #pin(long, HolderSet, long)} for each, in the same order, at the cost of one: one lock, and
     * at most one check of the mount table however many namespaces a stale scan reported.
     */
    public List<Pin> pinAll(List<Found> found, long mark) {
        List<Pin> out = new ArrayList<>(found.size());
        synchronized (this) {
            boolean anyMounts = false;
            for (Found f : found) {
                out.add(add(f.inode(), f.holders(), null));
                anyMounts |= !f.holders().mounts().isEmpty();
            }
            checkStale(anyMounts, mark);
        }
        flushFromCaller();
        return out;
    }

    /** Replaces a pinned namespace's holders with a newer scan's (see {@link Pin#seen}). */
    void report(Pin p, HolderSet holders, long mark) {
        seenAll(Map.of(p, holders), mark);
    }

    /**
     * As {@link Pin#seen} for each of these pins, at the cost of one: the holders a scan begun after
     * {@code mark} found replace the ones known.
     */
    public void seenAll(Map<Pin, HolderSet> seen, long mark) {
        synchronized (this) {
            boolean anyMounts = false;
            for (Map.Entry<Pin, HolderSet> e : seen.entrySet()) {
                HolderTracker.Watched w = tracker.of(e.getKey());
                if (w != null) { // else gone, or never tracked (the own namespace)
                    tracker.apply(w, e.getValue());
                    anyMounts |= !e.getValue().mounts().isEmpty();
                }
            }
            checkStale(anyMounts, mark);
        }
        flushFromCaller();
    }

    /** Under the lock: a new pin of one user. */
    private Pin add(long inode, HolderSet holders, Runnable onGone) {
        if (closed) {
            throw new IllegalStateException("the namespace registry is closed");
        }
        boolean own = inode == ownInode;
        Pin p = new Pin(this, inode, own, !own && tracker.isBlind(), onGone);
        live.add(p);
        if (!own) {
            tracker.apply(tracker.add(inode, p), holders);
        }
        return p;
    }

    /** Under the lock: mounts reported by a scan begun before the last mount-table change are checked again. */
    private void checkStale(boolean mountsReported, long mark) {
        if (mountsReported && mark < epoch && !verifyPending && loop != null) {
            verifyPending = true;
            loop.wake();
        }
    }

    /**
     * Watches a folder where namespaces are bind-mounted (/run/netns, /run/docker/netns), so that entries
     * removed there are known at once; the parents of pinned mounts are watched without asking. A folder
     * that does not exist yet is watched when it appears.
     */
    public void watchFolder(Path folder) {
        if (loop != null) {
            loop.watchFolder(folder.toAbsolutePath().normalize().toString());
        }
    }

    /** The folders inotify watches now. */
    public Set<String> watchedFolders() {
        return loop == null ? Set.of() : loop.watchedFolders();
    }

    /** Adds a listener; the mount table is read now, so that {@link NamespaceListener#mounted} means "since". */
    public void addListener(NamespaceListener listener) {
        calls.add(listener, this::readTable);
    }

    public void removeListener(NamespaceListener listener) {
        calls.remove(listener);
    }

    /**
     * What pins hold open now: namespace inode -> open resources (descriptors, sockets), over every user.
     * A namespace that went is absent once its resources are closed. For tests and diagnostics.
     */
    public Map<Long, Integer> held() {
        Map<Long, Integer> out = new TreeMap<>();
        for (Pin p : live) {
            int n = p.openResources();
            if (n > 0) {
                out.merge(p.inode(), n, Integer::sum);
            }
        }
        return out;
    }

    /** The holders known for a pinned namespace now (none when it is not tracked). For tests and diagnostics. */
    public synchronized HolderSet holders(long inode) {
        return tracker.holders(inode);
    }

    // ---- called by pins

    /** A pin's user let go of it (closed it, or a transient pin's use ended). */
    synchronized void unpin(Pin p) {
        tracker.remove(p);
    }

    /** A pin whose resources are closed and that will hold no more. */
    void retire(Pin p) {
        live.remove(p);
    }

    // ---- listener calls

    private Map<String, Long> readTable() {
        try {
            return MountTable.netnsMounts(proc.resolve("self/mountinfo"));
        } catch (IOException e) {
            return null;
        }
    }

    /** After a caller's change: pending listener calls go to the event thread (or, without one, are made here). */
    private void flushFromCaller() {
        if (!calls.anyPending()) {
            return;
        }
        if (loop != null && !tracker.isBlind()) {
            loop.wake();
        } else {
            calls.deliver();
        }
    }

    /** The event thread's side. */
    private final class Handler implements EventLoop.Handler {

        @Override
        public void pathRemoved(String path) {
            synchronized (NamespaceRegistry.this) {
                epoch++;
                tracker.pathRemoved(path);
            }
        }

        @Override
        public void processExited(long token) {
            synchronized (NamespaceRegistry.this) {
                tracker.processExited(token);
            }
        }

        @Override
        public void roundEnded(boolean mountsChanged) {
            boolean read;
            synchronized (NamespaceRegistry.this) {
                read = verifyPending || mountsChanged && (tracker.anyMounts() || calls.wantMounts());
                verifyPending = false; // a request made while reading asks for another round
                if (mountsChanged && !read) {
                    epoch++;
                }
            }
            if (read) {
                Map<String, Long> table = readTable(); // outside the lock: a pin made meanwhile is checked below
                synchronized (NamespaceRegistry.this) {
                    epoch++;
                    if (table == null) {
                        tracker.mountsUnknown();
                    } else {
                        tracker.applyTable(table);
                        calls.mounts(table);
                    }
                }
            }
            calls.deliver();
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (NamespaceRegistry.this) {
                tracker.blind();
            }
            calls.deliver();
        }
    }

    /** Stops watching; every pin goes and closes its resources (at the end of its current use). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tracker.clear();
        }
        for (Pin p : live) {
            p.close();
        }
        if (loop != null) {
            loop.close();
        }
    }
}
