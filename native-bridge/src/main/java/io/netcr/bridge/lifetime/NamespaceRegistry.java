package io.netcr.bridge.lifetime;

import io.netcr.bridge.sys.Events;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place that decides how long netcr keeps a network namespace's handles: for every namespace
 * that some part of netcr (discovery, the monitor, the agent) pins, it knows the holders netcr can see
 * ({@link HolderSet}: bind mounts, processes) and closes every pinned resource the moment the last of
 * them goes, so that netcr never keeps a deleted namespace alive. A netlink socket and a namespace
 * descriptor each hold a reference to the namespace; the kernel frees it only when the last reference
 * goes, so a tool that only looks must let go as soon as nothing else holds it.
 *
 * <p>Events, not polling (see {@link EventLoop}): mount-table changes (EPOLLPRI on mountinfo), inotify
 * on the folders of the bind mounts, a pidfd per process holder. The rules against races:
 * <ul>
 *   <li>Take a {@link #mark} before scanning, and hand it in with what the scan found: a bind mount
 *       that changed since the mark is checked against the mount table again, so a stale scan cannot
 *       bring back a holder that is gone.</li>
 *   <li>A process holder is taken only after its pidfd is open and {@code /proc/PID/ns/net} still
 *       names the namespace (else the pid was reused or the process moved): otherwise it is no holder.</li>
 *   <li>An inotify CREATE may come before the file is a mount: only the mount table says a namespace
 *       is mounted.</li>
 * </ul>
 * The namespace this process runs in is never given up. A process that moves to another namespace by
 * setns(2) without exiting is not noticed (no event exists for it): the next scan's {@link Pin#seen}
 * drops it.
 *
 * <p>Usually one per process ({@link #shared}); its event thread lives as long as the process. When
 * the events cannot be had (no pidfd_open on kernels before 5.3, no epoll), pins are transient: their
 * resources close at the end of each use, which is correct but costs the reopening.
 */
public final class NamespaceRegistry implements AutoCloseable {

    private static NamespaceRegistry shared;

    private final Path proc;
    private final long ownInode;
    private final EventLoop loop;
    private final String degraded;
    private final Map<Long, Watched> watched = new HashMap<>();
    /** Mount point -> the watched namespace mounted there. */
    private final Map<String, Long> mountOwners = new HashMap<>();
    private final Map<Long, ProcessHolder> processByToken = new HashMap<>();
    private final Set<Pin> live = ConcurrentHashMap.newKeySet();
    private final List<NamespaceListener> listeners = new CopyOnWriteArrayList<>();
    /** Listener calls waiting for the event thread. */
    private final List<Runnable> notifications = new ArrayList<>();
    private long epoch;
    private boolean verifyPending;
    private long nextToken = EventLoop.FIRST_TOKEN;
    /** The mount table as last read, for {@link NamespaceListener#mounted}; null while nobody listens. */
    private Map<String, Long> lastTable;
    private boolean failed;
    private boolean closed;

    /** Per pinned namespace: who holds it and who pins it. */
    private static final class Watched {
        final long inode;
        final Set<String> mounts = new HashSet<>();
        final Map<Integer, ProcessHolder> processes = new HashMap<>();
        final List<Pin> pins = new ArrayList<>();

        Watched(long inode) {
            this.inode = inode;
        }

        boolean held() {
            return !mounts.isEmpty() || !processes.isEmpty();
        }
    }

    private record ProcessHolder(long inode, int pid, int pidfd, long token) {
    }

    private NamespaceRegistry(Path proc) {
        this.proc = proc;
        long own = -1;
        try {
            own = MountTable.inodeOf(proc.resolve("self/ns/net"));
        } catch (IOException | RuntimeException e) {
            // unknown: then no namespace is kept for ever
        }
        this.ownInode = own;
        EventLoop started = null;
        String why = null;
        try {
            started = EventLoop.start(proc, new Handler());
        } catch (NativeException | RuntimeException | LinkageError e) {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        this.loop = started;
        this.degraded = why;
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
        return failed ? "the event thread stopped" : degraded;
    }

    /** Take before scanning for holders; hand to {@link #pin} and {@link Pin#seen} with what the scan found. */
    public synchronized long mark() {
        return epoch;
    }

    /**
     * Pins a namespace for one user: from now on, its resources ({@link Pin#hold}) are closed as soon as
     * the last of these holders (or of the ones later reported by {@link Pin#seen}) goes. The pin is
     * returned in use (see {@link Pin}): call {@link Pin#exit} once the resources are added. A holder
     * already gone counts for nothing, so the pin may be gone at once ({@link Pin#hold} then says so).
     *
     * @param holders what a scan begun after {@code mark} found holding it
     */
    public Pin pin(long inode, HolderSet holders, long mark) {
        Pin p;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the namespace registry is closed");
            }
            boolean own = inode == ownInode;
            p = new Pin(this, inode, own, !own && (loop == null || failed));
            live.add(p);
            if (!own) {
                Watched w = watched.computeIfAbsent(inode, Watched::new);
                w.pins.add(p);
                apply(w, holders, mark);
            }
        }
        flushFromCaller();
        return p;
    }

    /** Replaces a pinned namespace's holders with a newer scan's (see {@link Pin#seen}). */
    void report(Pin p, HolderSet holders, long mark) {
        synchronized (this) {
            Watched w = watched.get(p.inode());
            if (w == null || !w.pins.contains(p)) {
                return; // gone, or never watched (the own namespace)
            }
            apply(w, holders, mark);
        }
        flushFromCaller();
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
        synchronized (this) {
            if (lastTable == null) {
                lastTable = readTable();
            }
            listeners.add(listener);
        }
    }

    public void removeListener(NamespaceListener listener) {
        listeners.remove(listener);
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

    /** The holders known for a pinned namespace now (empty when it is not watched). For tests and diagnostics. */
    public synchronized HolderSet holders(long inode) {
        Watched w = watched.get(inode);
        return w == null ? HolderSet.NONE : new HolderSet(w.mounts, w.processes.keySet());
    }

    // ---- under the lock

    /** Makes a namespace's holders those of a scan; goes when none is left. */
    private void apply(Watched w, HolderSet holders, long mark) {
        for (String m : w.mounts) {
            if (!holders.mounts().contains(m)) {
                mountOwners.remove(m, w.inode);
            }
        }
        w.mounts.retainAll(holders.mounts());
        for (String m : holders.mounts()) {
            if (w.mounts.add(m)) {
                Long before = mountOwners.put(m, w.inode);
                if (before != null && before != w.inode) {
                    loseMount(before, m); // one mount point, one namespace: the newer scan is right
                }
                Path parent = Path.of(m).getParent();
                if (loop != null && parent != null) {
                    loop.watchFolder(parent.toString());
                }
            }
        }
        if (!holders.mounts().isEmpty() && mark < epoch) {
            requestVerify(); // the mount table changed since the scan began: that scan may be stale
        }
        for (Iterator<ProcessHolder> it = w.processes.values().iterator(); it.hasNext(); ) {
            ProcessHolder h = it.next();
            if (!holders.pids().contains(h.pid())) {
                it.remove();
                dropProcess(h);
            }
        }
        for (int pid : holders.pids()) {
            if (!w.processes.containsKey(pid)) {
                watchProcess(w, pid);
            }
        }
        if (!w.held()) {
            gone(w);
        }
    }

    /**
     * Takes a process as a holder only when its pidfd is open and it is still in the namespace (checked
     * after the pidfd, so a reused pid or a process that moved is caught). One that cannot be watched
     * makes the namespace's pins transient.
     */
    private void watchProcess(Watched w, int pid) {
        if (loop == null || failed) {
            transientPins(w);
            return;
        }
        int pidfd;
        try {
            pidfd = Events.pidfdOpen(pid);
        } catch (NativeException e) {
            if (e.errnoNumber() != Events.ESRCH) {
                transientPins(w); // ENOSYS (kernel < 5.3), EMFILE: cannot know when it ends
            }
            return;
        }
        try {
            if (MountTable.inodeOf(proc.resolve(pid + "/ns/net")) != w.inode) {
                Sys.closeQuietly(pidfd);
                return; // the pid is another process now, or it moved: not a holder
            }
        } catch (IOException | RuntimeException e) {
            Sys.closeQuietly(pidfd);
            return; // exited meanwhile
        }
        long token = nextToken++;
        try {
            loop.addProcess(pidfd, token);
        } catch (NativeException e) {
            Sys.closeQuietly(pidfd);
            transientPins(w);
            return;
        }
        ProcessHolder h = new ProcessHolder(w.inode, pid, pidfd, token);
        w.processes.put(pid, h);
        processByToken.put(token, h);
    }

    private void dropProcess(ProcessHolder h) {
        processByToken.remove(h.token());
        loop.removeProcess(h.pidfd());
    }

    private void transientPins(Watched w) {
        for (Iterator<Pin> it = w.pins.iterator(); it.hasNext(); ) {
            if (it.next().makeTransient()) {
                it.remove();
            }
        }
        if (w.pins.isEmpty()) {
            forget(w);
        }
    }

    private void loseMount(long inode, String mount) {
        Watched o = watched.get(inode);
        if (o != null && o.mounts.remove(mount) && !o.held()) {
            gone(o);
        }
    }

    /** The last holder went: every pin goes, its resources close, listeners are told. */
    private void gone(Watched w) {
        for (Pin p : w.pins) {
            p.markGone();
        }
        w.pins.clear();
        forget(w);
        long inode = w.inode;
        for (NamespaceListener l : listeners) {
            notifications.add(() -> l.gone(inode));
        }
    }

    /** Stops watching a namespace's holders. */
    private void forget(Watched w) {
        watched.remove(w.inode, w);
        for (String m : w.mounts) {
            mountOwners.remove(m, w.inode);
        }
        w.mounts.clear();
        for (ProcessHolder h : w.processes.values()) {
            dropProcess(h);
        }
        w.processes.clear();
    }

    private void requestVerify() {
        if (!verifyPending) {
            verifyPending = true;
            if (loop != null) {
                loop.wake();
            }
        }
    }

    /** Every watched namespace's mounts become what the table says (a mount moved or added is adopted). */
    private void applyTable(Map<String, Long> table) {
        Map<Long, Set<String>> byInode = new HashMap<>();
        table.forEach((path, inode) -> byInode.computeIfAbsent(inode, k -> new HashSet<>()).add(path));
        for (Watched w : new ArrayList<>(watched.values())) {
            Set<String> now = byInode.getOrDefault(w.inode, Set.of());
            if (now.equals(w.mounts)) {
                continue;
            }
            for (String m : w.mounts) {
                mountOwners.remove(m, w.inode);
            }
            w.mounts.clear();
            w.mounts.addAll(now);
            for (String m : now) {
                mountOwners.put(m, w.inode);
            }
            if (!w.held()) {
                gone(w);
            }
        }
        if (lastTable != null && !listeners.isEmpty()) {
            for (Map.Entry<String, Long> e : lastTable.entrySet()) {
                if (!e.getValue().equals(table.get(e.getKey()))) {
                    listeners.forEach(l -> notifications.add(() -> l.unmounted(e.getKey(), e.getValue())));
                }
            }
            for (Map.Entry<String, Long> e : table.entrySet()) {
                if (!e.getValue().equals(lastTable.get(e.getKey()))) {
                    listeners.forEach(l -> notifications.add(() -> l.mounted(e.getKey(), e.getValue())));
                }
            }
            lastTable = table;
        }
    }

    private Map<String, Long> readTable() {
        try {
            return MountTable.netnsMounts(proc.resolve("self/mountinfo"));
        } catch (IOException e) {
            return null;
        }
    }

    // ---- called by pins

    /** A pin's user let go of it (closed it, or a transient pin's use ended). */
    void unpin(Pin p) {
        synchronized (this) {
            Watched w = watched.get(p.inode());
            if (w != null && w.pins.remove(p) && w.pins.isEmpty()) {
                forget(w);
            }
        }
    }

    /** A pin whose resources are closed and that will hold no more. */
    void retire(Pin p) {
        live.remove(p);
    }

    // ---- listener calls

    /** Delivers pending listener calls: on the event thread when there is one, else on the caller's. */
    private void flushFromCaller() {
        if (loop != null && !failed) {
            boolean any;
            synchronized (this) {
                any = !notifications.isEmpty();
            }
            if (any) {
                loop.wake();
            }
        } else {
            deliver();
        }
    }

    private void deliver() {
        List<Runnable> calls;
        synchronized (this) {
            if (notifications.isEmpty()) {
                return;
            }
            calls = new ArrayList<>(notifications);
            notifications.clear();
        }
        for (Runnable r : calls) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a listener's failure is its own; the others are still told
            }
        }
    }

    /** The event thread's side. */
    private final class Handler implements EventLoop.Handler {

        @Override
        public void pathRemoved(String path) {
            synchronized (NamespaceRegistry.this) {
                epoch++;
                Long inode = mountOwners.remove(path);
                if (inode != null) {
                    loseMount(inode, path);
                }
            }
        }

        @Override
        public void processExited(long token) {
            synchronized (NamespaceRegistry.this) {
                ProcessHolder h = processByToken.get(token);
                if (h == null) {
                    return; // dropped meanwhile
                }
                Watched w = watched.get(h.inode());
                if (w != null) {
                    w.processes.remove(h.pid(), h);
                }
                dropProcess(h);
                if (w != null && !w.held()) {
                    gone(w);
                }
            }
        }

        @Override
        public void roundEnded(boolean mountsChanged, boolean entryCreated, boolean woken) {
            boolean read;
            synchronized (NamespaceRegistry.this) {
                boolean listening = lastTable != null && !listeners.isEmpty();
                read = verifyPending || mountsChanged && (!mountOwners.isEmpty() || listening)
                        || entryCreated && listening;
                verifyPending = false; // a request made while reading asks for another round
                if (mountsChanged && !read) {
                    epoch++;
                }
            }
            if (read) {
                Map<String, Long> table = readTable();
                synchronized (NamespaceRegistry.this) {
                    epoch++;
                    if (table != null) {
                        applyTable(table);
                    } else {
                        // cannot tell which mounts remain: give up what only mounts may hold, after its use
                        for (Watched w : new ArrayList<>(watched.values())) {
                            if (!w.mounts.isEmpty()) {
                                transientPins(w);
                            }
                        }
                    }
                }
            }
            deliver();
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (NamespaceRegistry.this) {
                failed = true;
                for (Watched w : new ArrayList<>(watched.values())) {
                    transientPins(w);
                }
            }
            deliver();
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
            for (Watched w : new ArrayList<>(watched.values())) {
                w.pins.forEach(Pin::markGone);
                w.pins.clear();
                forget(w);
            }
        }
        for (Pin p : live) {
            p.close();
        }
        if (loop != null) {
            loop.close();
        }
    }
}
