package io.netcr.bridge.netns;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.validate.NameRules;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Named network namespaces, made and removed as iproute2 does ({@code ip netns add / del}), without running
 * it: the namespace is a bind mount of {@code /proc/thread-self/ns/net} on a file under /run/netns, made
 * from a dedicated platform thread that unshares into the new namespace and returns to its own in
 * {@code finally}. A NETLINK_ROUTE socket opened in there stays bound to the new namespace, so it can be
 * configured later from any thread without setns. Only names this class is given are touched.
 */
public final class NamedNamespaces {

    public static final String RUN_DIR = "/run/netns";
    private static final String THREAD_SELF_NET = "/proc/thread-self/ns/net";
    private static final int EINVAL = 22;

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
     * Creates the namespaces in order; each is handed to {@code onCreated} as soon as it exists, so that a
     * caller's journal knows it even when a later one fails. A name that exists already is EEXIST.
     * Equivalent to {@code ip netns add NAME} for each name.
     */
    public static void create(List<String> names, Consumer<Created> onCreated) throws NativeException {
        for (String name : names) {
            requireName(name);
        }
        AtomicReference<NativeException> failure = new AtomicReference<>();
        AtomicReference<RuntimeException> bug = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                createHere(names, onCreated);
            } catch (NativeException e) {
                failure.set(e);
            } catch (RuntimeException e) {
                bug.set(e);
            }
        }, "netcr-netns-add");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeException("interrupted while creating namespaces", 4);
        }
        if (bug.get() != null) {
            throw bug.get();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Runs on the dedicated thread: its network namespace changes, so no other work may share it. */
    private static void createHere(List<String> names, Consumer<Created> onCreated) throws NativeException {
        ensureRunDir();
        int home = Sys.open(THREAD_SELF_NET, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            for (String name : names) {
                onCreated.accept(createOne(name));
            }
        } finally {
            try {
                Sys.setns(home, Sys.CLONE_NEWNET);
            } finally {
                Sys.closeQuietly(home);
            }
        }
    }

    private static Created createOne(String name) throws NativeException {
        String path = RUN_DIR + "/" + name;
        Sys.closeQuietly(Sys.create(path, Sys.O_RDONLY | Sys.O_EXCL | Sys.O_CLOEXEC, 0)); // EEXIST: not ours
        boolean mounted = false;
        try {
            Sys.unshare(Sys.CLONE_NEWNET);
            Sys.mount(THREAD_SELF_NET, path, "none", Sys.MS_BIND, null);
            mounted = true;
            int fd = Sys.open(THREAD_SELF_NET, Sys.O_RDONLY | Sys.O_CLOEXEC);
            try {
                return new Created(name, fd, RtnlSocket.open());
            } catch (NativeException e) {
                Sys.closeQuietly(fd);
                throw e;
            }
        } catch (NativeException e) {
            removeFile(path, mounted);
            throw e;
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

    private static void removeFile(String path, boolean mounted) throws NativeException {
        if (mounted) {
            try {
                Sys.umount2(path, Sys.MNT_DETACH);
            } catch (NativeException e) {
                // not mounted (any more): the file is still ours to remove
            }
        }
        Sys.unlink(path);
    }

    private static void requireName(String name) throws NativeException {
        NameRules.Problem p = NameRules.namespaceName(name).orElse(null);
        if (p != null) {
            throw new NativeException("namespace name '" + name + "': " + p.reason(), p.code().number());
        }
    }
}
