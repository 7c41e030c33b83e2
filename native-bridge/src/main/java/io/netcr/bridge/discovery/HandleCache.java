package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.HolderSet;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.Pin;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The namespaces discovery holds open between snapshots, by nsfs inode: a descriptor for each found
 * namespace, and a netlink socket for each one that was read, each held by a {@link Pin} of the
 * {@link NamespaceRegistry}. The registry closes them as soon as the last holder netcr sees goes (a
 * bind mount removed, the last process exited), so discovery never keeps a deleted namespace alive; a
 * snapshot in progress keeps what it uses until it ends ({@link #beginSnapshot} ... {@link #endSnapshot}).
 * What the next scan does not find is closed then.
 */
final class HandleCache implements AutoCloseable {

    private final Map<Long, NamespaceHandle> handles = new HashMap<>();
    private final int threads;

    HandleCache(int threads) {
        this.threads = threads;
    }

    NamespaceHandle get(long inode) {
        return handles.get(inode);
    }

    Map<Long, NamespaceHandle> view() {
        return Collections.unmodifiableMap(handles);
    }

    /**
     * After a scan begun at {@code mark}: keeps (and starts using) the handles of namespaces still found
     * and still held, tells the registry what holds them now, closes the others, and opens a descriptor
     * (pinned) for every namespace found without one, by the first of its paths that opens.
     */
    void beginSnapshot(List<FoundNamespace> found, NamespaceRegistry registry, long mark, List<Diagnostic> diags) {
        Map<Long, FoundNamespace> byInode = new HashMap<>();
        found.forEach(f -> byInode.put(f.inode(), f));
        Set<Long> dropped = new HashSet<>();
        Map<Pin, HolderSet> seen = new HashMap<>();
        handles.entrySet().removeIf(e -> {
            NamespaceHandle h = e.getValue();
            FoundNamespace f = byInode.get(e.getKey());
            if (f == null) {
                h.close(); // not found any more: let the kernel free it
            } else if (!h.pin.enter()) {
                h.close(); // went since the last snapshot (closed by the registry); found again: reopened below
            } else {
                h.inUse = true;
                seen.put(h.pin, f.seen());
                return false;
            }
            dropped.add(e.getKey());
            return true;
        });
        registry.seenAll(seen, mark);
        if (!dropped.isEmpty()) {
            // an nsid naming a namespace that went must not name whatever reuses its inode
            handles.values().forEach(h -> h.nsidToInode.values().removeIf(dropped::contains));
        }
        List<FoundNamespace> opened = new ArrayList<>();
        List<Integer> fds = new ArrayList<>();
        for (FoundNamespace f : found) {
            if (!handles.containsKey(f.inode())) {
                int fd = f.open(diags);
                if (fd >= 0) {
                    opened.add(f);
                    fds.add(fd);
                }
            }
        }
        if (opened.isEmpty()) {
            return;
        }
        List<Pin> pins = registry.pinAll(opened.stream()
                .map(f -> new NamespaceRegistry.Found(f.inode(), f.seen())).toList(), mark);
        for (int i = 0; i < opened.size(); i++) {
            int fd = fds.get(i);
            Pin pin = pins.get(i);
            pin.hold(() -> Sys.closeQuietly(fd)); // within the pin's first use: always taken
            NamespaceHandle h = new NamespaceHandle(opened.get(i).inode(), fd, pin);
            h.inUse = true;
            handles.put(h.inode, h);
        }
    }

    /** Ends the snapshot's use of every handle: what went during it is closed now. */
    void endSnapshot() {
        handles.values().forEach(NamespaceHandle::endUse);
    }

    /** Gives every selected namespace without one a socket opened inside it. */
    void openSockets(List<FoundNamespace> selected, List<Diagnostic> diags) throws IOException {
        List<Integer> fds = new ArrayList<>();
        Map<Integer, NamespaceHandle> byFd = new HashMap<>();
        for (FoundNamespace f : selected) {
            NamespaceHandle h = handles.get(f.inode());
            if (h != null && h.socket == null && f.init()) {
                // Our own namespace needs no setns (which would need CAP_SYS_ADMIN even to stay home).
                try {
                    h.keepSocket(RtnlSocket.open());
                } catch (NativeException e) {
                    diags.add(Diagnostic.error(e.errno(), SubjectPath.of(SubjectPath.NETNS, f.label()), Phase.SNAPSHOT,
                            "cannot open a netlink socket: " + e.getMessage()));
                }
            } else if (h != null && h.socket == null) {
                fds.add(h.nsFd);
                byFd.put(h.nsFd, h);
            }
        }
        if (fds.isEmpty()) {
            return;
        }
        Map<Integer, SocketOpener.Outcome<RtnlSocket>> opened;
        try {
            opened = SocketOpener.open(fds, threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while entering namespaces", e);
        }
        Map<Long, FoundNamespace> byInode = new HashMap<>();
        selected.forEach(f -> byInode.put(f.inode(), f));
        for (Map.Entry<Integer, SocketOpener.Outcome<RtnlSocket>> e : opened.entrySet()) {
            NamespaceHandle h = byFd.get(e.getKey());
            if (e.getValue().socket() != null) {
                h.keepSocket(e.getValue().socket());
            } else {
                NativeException err = e.getValue().error();
                boolean perm = err.errno() == Errno.EPERM;
                diags.add(Diagnostic.warning(err.errno(), SubjectPath.of(SubjectPath.NETNS, byInode.get(h.inode).label()),
                        Phase.SNAPSHOT, perm ? "reading this namespace needs root (CAP_SYS_ADMIN): " + err.getMessage()
                                : "cannot enter the namespace: " + err.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        handles.values().forEach(NamespaceHandle::close);
        handles.clear();
    }
}
