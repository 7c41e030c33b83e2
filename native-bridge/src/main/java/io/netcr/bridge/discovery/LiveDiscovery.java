package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.RoutingOutsideMain;
import io.netcr.model.live.LiveOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * refresh needs no setns) only while netcr still sees something else holding their namespace: they are
 * pinned in the {@link NamespaceRegistry}, which closes them the moment the last bind mount or process
 * holding the namespace goes, not at the next snapshot. One snapshot at a time.
 *
 * <p>Equivalent to {@code ip -all netns exec ip -d link show} plus {@code ip addr}, {@code ip route}
 * and {@code ip netns list-id}, without running any program.
 */
public final class LiveDiscovery implements AutoCloseable {

    private final String tool;
    private final NamespaceFinder finder = new NamespaceFinder(Path.of("/proc"));
    private final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final HandleCache handles = new HandleCache(threads);
    /** The registry pinning the handles, started beside the first scan (it loads libc: slow in a cold JVM). */
    private final Future<NamespaceRegistry> registryStart;
    private NamespaceRegistry registry;
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "netcr-discovery");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private long mark;

    /** @param tool what the snapshot's source names as its maker, e.g. "netcr 0.1.0" */
    public LiveDiscovery(String tool) {
        this(tool, null);
    }

    /**
     * Discovery whose handles are pinned in this registry (null: the process's shared one, started on the
     * first snapshot).
     */
    public LiveDiscovery(String tool, NamespaceRegistry registry) {
        this.tool = tool;
        // Loading libc through jnr-ffi takes a few hundred ms cold: let it happen while /proc is scanned.
        // Starting the shared registry loads it; a registry that cannot watch works without events (never throws).
        this.registryStart = pool.submit(() -> registry != null ? registry : NamespaceRegistry.shared());
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
        // Watches first, then the scan: a holder that goes meanwhile is checked again (see NamespaceRegistry).
        // Until the registry has started (the first snapshot, in a cold JVM), every mount is checked again.
        long scanMark = Long.MIN_VALUE;
        if (registry != null || registryStart.isDone()) {
            scanMark = registry().mark();
        }
        NamespaceFinder.Result found = finder.find();
        lap("find");
        diags.addAll(found.diagnostics());

        NamespaceRegistry pins = registry();
        lap("registry");
        handles.beginSnapshot(found.namespaces(), pins, scanMark, diags);
        try {
            return read(found, onlyNamespaceNames, diags);
        } finally {
            handles.endSnapshot(); // a namespace that went during the snapshot is closed now
        }
    }

    /** The registry, once started; the first call also watches the namespace folders. */
    private NamespaceRegistry registry() throws IOException {
        if (registry == null) {
            registry = Tasks.await(registryStart);
            finder.folders().forEach(registry::watchFolder);
        }
        return registry;
    }

    private Snapshot read(NamespaceFinder.Result found, Set<String> onlyNamespaceNames, List<Diagnostic> diags)
            throws IOException {
        List<FoundNamespace> selected = select(found.namespaces(), onlyNamespaceNames, diags);
        lap("open");
        handles.openSockets(selected, diags);
        lap("setns+socket");

        Map<Long, NamespaceDump> dumps = readAll(selected, diags);
        lap("dump");
        resolvePeers(dumps, diags);
        lap("nsid");
        DeviceAssembler devices = new DeviceAssembler(dumps);

        List<Future<DeviceAssembler.Assembled>> futures = new ArrayList<>();
        List<FoundNamespace> bigFirst = new ArrayList<>(selected);
        bigFirst.sort(Comparator.comparingInt((FoundNamespace f) -> size(dumps.get(f.inode()))).reversed());
        for (FoundNamespace f : bigFirst) {
            NamespaceHandle h = handles.get(f.inode()); // null when it vanished before it could be opened
            Map<Integer, Long> nsids = h == null ? Map.of() : h.nsidToInode;
            futures.add(pool.submit(() -> devices.assemble(f, nsids)));
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (Future<DeviceAssembler.Assembled> f : futures) {
            DeviceAssembler.Assembled a = Tasks.await(f);
            namespaces.add(a.namespace());
            diags.addAll(a.diagnostics());
        }
        namespaces.sort(LiveOrder.NAMESPACES);
        lap("assemble");
        return new Snapshot(HostInfo.liveSource(tool), namespaces, diags);
    }

    /**
     * For each of these namespaces (ids of the last snapshot, {@code nsfs:INODE}): its policy rules and the
     * routes of its tables other than main and local, asked on the sockets the snapshot used. For a
     * checkpoint only: a snapshot never asks. A namespace that cannot be asked is {@code Unknown}, never
     * an exception. Equivalent to {@code ip -n NS rule} and {@code ip -n NS route show table all}.
     */
    public synchronized List<RoutingOutsideMain> routingOutsideMain(List<String> namespaceIds) {
        if (closed) {
            throw new IllegalStateException("discovery is closed");
        }
        List<RoutingOutsideMain> out = new ArrayList<>();
        List<NamespaceHandle> entered = new ArrayList<>();
        try {
            routingOutsideMain(namespaceIds, out, entered);
        } finally {
            entered.forEach(h -> h.pin.exit()); // a namespace that went while it was asked is closed now
        }
        return out;
    }

    private void routingOutsideMain(List<String> namespaceIds, List<RoutingOutsideMain> out,
                                    List<NamespaceHandle> entered) {
        List<String> asked = new ArrayList<>();
        List<NamespaceHandle> askedHandles = new ArrayList<>();
        List<Future<RoutingOutsideMain>> futures = new ArrayList<>();
        for (String id : namespaceIds) {
            NamespaceHandle h = handleOf(id);
            if (h != null && h.pin.enter()) {
                entered.add(h);
            } else {
                h = null;
            }
            if (h == null) {
                out.add(new RoutingOutsideMain.Unknown(id, Errno.ENOENT, "the namespace vanished"));
            } else if (h.socket == null) {
                out.add(new RoutingOutsideMain.Unknown(id, Errno.EIO, "it could not be read by the snapshot"));
            } else {
                asked.add(id);
                askedHandles.add(h);
                RtnlSocket socket = h.socket;
                futures.add(pool.submit(() -> RoutingOutsideMainReader.read(id, socket)));
            }
        }
        for (int i = 0; i < asked.size(); i++) {
            try {
                out.add(Tasks.await(futures.get(i)));
            } catch (IOException e) {
                askedHandles.get(i).dropSocket(); // its state is unknown: the next snapshot opens a fresh one
                Errno code = e instanceof NativeException n ? n.errno() : Errno.EIO;
                out.add(new RoutingOutsideMain.Unknown(asked.get(i), code, e.getMessage()));
            }
        }
    }

    private NamespaceHandle handleOf(String id) {
        long inode = FoundNamespace.inodeOf(id);
        return inode < 0 ? null : handles.get(inode);
    }

    private static int size(NamespaceDump d) {
        return d == null ? 0 : d.links().size() + d.addresses().size() + d.routes().size();
    }

    private void lap(String phase) {
        long now = System.nanoTime();
        timings.put(phase, (now - mark) / 1e6);
        mark = now;
    }

    /** Milliseconds each phase of the last snapshot took, in order (for --timing and benchmarks). */
    public synchronized Map<String, Double> lastTimings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
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
        // Longest first (by the last snapshot's size): a hub of a thousand links must not start last.
        readable.sort(Comparator.comparingInt((NamespaceHandle h) -> h.lastSize).reversed());
        for (NamespaceHandle h : readable) {
            futures.add(pool.submit(() -> NamespaceDump.read(h.socket)));
        }
        Map<Long, NamespaceDump> dumps = new HashMap<>();
        for (int i = 0; i < readable.size(); i++) {
            NamespaceHandle h = readable.get(i);
            try {
                NamespaceDump dump = Tasks.await(futures.get(i));
                h.lastSize = dump.links().size() + dump.addresses().size() + dump.routes().size();
                dumps.put(h.inode, dump);
            } catch (IOException e) {
                h.dropSocket();
                diags.add(failure(e, SubjectPath.of(SubjectPath.NETNS, byInode.get(h.inode).label()), "cannot read"));
            }
        }
        return Collections.unmodifiableMap(dumps);
    }

    private void resolvePeers(Map<Long, NamespaceDump> dumps, List<Diagnostic> diags) throws IOException {
        PeerResolver resolver = new PeerResolver(handles.view(), dumps);
        Set<Long> unknown = unknown(resolver, dumps.keySet());
        if (unknown.isEmpty()) {
            return; // a refresh of an unchanged host: every nsid is known from the last snapshot
        }
        resolver.index();
        inParallel(unknown, h -> resolver.askFromSmallerSide(h), diags);
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
                Tasks.await(futures.get(i));
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
        if (e instanceof NetlinkErrorException n && n.kernelMessage().isPresent()) {
            d = d.withKernelMessage(n.kernelMessage().get());
        }
        return d;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            pool.shutdownNow();
            handles.close();
        }
    }
}
