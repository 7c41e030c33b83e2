package io.netcr.bridge.netns;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.validate.NameRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Named network namespaces, made and removed as iproute2 does ({@code ip netns add / del}), without running
 * it: the namespace is a bind mount of {@code /proc/thread-self/ns/net} on a file under /run/netns, made
 * from a dedicated platform thread that unshares into the new namespace and returns to its own in
 * {@code finally}. A NETLINK_ROUTE socket opened in there stays bound to the new namespace, so it can be
 * configured later from any thread without setns. Only names this class is given are touched.
 *
 * <p>Unlike iproute2, the file is made unnamed first (O_TMPFILE) and the namespace before it is named, so
 * that both identities can be announced (journaled) before anything appears under /run/netns: see
 * {@link NamespaceBatch}.
 */
public final class NamedNamespaces {

    public static final String RUN_DIR = "/run/netns";
    static final String THREAD_SELF_NET = "/proc/thread-self/ns/net";
    private static final int EINVAL = 22;
    private static final int MAX_WORKERS = 2;
    private static final int MIN_PER_WORKER = 16;
    /**
     * Namespaces a thread makes unnamed, announces at once (one journal sync) and then names: the first
     * batch of a thread, and the most (each batch is twice the one before, so that a thousand namespaces cost
     * a dozen syncs, and a handful of namespaces are not held back behind many).
     */
    static final int FIRST_BATCH = 16;
    static final int MAX_BATCH = 128;

    private NamedNamespaces() {
    }

    /** A namespace this process created: a descriptor of it and a socket bound inside it. Close when done. */
    public record Created(String name, int fd, RtnlSocket socket) implements AutoCloseable {
        @Override
        public void close() {
            socket.close();
            Sys.closeQuietly(fd);
        }
    }

    /**
     * Told of each batch of namespaces after they exist and before they get their names under /run/netns,
     * on the creating thread (one call at a time): a restore journals their identities here, so that
     * whenever it is killed, every namespace file it could have made is on record.
     */
    @FunctionalInterface
    public interface Announcer {

        /** These namespaces exist, unnamed; throwing stops their creation (nothing of them becomes visible). */
        void beforeNaming(List<Identity> batch) throws IOException;
    }

    /**
     * Who a namespace made here is: the inode of its file under /run/netns (made unnamed, then linked to its
     * name) and its nsfs inode (what a stat of that file shows once the namespace is mounted on it).
     */
    public record Identity(String name, Inode file, Inode netns) {
    }

    /**
     * Creates the namespaces; each is handed to {@code onCreated} as soon as it exists (one call at a time,
     * from the creating threads), so that a caller's journal knows it even when a later one fails. A name
     * that exists already is EEXIST. Large sets are shared among a few threads: most of a namespace's cost
     * is the kernel setting it up, and that runs in parallel. Equivalent to {@code ip netns add NAME} for
     * each name.
     */
    public static void create(List<String> names, Consumer<Created> onCreated) throws NativeException {
        create(names, null, null, onCreated);
    }

