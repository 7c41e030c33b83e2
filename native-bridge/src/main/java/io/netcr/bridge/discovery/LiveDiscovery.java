package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netns.NamespaceThreads;
import io.netcr.bridge.sysctl.SysctlFiles;
import io.netcr.model.checkpoint.NamespaceReading;
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
        List<FoundNamespace> selected = NamespaceSelection.select(found.namespaces(), onlyNamespaceNames, diags);
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
     * For each of these namespaces (of the last snapshot): what a checkpoint records beyond it, its rules, routes
     * of every table, permanent neighbours, sysctls and nftables ruleset, and what it holds that a restore
     * cannot make (conntrack entries, qdiscs, sockets). Dumps go over the sockets the snapshot used; files and
     * libnftables are read on threads inside each namespace ({@link NamespaceStateReader}). For a checkpoint
     * only: a snapshot never asks. A namespace that cannot be asked is {@code Unknown}, never an exception.
     */
    public synchronized List<NamespaceReading> checkpointState(List<Namespace> namespaces) {
        if (closed) {
            throw new IllegalStateException("discovery is closed");
        }
        List<NamespaceHandle> entered = new ArrayList<>();
        mark = System.nanoTime();
        try {
            return checkpointState(namespaces, entered);
        } finally {
            entered.forEach(h -> h.pin.exit()); // a namespace that went while it was asked is closed now
        }
    }

    private List<NamespaceReading> checkpointState(List<Namespace> namespaces, List<NamespaceHandle> entered) {
        NamespaceReading[] out = new NamespaceReading[namespaces.size()];
        List<Integer> asked = new ArrayList<>();
        List<NamespaceHandle> askedHandles = new ArrayList<>();
        List<Future<NamespaceStateReader.Dumped>> dumps = new ArrayList<>();
        StateTimes times = new StateTimes();
        for (int i = 0; i < namespaces.size(); i++) {
            Namespace ns = namespaces.get(i);
            NamespaceHandle h = handleOf(ns.id());
            if (h != null && h.pin.enter()) {
                entered.add(h);
            } else {
                h = null;
            }
            if (h == null) {
                out[i] = new NamespaceReading.Unknown(ns.id(), Errno.ENOENT, "the namespace vanished");
            } else if (h.socket == null) {
                out[i] = new NamespaceReading.Unknown(ns.id(), Errno.EIO, "it could not be read by the snapshot");
            } else {
                asked.add(i);
                askedHandles.add(h);
                Map<Integer, String> names = new HashMap<>();
                ns.devices().forEach(d -> names.put(d.ifindex(), d.name()));
                RtnlSocket socket = h.socket;
                dumps.add(pool.submit(() -> NamespaceStateReader.dump(socket, LinkNames.of(names), times)));
            }
        }
        lap("state-pins");
        List<NamespaceThreads.Outcome<NamespaceStateReader.Inside>> inside = readInside(namespaces, asked,
                askedHandles, times);
        lap("state-inside");
        for (int k = 0; k < asked.size(); k++) {
            int i = asked.get(k);
            String id = namespaces.get(i).id();
            try {
                NamespaceStateReader.Dumped d = Tasks.await(dumps.get(k));
                NamespaceThreads.Outcome<NamespaceStateReader.Inside> in = inside.get(k);
                out[i] = in.ok() ? NamespaceStateReader.found(id, d, in.value())
                        : new NamespaceReading.Unknown(id, errno(in.error()), "cannot enter it: " + in.error().getMessage());
            } catch (IOException e) {
                askedHandles.get(k).dropSocket(); // its state is unknown: the next snapshot opens a fresh one
                out[i] = new NamespaceReading.Unknown(id, e instanceof NamespaceStateReader.Damaged ? Errno.EBADMSG
                        : errno(e), e.getMessage());
            }
        }
        lap("state-dumps");
        times.millis().forEach((part, ms) -> timings.put("sum:" + part, ms));
        return List.of(out);
    }

    /**
     * The files, ruleset and counts of each asked namespace, on threads inside them (the layout read once); the
     * handles are pinned by the caller, so their descriptors stay open meanwhile.
     */
    private List<NamespaceThreads.Outcome<NamespaceStateReader.Inside>> readInside(List<Namespace> namespaces,
                                                                                  List<Integer> asked,
                                                                                  List<NamespaceHandle> handles,
                                                                                  StateTimes times) {
        List<Integer> fds = new ArrayList<>();
        List<NamespaceThreads.Work<NamespaceStateReader.Inside>> work = new ArrayList<>();
        SysctlFiles.Layout[] layout = {null};
        IOException[] layoutError = {null};
        try {
            if (!asked.isEmpty()) {
                layout[0] = NamespaceThreads.runIn(handles.get(0).nsFd, SysctlFiles::layout);
            }
        } catch (IOException e) {
            layoutError[0] = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            layoutError[0] = new IOException("interrupted");
        }
        lap("state-layout");
        for (int k = 0; k < asked.size(); k++) {
            Namespace ns = namespaces.get(asked.get(k));
            fds.add(handles.get(k).nsFd);
            List<String> devices = ns.devices().stream().map(d -> d.name()).toList();
            work.add(() -> NamespaceStateReader.inside(layout[0], layoutError[0], devices, times));
        }
        try {
            return NamespaceThreads.run(fds, work, threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List<NamespaceThreads.Outcome<NamespaceStateReader.Inside>> none = new ArrayList<>();
            asked.forEach(i -> none.add(new NamespaceThreads.Outcome<>(null, new IOException("interrupted"))));
            return none;
        }
    }

    private static Errno errno(IOException e) {
        return e instanceof NativeException n ? n.errno() : Errno.EIO;
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

    /**
     * Milliseconds each phase of the last snapshot took, in order (for --timing and benchmarks); after a
     * {@link #checkpointState}, its phases follow ({@code state-*}), and the time its parts took summed over the
     * threads that did them ({@code sum:*}).
     */
    public synchronized Map<String, Double> lastTimings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
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
