package io.netcr.bridge.discovery;

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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The namespaces discovery holds open between snapshots, by nsfs inode: a descriptor for each found
 * namespace, and a netlink socket for each one that was read. Holding them keeps the namespaces alive
 * (so an inode cannot be reused while cached); what is no longer found is closed.
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

    /** Closes what belongs to namespaces that are gone, which lets the kernel free them. */
    void forgetVanished(Set<Long> present) {
        handles.entrySet().removeIf(e -> {
            if (!present.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    /** Opens a descriptor for every namespace not yet held, by the first of its paths that opens. */
    void openDescriptors(List<FoundNamespace> found, List<Diagnostic> diags) {
        for (FoundNamespace f : found) {
            if (handles.containsKey(f.inode())) {
                continue;
            }
            NativeException last = null;
            for (String path : f.openPaths()) {
                try {
                    int fd = Sys.open(path, Sys.O_RDONLY | Sys.O_CLOEXEC);
                    handles.put(f.inode(), new NamespaceHandle(f.inode(), fd));
                    last = null;
                    break;
                } catch (NativeException e) {
                    last = e;
                }
            }
            if (last != null) {
                diags.add(Diagnostic.warning(last.errno(), SubjectPath.of(SubjectPath.NETNS, f.label()), Phase.SNAPSHOT,
                        "cannot open the namespace (" + last.getMessage() + "); it vanished or is not readable"));
            }
        }
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
                    h.socket = RtnlSocket.open();
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
        Map<Integer, SocketOpener.Outcome> opened;
        try {
            opened = SocketOpener.open(fds, threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while entering namespaces", e);
        }
        Map<Long, FoundNamespace> byInode = new HashMap<>();
        selected.forEach(f -> byInode.put(f.inode(), f));
        for (Map.Entry<Integer, SocketOpener.Outcome> e : opened.entrySet()) {
            NamespaceHandle h = byFd.get(e.getKey());
            if (e.getValue().socket() != null) {
                h.socket = e.getValue().socket();
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
