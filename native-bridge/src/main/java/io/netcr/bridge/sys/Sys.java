package io.netcr.bridge.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checked wrappers around {@link Native.LibC}: each returns the call's result or throws a
 * {@link NativeException} with the errno; calls that can be interrupted are retried on EINTR.
 */
public final class Sys {

    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SOL_NETLINK = 270;
    public static final int MSG_TRUNC = 0x20;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_CLOEXEC = 0x80000;
    /** O_DIRECTORY on x86-64 (see {@link #O_TMPFILE}). */
    public static final int O_DIRECTORY = 0x10000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final int O_CREAT = 0x40;
    public static final int O_EXCL = 0x80;
    public static final int O_RDWR = 2;
    /** O_TMPFILE on x86-64 (__O_TMPFILE | O_DIRECTORY; other architectures spell O_DIRECTORY differently). */
    public static final int O_TMPFILE = 0x410000;
    public static final int AT_FDCWD = -100;
    public static final int AT_EMPTY_PATH = 0x1000;
    public static final int SIGKILL = 9;
    public static final int EEXIST = 17;
    public static final long MS_BIND = 0x1000;
    public static final long MS_REC = 0x4000;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;

    private static final int EINTR = 4;
    /** Bytes the first read of a /proc/sys file asks for (the kernel allocates one more: one page). */
    static final int FIRST_READ = 4095;
    private static final int SOCKADDR_NL_SIZE = 12;

    private Sys() {
    }

    /**
     * Starts binding libc ({@link DirectLibC}: jffi's native library, eleven symbols) on a daemon thread and
     * returns at once. A command that will call the kernel soon starts it here so that it overlaps the JVM's
     * other start-up work (parsing the command line). A load that fails is
     * reported by the first real call, as without this. {@code whenLoaded} runs on that thread afterwards
     * (start-up measurements mark the moment).
     */
    public static void preloadInBackground(Runnable whenLoaded) {
        Thread t = new Thread(() -> {
            try {
                Native.LIBC.getpid();
            } catch (Throwable ignored) {
                // the first real call reports it, with the caller's context
            }
            whenLoaded.run();
        }, "netcr-libc-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The errno of this thread's last call: jffi keeps it per thread for every call that saves it, those of
     * {@link DirectLibC} and those bound through jnr-ffi alike.
     */
    static int errno() {
        return com.kenai.jffi.LastError.getInstance().get();
    }

    /** The result, or a {@link NativeException} with the errno when it is negative. */
    static int check(int rc, String what) throws NativeException {
        if (rc < 0) {
            throw new NativeException(what, errno());
        }
        return rc;
    }

    public static int socket(int domain, int type, int protocol) throws NativeException {
        return check(Native.LIBC.socket(domain, type, protocol), "socket");
    }

    /** Binds a netlink socket; port id 0 lets the kernel choose one. */
    public static void bindNetlink(int fd, int portId, int groups) throws NativeException {
        check(Native.LIBC.bind(fd, sockaddrNl(portId, groups), SOCKADDR_NL_SIZE), "bind");
    }

    /**
     * Connects a netlink socket to a port (0 = the kernel). The kernel then refuses to queue messages
     * from any other sender on it, so plain {@link #send} and {@link #recv} need no address.
     */
    public static void connectNetlink(int fd, int portId) throws NativeException {
        check(Native.LIBC.connect(fd, sockaddrNl(portId, 0), SOCKADDR_NL_SIZE), "connect");
    }

    /** Sends the buffer's bytes from 0 to its limit on a connected socket. */
    public static void send(int fd, ByteBuffer direct) throws NativeException {
        while (true) {
            long n = Native.LIBC.send(fd, direct, direct.limit(), 0);
            if (n >= 0) {
                if (n != direct.limit()) {
                    throw new NativeException("send sent " + n + " of " + direct.limit() + " bytes", 5);
                }
                return;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("send", e);
            }
        }
    }

    public static void setsockopt(int fd, int level, int option, int value) throws NativeException {
        check(Native.LIBC.setsockopt(fd, level, option, new int[] {value}, 4),
                "setsockopt(" + level + ", " + option + ")");
    }

    /** The port id the kernel gave a bound netlink socket. */
    public static int netlinkPortId(int fd) throws NativeException {
        byte[] addr = new byte[SOCKADDR_NL_SIZE];
        int[] len = {SOCKADDR_NL_SIZE};
        check(Native.LIBC.getsockname(fd, addr, len), "getsockname");
        return ByteBuffer.wrap(addr).order(ByteOrder.nativeOrder()).getInt(4);
    }

    /** Sends the buffer's bytes from 0 to its limit to a netlink port (0 = the kernel). */
    public static void sendtoNetlink(int fd, ByteBuffer direct, int portId) throws NativeException {
        byte[] to = sockaddrNl(portId, 0);
        while (true) {
            long n = Native.eventCalls().sendto(fd, direct, direct.limit(), 0, to, SOCKADDR_NL_SIZE);
            if (n >= 0) {
                if (n != direct.limit()) {
                    throw new NativeException("sendto sent " + n + " of " + direct.limit() + " bytes", 5);
                }
                return;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("sendto", e);
            }
        }
    }

    /** Receives into the direct buffer from position 0; returns the datagram's full length (MSG_TRUNC). */
    public static int recv(int fd, ByteBuffer direct, int flags) throws NativeException {
        while (true) {
            long n = Native.LIBC.recv(fd, direct, direct.capacity(), flags);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("recv", e);
            }
        }
    }

    public static int open(String path, int flags) throws NativeException {
        while (true) {
            int fd = Native.LIBC.open(path, flags);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("open " + path, e);
            }
        }
    }

