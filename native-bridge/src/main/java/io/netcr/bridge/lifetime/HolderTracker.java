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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The registry's book of who holds each pinned namespace: its bind mounts (mount point -> namespace,
 * for the inotify fast path) and its processes. Of the processes only one at a time is watched (a pidfd
 * in the event loop under a token): while it lives the namespace lives; when it exits the next one the
 * last scan saw takes its place, if it is still there and still in the namespace. So a container of a
 * hundred processes costs one pidfd, not a hundred. When a namespace's last holder goes, every pin of it
 * goes and {@code onGone} is told which pins went. Not thread-safe: the registry calls it under its lock.
 */
final class HolderTracker {

    /** Per pinned namespace: who holds it and who pins it. */
    static final class Watched {
        final long inode;
        final Set<String> mounts = new HashSet<>();
        /** The process watched now (null: none is known to hold it). */
        ProcessHolder watching;
        /** The other processes the last scan saw in it, to watch in turn. */
        final Set<Integer> spares = new LinkedHashSet<>();
        final List<Pin> pins = new ArrayList<>();

        Watched(long inode) {
            this.inode = inode;
        }

        boolean held() {
            return !mounts.isEmpty() || watching != null;
        }
    }

    private record ProcessHolder(long inode, int pid, int pidfd, long token) {
    }

    private final Path proc;
    /** Null when events cannot be had: then no process can be watched. */
    private final EventLoop loop;
    private final BiConsumer<Long, List<Pin>> onGone;
    private final Map<Long, Watched> watched = new HashMap<>();
    private final Map<String, Long> mountOwners = new HashMap<>();
    private final Map<Long, ProcessHolder> processByToken = new HashMap<>();
    /** Folders already handed to the loop (it retries the ones that do not exist yet by itself). */
    private final Set<String> foldersAsked = new HashSet<>();
    private long nextToken = EventLoop.FIRST_TOKEN;
    /** Set when the loop failed: nothing more can be watched. */
    private boolean blind;

    HolderTracker(Path proc, EventLoop loop, BiConsumer<Long, List<Pin>> onGone) {
        this.proc = proc;
        this.loop = loop;
        this.onGone = onGone;
        this.blind = loop == null;
    }

    /** Adds a pin of a namespace (tracked from now on). */
    Watched add(long inode, Pin pin) {
        Watched w = watched.computeIfAbsent(inode, Watched::new);
        w.pins.add(pin);
        return w;
    }

    /** The namespace's entry, if this pin is one of its pins. */
    Watched of(Pin pin) {
        Watched w = watched.get(pin.inode());
        return w != null && w.pins.contains(pin) ? w : null;
    }

    boolean anyMounts() {
        return !mountOwners.isEmpty();
    }

    HolderSet holders(long inode) {
        Watched w = watched.get(inode);
        if (w == null) {
            return HolderSet.NONE;
        }
        Set<Integer> pids = new LinkedHashSet<>(w.spares);
        if (w.watching != null) {
            pids.add(w.watching.pid());
        }
        return new HolderSet(w.mounts, pids);
    }

