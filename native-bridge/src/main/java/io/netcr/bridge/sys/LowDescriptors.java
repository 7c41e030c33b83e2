package io.netcr.bridge.sys;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few descriptor numbers below 1024 kept free for libnftables. libnftables waits for the kernel's answers
 * with select(2) (mnl_batch_talk, nftables' src/mnl.c), and glibc aborts the whole process ("bit out of range
 * 0 - FD_SETSIZE on fd_set") when the socket's number is 1024 or more, which it is as soon as netcr holds a
 * descriptor and a socket for each of some 500 namespaces: a checkpoint at N=1000 with a ruleset died with no
 * word. The kernel gives each new descriptor the lowest free number, so placeholders (/dev/null) are opened
 * while the numbers are still low, when libc is first bound, and closed just before a libnftables call, which
 * then finds low numbers free; they are opened again afterwards. The calls are serialised, so that two do not
 * share the freed numbers; other threads' short-lived opens (a sysctl file at a time each) leave most of them.
 */
final class LowDescriptors {

    /** glibc's FD_SETSIZE: select(2) takes descriptors below it. */
    static final int FD_SETSIZE = 1024;
    private static final int KEPT = 16;
    private static final int O_RDONLY_CLOEXEC = Sys.O_RDONLY | Sys.O_CLOEXEC;
    private static final Object LOCK = new Object();
    /** The placeholders' numbers; guarded by LOCK. */
    private static final Deque<Integer> HELD = new ArrayDeque<>();

    private LowDescriptors() {
    }

    /** What runs with the low numbers free. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Opens placeholders up to {@link #KEPT}, as long as the numbers they get are below {@link #FD_SETSIZE}. */
    static void reserve() {
        synchronized (LOCK) {
            while (HELD.size() < KEPT) {
                int fd = Native.LIBC.open("/dev/null", O_RDONLY_CLOEXEC);
                if (fd < 0) {
                    return; // no /dev/null, or no descriptor left: libnftables takes its chance
                }
                if (fd >= FD_SETSIZE) {
                    Native.LIBC.close(fd);
                    return;
                }
                HELD.push(fd);
            }
        }
    }

    /** Runs {@code work} with the placeholders' numbers free, one caller at a time. */
    static <T, E extends Exception> T withLowNumbersFree(Work<T, E> work) throws E {
        synchronized (LOCK) {
            while (!HELD.isEmpty()) {
                Native.LIBC.close(HELD.pop());
            }
            try {
                return work.run();
            } finally {
                reserve();
            }
        }
    }

    /** How many placeholders are held (tests). */
    static int held() {
        synchronized (LOCK) {
            return HELD.size();
        }
    }
}
