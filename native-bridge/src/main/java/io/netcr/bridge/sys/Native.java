package io.netcr.bridge.sys;

import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.u_int64_t;

/**
 * The one place that binds libc, in interfaces that load apart. The calls of every command that reads the
 * kernel ({@link LibC}: sockets and namespaces) and of the namespace registry that every snapshot starts and the
 * live monitor ({@link EventCalls}, {@link IoCalls}) go through jffi directly ({@link JffiCall}): no code is
 * generated for them at run time. A restore's files, mounts and ioctls ({@link RestoreCalls}) are bound through
 * jnr-ffi on first use, which generates a class for them (about 2 ms a function in a cold JVM), once per
 * restore. Everything else goes through the checked wrappers in {@link Sys}, which turn -1 into a
 * {@link NativeException}.
 */
final class Native {

    /**
     * The calls of every command that talks to the kernel: netlink sockets and namespaces. Buffers are direct,
     * from their position on; arrays are copied in (and out, for getsockname's).
     */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int bind(int fd, byte[] addr, int addrlen);

        int connect(int fd, byte[] addr, int addrlen);

        long send(int fd, ByteBuffer buf, long len, int flags);

        int setsockopt(int fd, int level, int optname, int[] optval, int optlen);

        int getsockname(int fd, byte[] addr, int[] addrlen);

        long recv(int fd, ByteBuffer buf, long len, int flags);

        int open(String path, int flags);

        int close(int fd);

        int setns(int fd, int nstype);

        int getpid();
    }

    /**
     * The calls of a restore: files (the journal's among them), the mounts that make named namespaces, the
     * ioctls that make tun and tap devices, and kill (its fault-injection tests).
     */
    public interface RestoreCalls {
        /** open(2) with a mode, for O_CREAT. */
        int open(String path, int flags, int mode);

        int mkdir(String path, int mode);

        int unlink(String path);

        int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);

        /** ioctl(2) with a pointer argument (a struct the kernel reads and may write): a tun's TUNSETIFF. */
        int ioctl(int fd, @u_int64_t long request, @In @Out byte[] arg);

        /** ioctl(2) with an integer argument passed by value (TUNSETPERSIST, TUNSETOWNER). */
        int ioctl(int fd, @u_int64_t long request, long arg);

        int unshare(int flags);

        int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

        int umount2(String target, int flags);

        int kill(int pid, int sig);
    }

    /**
     * The calls of the namespace registry's and the monitor's event threads: epoll, eventfd, inotify, pidfd, and
     * sendto (the proc connector).
     */
    public interface EventCalls {
        int epoll_create1(int flags);

        /** The event is a packed 12-byte struct epoll_event (see {@link Events}). */
        int epoll_ctl(int epfd, int op, int fd, byte[] event);

        int epoll_wait(int epfd, ByteBuffer events, int maxevents, int timeout);

        int eventfd(int initval, int flags);

        int inotify_init1(int flags);

        int inotify_add_watch(int fd, String path, int mask);

        /** glibc 2.36 and later (Debian 12); the system call exists since Linux 5.3. */
        int pidfd_open(int pid, int flags);

        /** To a netlink port: the live monitor's subscription to the proc connector. */
        long sendto(int fd, ByteBuffer buf, long len, int flags, byte[] addr, int addrlen);
    }

    /**
     * read(2) and write(2): of the registry's event descriptors, and of /proc/sys files (a checkpoint's and a
     * restore's sysctls); openat(2) and pread(2), of /proc/sys files (opened relative to a folder already open;
     * read again from the start).
     */
    public interface IoCalls {
        long read(int fd, ByteBuffer buf, long count);

        long pread(int fd, ByteBuffer buf, long count, long offset);

        int openat(int dirfd, String path, int flags);

        long write(int fd, byte[] buf, long count);
    }

    static {
        // jnr-ffi's own x86 trampolines (jnr-x86asm) make binding about 5 ms slower and no call faster than
        // its generic invokers (measured: docs/performance.md, "Start-up"); a -D on the command line wins.
        if (System.getProperty("jnr.ffi.x86asm.enabled") == null) {
            System.setProperty("jnr.ffi.x86asm.enabled", "false");
        }
    }

    static final LibC LIBC = new DirectLibC();

    static {
        LowDescriptors.reserve(); // while this process's descriptor numbers are still low
    }

    /** {@link RestoreCalls}, bound on first use. */
    static RestoreCalls restoreCalls() {
        return RestoreCallsHolder.CALLS;
    }

    private static final class RestoreCallsHolder {
        static final RestoreCalls CALLS = LibraryLoader.create(RestoreCalls.class).load("c");
    }

    /** {@link EventCalls}, bound on first use. */
    static EventCalls eventCalls() {
        return EventCallsHolder.CALLS;
    }

    private static final class EventCallsHolder {
        static final DirectEventCalls CALLS = new DirectEventCalls();
    }

    /** {@link IoCalls}, bound on first use. */
    static IoCalls ioCalls() {
        return IoCallsHolder.CALLS;
    }

    private static final class IoCallsHolder {
        static final IoCalls CALLS = EventCallsHolder.CALLS;
    }

    private Native() {
    }
}
