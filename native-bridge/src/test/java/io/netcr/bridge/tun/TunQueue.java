package io.netcr.bridge.tun;

import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;

/**
 * A queue of an existing tun or tap held open, as a process using the device holds it: /dev/net/tun opened
 * inside the device's namespace and attached with TUNSETIFF (flags as the device has them, or the kernel
 * refuses). The descriptor keeps the queue attached until {@link #close}; the thread that entered the namespace
 * ends at once.
 */
public final class TunQueue implements AutoCloseable {

    private final int fd;

    private TunQueue(int fd) {
        this.fd = fd;
    }

    /** Attaches to {@code name} in the namespace at {@code nsPath} (e.g. /run/netns/NS) with these TUNSETIFF flags. */
    public static TunQueue attach(String nsPath, String name, int flags) throws Exception {
        int[] opened = {-1};
        Exception[] failed = new Exception[1];
        Thread t = new Thread(() -> {
            try {
                opened[0] = open(nsPath, name, flags);
            } catch (NativeException | RuntimeException e) {
                failed[0] = e;
            }
        }, "test-tun-queue-" + name);
        t.start();
        t.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        return new TunQueue(opened[0]);
    }

    private static int open(String nsPath, String name, int flags) throws NativeException {
        int own = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        int ns = Sys.open(nsPath, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            Sys.setns(ns, Sys.CLONE_NEWNET);
            try {
                int fd = Sys.open("/dev/net/tun", Sys.O_RDWR | Sys.O_CLOEXEC);
                try {
                    Sys.ioctl(fd, TunMaker.TUNSETIFF, new IfReq(name, flags).pack(), "TUNSETIFF " + name);
                } catch (NativeException e) {
                    Sys.closeQuietly(fd);
                    throw e;
                }
                return fd;
            } finally {
                Sys.setns(own, Sys.CLONE_NEWNET);
            }
        } finally {
            Sys.closeQuietly(ns);
            Sys.closeQuietly(own);
        }
    }

    @Override
    public void close() {
        Sys.closeQuietly(fd);
    }
}