    /** Makes a namespace's holders those of a scan; goes when none is left. */
    void apply(Watched w, HolderSet holders) {
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
                    mountRemoved(m, before); // one mount point, one namespace: the newer scan is right
                }
                watchFolderOf(m);
            }
        }
        if (w.watching != null && !holders.pids().contains(w.watching.pid())) {
            drop(w.watching); // the scan no longer sees it there
            w.watching = null;
        }
        w.spares.clear();
        w.spares.addAll(holders.pids());
        if (w.watching != null) {
            w.spares.remove(w.watching.pid());
        }
        watchNext(w);
        if (!w.held() && watched.get(w.inode) == w) {
            gone(w);
        }
    }

    /** Watches the folder a mount is in (once: a thousand mounts in /run/netns ask one watch). */
    private void watchFolderOf(String mount) {
        int slash = mount.lastIndexOf('/');
        String folder = slash > 0 ? mount.substring(0, slash) : "/";
        if (loop != null && foldersAsked.add(folder)) {
            loop.watchFolder(folder);
        }
    }

    /** Until one is watched, takes the spares in turn: those gone or moved are no holders. */
    private void watchNext(Watched w) {
        Iterator<Integer> it = w.spares.iterator();
        while (w.watching == null && it.hasNext() && watched.get(w.inode) == w) {
            int pid = it.next();
            it.remove();
            watchProcess(w, pid);
        }
    }

    /**
     * Takes a process as a holder only when its pidfd is open and it is still in the namespace (checked
     * after the pidfd, so a reused pid or a process that moved is caught). One that cannot be watched
     * makes the namespace's pins transient.
     */
    private void watchProcess(Watched w, int pid) {
        if (blind) {
            makeTransient(w);
            return;
        }
        int pidfd;
        try {
            pidfd = Events.pidfdOpen(pid);
        } catch (NativeException e) {
            if (e.errnoNumber() != Events.ESRCH) {
                makeTransient(w); // ENOSYS (Linux before 5.3), EMFILE: nothing would say when it ends
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
            makeTransient(w);
            return;
        }
        w.watching = new ProcessHolder(w.inode, pid, pidfd, token);
        processByToken.put(token, w.watching);
    }

    private void drop(ProcessHolder h) {
        processByToken.remove(h.token());
        loop.removeProcess(h.pidfd());
    }

    /** An entry of a watched folder went: if a pinned namespace was mounted there, that holder is gone. */
    void pathRemoved(String path) {
        Long inode = mountOwners.remove(path);
        if (inode != null) {
            mountRemoved(path, inode);
        }
    }

    private void mountRemoved(String path, long inode) {
        Watched w = watched.get(inode);
        if (w != null && w.mounts.remove(path) && !w.held()) {
            gone(w);
        }
    }

    /** The process behind a token exited. */
    void processExited(long token) {
        ProcessHolder h = processByToken.get(token);
        if (h == null) {
            return; // dropped meanwhile
        }
        drop(h);
        Watched w = watched.get(h.inode());
        if (w != null && w.watching == h) {
            w.watching = null;
            watchNext(w);
            if (!w.held() && watched.get(w.inode) == w) {
                gone(w);
            }
        }
    }

    /** Every pinned namespace's mounts become what the table says (a mount moved or added is adopted). */
    void applyTable(Map<String, Long> table) {
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
    }

    /** The mount table could not be read: what only mounts hold is given up after its current use. */
    void mountsUnknown() {
        for (Watched w : new ArrayList<>(watched.values())) {
            if (!w.mounts.isEmpty()) {
                makeTransient(w);
            }
        }
    }

    /** The event loop stopped: nothing is watched any more, every pin is given up after its use. */
    void blind() {
        blind = true;
        for (Watched w : new ArrayList<>(watched.values())) {
            makeTransient(w);
        }
    }

    boolean isBlind() {
        return blind;
    }

    /** A pin's user let go of it. */
    void remove(Pin pin) {
        Watched w = watched.get(pin.inode());
        if (w != null && w.pins.remove(pin) && w.pins.isEmpty()) {
            forget(w);
        }
    }

    /** Every pin goes; nothing is watched (closing the registry). */
    void clear() {
        for (Watched w : new ArrayList<>(watched.values())) {
            w.pins.forEach(Pin::markGone);
            w.pins.clear();
            forget(w);
        }
    }

    private void makeTransient(Watched w) {
        w.pins.removeIf(Pin::makeTransient);
        if (w.pins.isEmpty()) {
            forget(w);
        }
    }

    /** The last holder went: every pin goes (its resources close), then {@code onGone}. */
    private void gone(Watched w) {
        List<Pin> pins = List.copyOf(w.pins);
        pins.forEach(Pin::markGone);
        w.pins.clear();
        forget(w);
        onGone.accept(w.inode, pins);
    }

    private void forget(Watched w) {
        watched.remove(w.inode, w);
        for (String m : w.mounts) {
            mountOwners.remove(m, w.inode);
        }
        w.mounts.clear();
        if (w.watching != null) {
            drop(w.watching);
            w.watching = null;
        }
        w.spares.clear();
    }
}