    /**
     * As {@link #create(List, Consumer)}, and tells {@code onStarting} the index of each name whose creation
     * has begun, in the order of {@code names}, on the calling thread (not the creating ones) while it
     * waits for them (null: nobody asks, and the calling thread only waits); and {@code announcer}, when
     * given, of each batch before its names appear.
     */
    public static void create(List<String> names, IntConsumer onStarting, Announcer announcer,
                              Consumer<Created> onCreated) throws NativeException {
        for (String name : names) {
            requireName(name);
        }
        ensureRunDir();
        int workers = Math.max(1, Math.min(Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()),
                names.size() / MIN_PER_WORKER));
        AtomicReference<NativeException> failure = new AtomicReference<>();
        AtomicReference<RuntimeException> bug = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        Object callbackLock = new Object();
        List<Thread> threads = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicInteger running = new AtomicInteger(workers);
        Runnable wake = onStarting == null ? null : () -> LockSupport.unpark(caller);
        NamespaceBatch batch = new NamespaceBatch(RUN_DIR, () -> failure.get() != null || bug.get() != null,
                announcer == null ? null : b -> {
                    synchronized (callbackLock) {
                        announcer.beforeNaming(b);
                    }
                }, c -> {
                    synchronized (callbackLock) {
                        onCreated.accept(c);
                    }
                });
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                try {
                    createHere(names, next, batch, wake);
                } catch (NativeException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    bug.compareAndSet(null, e);
                } finally {
                    running.decrementAndGet();
                    LockSupport.unpark(caller);
                }
            }, "netcr-netns-add-" + w);
            threads.add(worker);
            worker.start();
        }
        boolean interrupted = false;
        try {
            if (onStarting != null) {
                interrupted = reportStarts(names.size(), next, running, onStarting);
            }
        } finally {
            // whatever happened here: the workers hold namespaces the caller must know of
            interrupted |= joinAll(threads);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (bug.get() != null) {
            throw bug.get();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Waits for every thread to end, interrupted or not; returns whether it was interrupted meanwhile. */
    private static boolean joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    /**
     * Runs on a dedicated thread: its network namespace changes, so no other work may share it. Takes
     * batches of names until none is left (or another thread failed), and returns home in {@code finally}.
     */
    private static void createHere(List<String> names, AtomicInteger next, NamespaceBatch batch, Runnable started)
            throws NativeException {
        int home = Sys.open(THREAD_SELF_NET, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            // stop is asked before a batch is taken, so that every index taken below names.size() is begun
            int size = FIRST_BATCH;
            int first;
            while (!batch.stopped() && (first = next.getAndAdd(size)) < names.size()) {
                if (started != null) {
                    started.run();
                }
                batch.create(names.subList(first, Math.min(first + size, names.size())));
                size = Math.min(MAX_BATCH, size * 2);
            }
        } finally {
            try {
                Sys.setns(home, Sys.CLONE_NEWNET);
            } finally {
                Sys.closeQuietly(home);
            }
        }
    }

    /**
     * On the calling thread, while the workers run: tells {@code onStarting} every index taken so far, in
     * order. An index is taken only to be created at once, so "taken" is "begun". Workers unpark this
     * thread after each take and when they end; a permit given before the park is not lost. Returns
     * whether the thread was interrupted meanwhile (the flag is cleared, or park would not wait).
     */
    private static boolean reportStarts(int size, AtomicInteger next, AtomicInteger running, IntConsumer onStarting) {
        boolean interrupted = false;
        int reported = 0;
        while (true) {
            boolean done = running.get() == 0; // read before next: once all have ended, next is final
            int begun = Math.min(next.get(), size);
            while (reported < begun) {
                onStarting.accept(reported++);
            }
            if (done) {
                return interrupted;
            }
            LockSupport.park(running);
            interrupted |= Thread.interrupted();
        }
    }

    /**
     * Makes /run/netns and makes it a shared mount point, as iproute2's netns_add does: try
     * {@code mount --make-rshared}; when that is EINVAL (not a mount point), bind-mount it on itself first.
     * Mounts under it then propagate to every mount namespace that shares it.
     */
    static void ensureRunDir() throws NativeException {
        Sys.mkdirs(RUN_DIR, 0755);
        boolean madeMount = false;
        while (true) {
            try {
                Sys.mount("", RUN_DIR, "none", Sys.MS_SHARED | Sys.MS_REC, null);
                return;
            } catch (NativeException e) {
                if (e.errnoNumber() != EINVAL || madeMount) {
                    throw e;
                }
                Sys.mount(RUN_DIR, RUN_DIR, "none", Sys.MS_BIND | Sys.MS_REC, null);
                madeMount = true;
            }
        }
    }

    /** Removes a namespace created by this process. Equivalent to {@code ip netns del NAME}. */
    public static void delete(String name) throws NativeException {
        requireName(name);
        removeFile(RUN_DIR + "/" + name, true);
    }

    static void removeFile(String path, boolean mounted) throws NativeException {
        if (mounted) {
            try {
                Sys.umount2(path, Sys.MNT_DETACH);
            } catch (NativeException e) {
                // not mounted (any more): the file is still ours to remove
            }
        }
        Sys.unlink(path);
    }

    static void requireName(String name) throws NativeException {
        NameRules.Problem p = NameRules.namespaceName(name).orElse(null);
        if (p != null) {
            throw new NativeException("namespace name '" + name + "': " + p.reason(), p.code().number());
        }
    }
}