    /**
     * openat(2): {@code path} relative to the folder open as {@code dirFd}; errors name {@code label} (the
     * path a user would recognise). No path walk from the root: under /proc/sys that matters, see
     * {@link io.netcr.bridge.sysctl.SysctlFiles}.
     */
    public static int openAt(int dirFd, String path, int flags, String label) throws NativeException {
        while (true) {
            int fd = Native.ioCalls().openat(dirFd, path, flags);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("open " + label, e);
            }
        }
    }

    /**
     * Reads a small file whole into the direct buffer (from position 0; its limit is set to the bytes read), as
     * /proc/sys files are read: open, read until end of file, close. A file larger than the buffer is EFBIG.
     */
    public static void readFile(String path, ByteBuffer direct) throws NativeException {
        readOpen(open(path, O_RDONLY | O_CLOEXEC), path, direct);
    }

    /** {@link #readFile} of {@code path} relative to the folder open as {@code dirFd}; errors name {@code label}. */
    public static void readFileAt(int dirFd, String path, String label, ByteBuffer direct) throws NativeException {
        readOpen(openAt(dirFd, path, O_RDONLY | O_CLOEXEC, label), label, direct);
    }

    /**
     * Reads the open /proc/sys file {@code fd} whole into the direct buffer, then closes it. The kernel allocates
     * and zeroes a buffer of the size asked for at every read of a sysctl (fs/proc/proc_sysctl.c), so asking for
     * the whole 64 KiB doubled the cost of a small value; the first read asks for {@link #FIRST_READ} bytes.
     * A sysctl's handler prints its whole value at once, as far as the size asked for allows, so fewer bytes
     * than asked is the whole value; a full first read may have been cut (and an integer vector's handler gives
     * nothing at an offset past 0), so the file is then read again from the start into the whole buffer.
     */
    private static void readOpen(int fd, String path, ByteBuffer direct) throws NativeException {
        try {
            direct.clear();
            int first = Math.min(FIRST_READ, direct.capacity());
            int n = readSome(fd, direct, 0, first, path, false);
            if (n < first) {
                direct.position(0).limit(n);
                return;
            }
            int total = 0;
            while (true) {
                n = readSome(fd, direct, total, direct.capacity() - total, path, true);
                if (n == 0) {
                    break;
                }
                total += n;
                if (total == direct.capacity()) {
                    throw new NativeException("read " + path + ": larger than " + direct.capacity() + " bytes", 27);
                }
            }
            direct.position(0).limit(total);
        } finally {
            closeQuietly(fd);
        }
    }

    /** One read(2), or pread(2) at offset {@code at}, into the buffer from {@code at}; retried on EINTR. */
    private static int readSome(int fd, ByteBuffer direct, int at, int count, String path, boolean positional)
            throws NativeException {
        while (true) {
            ByteBuffer into = direct.position(at).slice();
            long n = positional ? Native.ioCalls().pread(fd, into, count, at) : Native.ioCalls().read(fd, into, count);
            if (n >= 0) {
                return (int) n;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("read " + path, e);
            }
        }
    }

    /** Writes bytes to a file in one write(2), as a /proc/sys file takes a value: open, write, close. */
    public static void writeFile(String path, byte[] bytes) throws NativeException {
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        try {
            while (true) {
                long n = Native.ioCalls().write(fd, bytes, bytes.length);
                if (n >= 0) {
                    if (n != bytes.length) {
                        throw new NativeException("write " + path + " took " + n + " of " + bytes.length + " bytes", 5);
                    }
                    return;
                }
                int e = errno();
                if (e != EINTR) {
                    throw new NativeException("write " + path, e);
                }
            }
        } finally {
            closeQuietly(fd);
        }
    }

    /** Creates a file with this mode; with O_EXCL an existing one is EEXIST. Returns the descriptor. */
    public static int create(String path, int flags, int mode) throws NativeException {
        while (true) {
            int fd = Native.restoreCalls().open(path, flags | O_CREAT, mode);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("create " + path, e);
            }
        }
    }

    /** mkdir(2); an existing directory is not an error. */
    public static void mkdirs(String path, int mode) throws NativeException {
        if (Native.restoreCalls().mkdir(path, mode) < 0 && errno() != EEXIST) {
            throw new NativeException("mkdir " + path, errno());
        }
    }

    /**
     * An unnamed file in directory {@code dir} (O_TMPFILE): it exists, with an inode, before any name points
     * to it; {@link #linkAt} gives it one. Returns the descriptor.
     */
    public static int createUnnamed(String dir, int mode) throws NativeException {
        while (true) {
            int fd = Native.restoreCalls().open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (e != EINTR) {
                throw new NativeException("open " + dir + " (O_TMPFILE)", e);
            }
        }
    }

    /**
     * Gives the file open as {@code fd} the name {@code path}: {@code linkat(fd, "", AT_FDCWD, path,
     * AT_EMPTY_PATH)}. A name that exists is EEXIST, as with O_EXCL. Needs root (CAP_DAC_READ_SEARCH).
     */
    public static void linkAt(int fd, String path) throws NativeException {
        check(Native.restoreCalls().linkat(fd, "", AT_FDCWD, path, AT_EMPTY_PATH), "linkat " + path);
    }

    /** kill(2). */
    public static void kill(int pid, int signal) throws NativeException {
        check(Native.restoreCalls().kill(pid, signal), "kill " + pid);
    }

    public static void unlink(String path) throws NativeException {
        check(Native.restoreCalls().unlink(path), "unlink " + path);
    }

    /** Closes a descriptor; errors are ignored, since after close(2) the descriptor is gone either way. */
    public static void closeQuietly(int fd) {
        if (fd >= 0) {
            Native.LIBC.close(fd);
        }
    }

    /** ioctl(2) whose argument points at {@code arg} (read, and possibly written, by the kernel). */
    public static void ioctl(int fd, long request, byte[] arg, String what) throws NativeException {
        check(Native.restoreCalls().ioctl(fd, request, arg), what);
    }

    /** ioctl(2) whose argument is the value itself. */
    public static void ioctl(int fd, long request, long value, String what) throws NativeException {
        check(Native.restoreCalls().ioctl(fd, request, value), what);
    }

    /** Moves the calling OS thread (only it) into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) throws NativeException {
        check(Native.LIBC.setns(fd, nstype), "setns");
    }

    public static void unshare(int flags) throws NativeException {
        check(Native.restoreCalls().unshare(flags), "unshare");
    }

    public static void mount(String source, String target, String fstype, long flags, String data)
            throws NativeException {
        check(Native.restoreCalls().mount(source, target, fstype, flags, data), "mount " + target);
    }

    public static void umount2(String target, int flags) throws NativeException {
        check(Native.restoreCalls().umount2(target, flags), "umount2 " + target);
    }

    public static int getpid() {
        return Native.LIBC.getpid();
    }

    private static byte[] sockaddrNl(int portId, int groups) {
        ByteBuffer b = ByteBuffer.allocate(SOCKADDR_NL_SIZE).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_NETLINK).putShort((short) 0).putInt(portId).putInt(groups);
        return b.array();
    }
}
