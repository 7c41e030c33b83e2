package io.netcr.bridge.discovery;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Takes snapshots of the live host over rtnetlink: every network namespace it can find, each read
 * through a socket opened inside it. Sockets and namespace descriptors are kept between snapshots (a
 * refresh needs no setns) and dropped when their namespace is no longer found. One snapshot at a time.
 *
 * <p>Equivalent to {@code ip -all netns exec ip -d link show} plus {@code ip addr}, {@code ip route}
 * and {@code ip netns list-id}, without running any program.
 */
public final class LiveDiscovery implements AutoCloseable {

    private final String tool;
    private final NamespaceFinder finder = new NamespaceFinder(Path.of("/proc"));
    private final Map<Long, NamespaceHandle> handles = new HashMap<>();
    private final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "netcr-discovery");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;
    private final Map<String, Double> timings = new java.util.LinkedHashMap<>();
    private long mark;

    /** @param tool what the snapshot's source names as its maker, e.g. "netcr 0.1.0" */
    public LiveDiscovery(String tool) {
        this.tool = tool;
        // Loading libc through jnr-ffi takes a few hundred ms cold: let it happen while /proc is scanned.
        pool.submit(Sys::getpid);
    }

    /** All namespaces. */
    public Snapshot snapshot() throws IOException {
        return snapshot(Set.of());
    }

    /**
     * Only the namespaces known by one of these names (or ids); all of them when the set is empty.
     * A name that matches nothing is an error diagnostic. Fails only when /proc itself cannot be read.
     */
    public synchronized Snapshot snapshot(Set<String> onlyNamespaceNames) throws IOException {
        if (closed) {
            throw new IllegalStateException("discovery is closed");
        }
        timings.clear();
        mark = System.nanoTime();
        List<Diagnostic> diags = new ArrayList<>();
        NamespaceFinder.Result found = finder.find();
        lap("find");
        diags.addAll(found.diagnostics());
        Map<Long, FoundNamespace> byInode = new HashMap<>();
        found.namespaces().forEach(f -> byInode.put(f.inode(), f));

        forgetVanished(byInode.keySet());
        openDescriptors(found.namespaces(), diags);
        List<FoundNamespace> selected = select(found.namespaces(), onlyNamespaceNames, diags);
        lap("open");
        openSockets(selected, diags);
        lap("setns+socket");

        Map<Long, NamespaceDump> dumps = readAll(selected, diags);
        lap("dump");
        resolvePeers(dumps, diags);
        lap("nsid");
        DeviceAssembler devices = new DeviceAssembler(dumps);

        List<Future<Assembled>> futures = new ArrayList<>();
        for (FoundNamespace f : selected) {
            futures.add(pool.submit(() -> assemble(f, dumps.get(f.inode()), devices)));
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (Future<Assembled> f : futures) {
            Assembled a = await(f);
            namespaces.add(a.namespace());
            diags.addAll(a.diagnostics());
        }
        namespaces.sort(Comparator.comparing((Namespace n) -> !n.init()).thenComparing(n -> n.names().isEmpty())
                .thenComparing(Namespace::label));
        lap("assemble");
        return new Snapshot(HostInfo.liveSource(tool), namespaces, diags);
    }

    private record Assembled(Namespace namespace, List<Diagnostic> diagnostics) {
    }

    /** One namespace as the model holds it; runs on the pool, reading only shared immutable data. */
    private Assembled assemble(FoundNamespace f, NamespaceDump dump, DeviceAssembler devices) {
        List<Diagnostic> diags = new ArrayList<>();
        Namespace ns = new Namespace(f.id(), f.names(), f.holders(), f.init(), List.of(), List.of(), Map.of());
        if (dump == null) {
            return new Assembled(ns, diags);
        }
        SubjectPath where = SubjectPath.of(ns);
        if (dump.interrupted()) {
            diags.add(Diagnostic.warning(Errno.EAGAIN, where, Phase.SNAPSHOT, "the namespace kept changing "
                    + "while it was read (" + NamespaceDump.ATTEMPTS + " tries); its data may be inconsistent"));
        }
        try {
            ns = ns.withDevices(devices.devices(f.inode(), handles.get(f.inode()).nsidToInode, where, diags))
                    .withRoutes(RouteAssembler.routes(dump, devices.names(f.inode())));
        } catch (RuntimeException e) {
            // A reply the codec refuses (MalformedMessageException) costs this namespace, not the snapshot.
            diags.add(Diagnostic.error(Errno.EIO, where, Phase.SNAPSHOT,
                    "the kernel's reply could not be decoded: " + e.getMessage()));
        }
        return new Assembled(ns, diags);
    }

    private void lap(String phase) {
        long now = System.nanoTime();
        timings.put(phase, (now - mark) / 1e6);
        mark = now;
    }

    /** Milliseconds each phase of the last snapshot took, in order (for --timing and benchmarks). */
    public synchronized Map<String, Double> lastTimings() {
        return Map.copyOf(timings).isEmpty() ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }

    /** Closes what belongs to namespaces that are gone, which lets the kernel free them. */
    private void forgetVanished(Set<Long> present) {
        handles.entrySet().removeIf(e -> {
            if (!present.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private void openDescriptors(List<FoundNamespace> found, List<Diagnostic> diags) {
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
                diags.add(Diagnostic.warning(last.errno(), SubjectPath.of(SubjectPath.NETNS, label(f)), Phase.SNAPSHOT,
                        "cannot open the namespace (" + last.getMessage() + "); it vanished or is not readable"));
            }
        }
    }

    private static List<FoundNamespace> select(List<FoundNamespace> found, Set<String> only, List<Diagnostic> diags) {
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

    private void openSockets(List<FoundNamespace> selected, List<Diagnostic> diags) throws IOException {
        List<Integer> fds = new ArrayList<>();
        Map<Integer, NamespaceHandle> byFd = new HashMap<>();
        for (FoundNamespace f : selected) {
            NamespaceHandle h = handles.get(f.inode());
            if (h != null && h.socket == null && f.init()) {
                // Our own namespace needs no setns (which would need CAP_SYS_ADMIN even to stay home).
                try {
                    h.socket = RtnlSocket.open();
                } catch (NativeException e) {
                    diags.add(Diagnostic.error(e.errno(), SubjectPath.of(SubjectPath.NETNS, label(f)), Phase.SNAPSHOT,
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
                diags.add(Diagnostic.warning(err.errno(), SubjectPath.of(SubjectPath.NETNS, label(byInode.get(h.inode))),
                        Phase.SNAPSHOT, perm ? "reading this namespace needs root (CAP_SYS_ADMIN): " + err.getMessage()
                                : "cannot enter the namespace: " + err.getMessage()));
            }
        }
    }

    private Map<Long, NamespaceDump> readAll(List<FoundNamespace> selected, List<Diagnostic> diags)
            throws IOException {
        List<NamespaceHandle> readable = new ArrayList<>();
        for (FoundNamespace f : selected) {
            NamespaceHandle h = handles.get(f.inode());
            if (h != null && h.socket != null) {
                readable.add(h);
            }
        }
        Map<Long, FoundNamespace> byInode = new HashMap<>();
        selected.forEach(f -> byInode.put(f.inode(), f));
        List<Future<NamespaceDump>> futures = new ArrayList<>();
        for (NamespaceHandle h : readable) {
            futures.add(pool.submit(() -> NamespaceDump.read(h.socket)));
        }
        Map<Long, NamespaceDump> dumps = new HashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            NamespaceHandle h = readable.get(i);
            try {
                dumps.put(h.inode, await(futures.get(i)));
            } catch (IOException e) {
                h.dropSocket();
                diags.add(failure(e, SubjectPath.of(SubjectPath.NETNS, label(byInode.get(h.inode))), "cannot read"));
            }
        }
        return Collections.unmodifiableMap(dumps);
    }

    private void resolvePeers(Map<Long, NamespaceDump> dumps, List<Diagnostic> diags) throws IOException {
        PeerResolver resolver = new PeerResolver(Collections.unmodifiableMap(handles), dumps);
        inParallel(unknown(resolver, dumps.keySet()), h -> resolver.askFromSmallerSide(h), diags);
        resolver.propagate();
        inParallel(unknown(resolver, dumps.keySet()), h -> resolver.askRemaining(h), diags);
    }

    /** The namespaces with an nsid still to learn: on a refresh usually none, so no task is queued. */
    private Set<Long> unknown(PeerResolver resolver, Set<Long> inodes) {
        Set<Long> out = new LinkedHashSet<>();
        for (long inode : inodes) {
            if (resolver.hasUnknown(handles.get(inode))) {
                out.add(inode);
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface HandleTask {
        void run(NamespaceHandle h) throws IOException;
    }

    /** Runs a task per namespace on the pool; each task uses only its own namespace's socket. */
    private void inParallel(Set<Long> inodes, HandleTask task, List<Diagnostic> diags) throws IOException {
        List<Long> order = new ArrayList<>(inodes);
        List<Future<Void>> futures = new ArrayList<>();
        for (long inode : order) {
            NamespaceHandle h = handles.get(inode);
            futures.add(pool.submit(() -> {
                task.run(h);
                return null;
            }));
        }
        for (int i = 0; i < order.size(); i++) {
            try {
                await(futures.get(i));
            } catch (IOException e) {
                handles.get(order.get(i)).dropSocket();
                diags.add(failure(e, SubjectPath.of(SubjectPath.NETNS, FoundNamespace.idOf(order.get(i))),
                        "cannot resolve the namespaces of its links"));
            }
        }
    }

    private static Diagnostic failure(IOException e, SubjectPath where, String what) {
        Errno code = e instanceof NativeException n ? n.errno() : Errno.EIO;
        Diagnostic d = Diagnostic.warning(code, where, Phase.SNAPSHOT, what + ": " + e.getMessage());
        if (e instanceof io.netcr.bridge.rtnl.NetlinkErrorException n && n.kernelMessage().isPresent()) {
            d = d.withKernelMessage(n.kernelMessage().get());
        }
        return d;
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw new IOException("unexpected reply: " + r.getMessage(), r);
            }
            throw new IOException(c);
        }
    }

    private static String label(FoundNamespace f) {
        if (f == null) {
            return "?";
        }
        return !f.names().isEmpty() ? f.names().get(0) : !f.holders().isEmpty() ? "pid:" + f.holders().get(0).pid()
                : f.id();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            pool.shutdownNow();
            handles.values().forEach(NamespaceHandle::close);
            handles.clear();
        }
    }
}
