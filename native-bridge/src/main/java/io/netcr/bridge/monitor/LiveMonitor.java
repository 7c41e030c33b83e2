package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.NamespaceFinder;
import io.netcr.bridge.lifetime.MountTable;
import io.netcr.bridge.lifetime.NamespaceListener;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.sys.Events;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Snapshot;
import io.netcr.model.PolicyRule;
import io.netcr.model.live.LiveUpdate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the live host as the kernel changes it, event by event, with no polling: one rtnetlink socket
 * per network namespace, subscribed to the link, address (v4, v6), route (v4, v6), rule (v4, v6) and nsid
 * groups, all waited on by one platform thread with epoll. Equivalent to {@code ip -all netns exec ip
 * monitor link address route rule nsid}, plus namespaces coming and going.
 *
 * <ul>
 *   <li><b>Namespaces</b> come and go through the {@link NamespaceRegistry}: bind mounts (inotify on
 *       /run/netns and /run/docker/netns, the mount table) and, for namespaces held only by processes,
 *       the proc connector ({@link ProcessEvents}: a new or exec'd process whose {@code ns/net} is not a
 *       followed namespace asks for a scan). The registry closes a namespace's sockets the moment the last
 *       holder netcr sees goes (issue 19: the monitor must not keep a deleted namespace alive).</li>
 *   <li><b>Overflow</b>: a socket that overflowed (ENOBUFS) is read empty and its namespace read whole again.</li>
 *   <li><b>Bursts</b> are coalesced: an update is published once no event came for {@code quiet}, or
 *       {@code maxDelay} after the first unpublished event, whichever is sooner.</li>
 *   <li><b>Output</b>: {@link LiveUpdate}s of model-level deltas, made by the same assembly and rtnetlink
 *       mapping as a snapshot, so that {@link #snapshot()} always equals a fresh snapshot of the host.</li>
 * </ul>
 * The listener is called on the monitor's thread and must return quickly.
 */
public final class LiveMonitor implements AutoCloseable {

    /** Told of every update. */
    public interface Listener {
        /** What changed, and the followed snapshot after it. */
        void updated(LiveUpdate update, Snapshot after);

        /** The monitor stopped for this reason (never called after {@link #close}). */
        default void stopped(Exception cause) {
        }
    }

    /**
     * @param tool          what snapshots name as their maker
     * @param receiveBuffer each listening socket's SO_RCVBUF (the kernel doubles it): how big a burst one
     *                      namespace may get before it overflows and is read again
     * @param quietMillis   an update is published once no event came for this long ...
     * @param maxDelayMillis ... or this long after the first event not yet published
     * @param registry      the namespace registry (null: the process's shared one)
     * @param only          follow only the namespaces known by one of these names or ids; all when empty
     */
    /**
     * The default quiet time. The events of one command come within a millisecond or two of each other (a veth's
     * far end hears of its carrier through the kernel's link watch, a work queue, at once for a veth): 4 ms keeps
     * them in one update, and is 6 ms of every single change's latency less than the 10 it was (bench/live).
     */
    public static final int QUIET_MILLIS = 4;

    public record Options(String tool, int receiveBuffer, int quietMillis, int maxDelayMillis,
                          NamespaceRegistry registry, Set<String> only) {
        public Options {
            only = only == null ? Set.of() : Set.copyOf(only);
        }

        public static Options defaults(String tool) {
            return new Options(tool, 1 << 20, QUIET_MILLIS, 100, null, Set.of());
        }

        public Options withReceiveBuffer(int bytes) {
            return new Options(tool, bytes, quietMillis, maxDelayMillis, registry, only);
        }

        public Options withRegistry(NamespaceRegistry r) {
            return new Options(tool, receiveBuffer, quietMillis, maxDelayMillis, r, only);
        }

        public Options withOnly(Set<String> names) {
            return new Options(tool, receiveBuffer, quietMillis, maxDelayMillis, registry, names);
        }
    }

    private static final long WAKE = 1;
    private static final long PROC = 2;

    private final Options options;
    private final Listener listener;
    private final NamespaceRegistry registry;
    private final int epfd;
    private final int wakeFd;
    private final ProcessEvents processes;
    private final String processesUnavailable;
    private final long ownInode;
    private final Follower follower;
    private final ConcurrentLinkedQueue<Long> goneQueue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scanWanted = new AtomicBoolean();
    private final NamespaceListener mounts = new NamespaceListener() {
        @Override
        public void mounted(String path, long inode) {
            askScan();
        }

        @Override
        public void unmounted(String path, long inode) {
            askScan();
        }
    };
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Snapshot current;
    private volatile Exception failure;
    private volatile boolean stopping;
    private volatile long resyncs;
    private volatile Map<String, List<PolicyRule>> rules = Map.of();
    private boolean closed;
    /** Set by the proc connector's events when a scan is worth it (monitor thread only). */
    private boolean processSeen;

    private LiveMonitor(Options options, Listener listener) throws NativeException {
        this.options = options;
        this.listener = listener;
        this.registry = options.registry() != null ? options.registry() : NamespaceRegistry.shared();
        this.ownInode = registry.ownInode();
        int ep = Events.epollCreate();
        int wake;
        try {
            wake = Events.eventfd();
            Events.epollAdd(ep, wake, Events.EPOLLIN, WAKE);
        } catch (NativeException e) {
            Sys.closeQuietly(ep);
            throw e;
        }
        this.epfd = ep;
        this.wakeFd = wake;
        ProcessEvents p = null;
        String why = null;
        try {
            p = ProcessEvents.open();
            Events.epollAdd(epfd, p.fd(), Events.EPOLLIN, PROC);
        } catch (NativeException e) {
            if (p != null) {
                p.close();
                p = null;
            }
            why = e.getMessage();
        }
        this.processes = p;
        this.processesUnavailable = why;
        NamespaceFinder finder = new NamespaceFinder(Path.of("/proc"));
        finder.folders().forEach(registry::watchFolder);
        this.follower = new Follower(options.tool(), options.only(), registry, finder,
                new MonitorSockets(epfd, options.receiveBuffer(), this::namespaceGone));
        this.thread = new Thread(this::run, "netcr-monitor");
        thread.setDaemon(true);
    }

    /**
     * Starts following: reads the host once (as a snapshot would), then follows it. Returns once the first
     * reading is done; {@link #snapshot()} is that reading until the first update.
     */
    public static LiveMonitor start(Options options, Listener listener) throws IOException {
        LiveMonitor m = new LiveMonitor(options, listener);
        m.registry.addListener(m.mounts);
        m.thread.start();
        try {
            m.started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            m.close();
            throw new IOException("interrupted while the monitor started", e);
        }
        if (m.failure != null) {
            m.close();
            throw m.failure instanceof IOException io ? io : new IOException(m.failure.getMessage(), m.failure);
        }
        return m;
    }

    /** The followed snapshot: equal to a fresh snapshot of the host as of the last update. */
    public Snapshot snapshot() {
        return current;
    }

    /** The policy rules of each followed namespace (by id), as of the last update. */
    public Map<String, List<PolicyRule>> rules() {
        return rules;
    }

    /** How many times a socket overflowed and its namespace was read whole again. */
    public long resyncs() {
        return resyncs;
    }

    /** Null when processes are followed through the proc connector; otherwise why not. */
    public String processEventsUnavailable() {
        return processesUnavailable;
    }

    private void askScan() {
        scanWanted.set(true);
        wake();
    }

    private void namespaceGone(long inode) {
        goneQueue.add(inode);
        wake();
    }

    /** Wakes the monitor's thread; never once the eventfd is closed (its number may belong to another file by then). */
    private synchronized void wake() {
        if (!closed) {
            try {
                Events.signal(wakeFd);
            } catch (NativeException e) {
                // nobody waits any more
            }
        }
    }

    private void run() {
        try {
            follower.rescan();
            follower.publish();
            expose();
        } catch (Exception | LinkageError e) {
            failure = e instanceof Exception x ? x : new IOException(e.getMessage(), e);
            started.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (Exception e) {
            if (!stopping) {
                listener.stopped(e);
            }
        }
    }

    private void loop() throws IOException {
        ByteBuffer events = ByteBuffer.allocateDirect(256 * Events.EPOLL_EVENT_SIZE).order(ByteOrder.nativeOrder());
        ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024).order(ByteOrder.nativeOrder());
        long quiet = options.quietMillis() * 1_000_000L;
        long max = options.maxDelayMillis() * 1_000_000L;
        long first = -1;
        long last = -1;
        boolean scan = false;
        while (!stopping) {
            int timeout = -1;
            if (first >= 0) {
                long due = Math.min(last + quiet, first + max) - System.nanoTime();
                timeout = (int) Math.max(0, (due + 999_999) / 1_000_000);
            }
            int n = Events.epollWait(epfd, events, timeout);
            boolean any = false;
            for (int i = 0; i < n && !stopping; i++) {
                long token = Events.eventData(events, i);
                if (token == WAKE) {
                    Events.read(wakeFd, buf);
                } else if (token == PROC) {
                    scan |= !processes.drain(buf, new ProcessSink());
                    scan |= processSeen;
                    processSeen = false;
                } else {
                    WatchedNamespace w = follower.byToken(token);
                    if (w != null) {
                        follower.read(w, buf);
                        any = true;
                    }
                }
            }
            for (Long inode; (inode = goneQueue.poll()) != null; ) {
                follower.namespaceGone(inode);
                any = true;
            }
            scan |= scanWanted.getAndSet(false);
            long now = System.nanoTime();
            if (any || scan) {
                last = now;
                if (first < 0) {
                    first = now;
                }
            }
            if (first >= 0 && (now - last >= quiet || now - first >= max)) {
                if (scan) {
                    scan = false;
                    follower.rescan();
                }
                LiveUpdate update = follower.publish();
                expose();
                first = -1;
                if (update != null && !stopping) {
                    listener.updated(update, current);
                }
            }
        }
    }

    private void expose() {
        current = follower.snapshot();
        resyncs = follower.resyncs();
        rules = Map.copyOf(follower.rules());
    }

    /** What the proc connector says, looked at on the monitor's thread. */
    private final class ProcessSink implements ProcessEvents.Sink {
        @Override
        public void started(int pid) {
            long inode;
            try {
                inode = MountTable.inodeOfLink(Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "ns/net"))
                        .toString());
            } catch (IOException | RuntimeException e) {
                return; // gone already, or not readable: a namespace held only by it is gone with it
            }
            if (inode != ownInode && !(follower.follows(inode) && follower.holderPids().contains(pid))) {
                processSeen = true;
            }
        }

        @Override
        public void exited(int pid) {
            if (follower.holderPids().contains(pid)) {
                processSeen = true;
            }
        }
    }

    /** Stops following and closes every socket. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            wake();
        }
        registry.removeListener(mounts);
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        follower.close();
        if (processes != null) {
            processes.close();
        }
        synchronized (this) {
            closed = true;
            Sys.closeQuietly(wakeFd);
        }
        Sys.closeQuietly(epfd);
    }
}
