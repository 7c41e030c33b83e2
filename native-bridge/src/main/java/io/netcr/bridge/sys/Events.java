package io.netcr.bridge.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Checked wrappers for the system calls that wait for events: epoll, eventfd, inotify and pidfd_open.
 * Every descriptor is made close-on-exec; eventfd and inotify descriptors are non-blocking, so a read
 * of an empty one returns 0 here instead of waiting.
 *
 * <p>struct epoll_event is packed on x86-64 (include/uapi/linux/eventpoll.h, EPOLL_PACKED): 12 bytes,
 * the u32 event mask at offset 0 and the u64 data at offset 4, not 8. It is therefore written and read
 * as bytes ({@link #EPOLL_EVENT_SIZE}, {@link #eventMask}, {@link #eventData}), never as a jnr-ffi Struct
 * with natural alignment.
 */
public final class Events {

    public static final int EPOLLIN = 0x001;
    public static final int EPOLLPRI = 0x002;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    /** Size of one packed struct epoll_event. */
    public static final int EPOLL_EVENT_SIZE = 12;

    public static final int IN_MOVED_FROM = 0x40;
    public static final int IN_MOVED_TO = 0x80;
    public static final int IN_CREATE = 0x100;
    public static final int IN_DELETE = 0x200;
    public static final int IN_DELETE_SELF = 0x400;
    public static final int IN_MOVE_SELF = 0x800;
    public static final int IN_UNMOUNT = 0x2000;
    public static final int IN_Q_OVERFLOW = 0x4000;
    public static final int IN_IGNORED = 0x8000;
    public static final int IN_ONLYDIR = 0x01000000;

    public static final int ESRCH = 3;
    public static final int ENOSYS = 38;

    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int CLOEXEC = 0x80000;
    private static final int NONBLOCK = 0x800;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    private Events() {
    }

    public static int epollCreate() throws NativeException {
        return Sys.check(Native.eventCalls().epoll_create1(CLOEXEC), "epoll_create1");
    }

    /** Adds a descriptor to an epoll set; {@code data} comes back with each of its events. */
    public static void epollAdd(int epfd, int fd, int events, long data) throws NativeException {
        byte[] ev = new byte[EPOLL_EVENT_SIZE];
        ByteBuffer.wrap(ev).order(ByteOrder.nativeOrder()).putInt(0, events).putLong(4, data);
        Sys.check(Native.eventCalls().epoll_ctl(epfd, EPOLL_CTL_ADD, fd, ev), "epoll_ctl(ADD)");
    }

    /** Removes a descriptor from an epoll set; one not in it (or closed) is no error. */
    public static void epollDeleteQuietly(int epfd, int fd) {
        Native.eventCalls().epoll_ctl(epfd, EPOLL_CTL_DEL, fd, new byte[EPOLL_EVENT_SIZE]);
    }

    /**
     * Waits for events (timeout in ms, -1 for ever) into a direct buffer of packed events; returns how
     * many arrived, 0 when the wait was interrupted by a signal.
     */
    public static int epollWait(int epfd, ByteBuffer direct, int timeoutMs) throws NativeException {
        int n = Native.eventCalls().epoll_wait(epfd, direct, direct.capacity() / EPOLL_EVENT_SIZE, timeoutMs);
        if (n < 0) {
            int e = Sys.errno();
            if (e == EINTR) {
                return 0;
            }
            throw new NativeException("epoll_wait", e);
        }
        return n;
    }

    /** The event mask of the i-th event in a buffer filled by {@link #epollWait}. */
    public static int eventMask(ByteBuffer events, int i) {
        return events.order(ByteOrder.nativeOrder()).getInt(i * EPOLL_EVENT_SIZE);
    }

    /** The data of the i-th event (offset 4: the struct is packed). */
    public static long eventData(ByteBuffer events, int i) {
        return events.order(ByteOrder.nativeOrder()).getLong(i * EPOLL_EVENT_SIZE + 4);
    }

    /** A non-blocking eventfd, for waking a thread that waits in epoll. */
    public static int eventfd() throws NativeException {
        return Sys.check(Native.eventCalls().eventfd(0, CLOEXEC | NONBLOCK), "eventfd");
    }

    /** Adds 1 to an eventfd's counter, which makes it readable. */
    public static void signal(int eventfd) throws NativeException {
        byte[] one = new byte[8];
        ByteBuffer.wrap(one).order(ByteOrder.nativeOrder()).putLong(0, 1);
        while (true) {
            long n = Native.ioCalls().write(eventfd, one, 8);
            if (n == 8) {
                return;
            }
            int e = Sys.errno();
            if (n >= 0 || (e != EINTR && e != EAGAIN)) {
                throw new NativeException("write eventfd", n >= 0 ? 5 : e);
            }
            if (e == EAGAIN) {
                return; // the counter is at its maximum: it is readable already
            }
        }
    }

    public static int inotifyInit() throws NativeException {
        return Sys.check(Native.eventCalls().inotify_init1(CLOEXEC | NONBLOCK), "inotify_init1");
    }

    /** Watches a path; returns the watch descriptor that its events carry. */
    public static int inotifyAddWatch(int fd, String path, int mask) throws NativeException {
        return Sys.check(Native.eventCalls().inotify_add_watch(fd, path, mask), "inotify_add_watch " + path);
    }

    /**
     * Reads from a non-blocking descriptor into a direct buffer from position 0; returns the bytes read,
     * 0 when nothing is queued.
     */
    public static int read(int fd, ByteBuffer direct) throws NativeException {
        while (true) {
            long n = Native.ioCalls().read(fd, direct, direct.capacity());
            if (n >= 0) {
                return (int) n;
            }
            int e = Sys.errno();
            if (e == EAGAIN) {
                return 0;
            }
            if (e != EINTR) {
                throw new NativeException("read", e);
            }
        }
    }

    /**
     * A descriptor of a process that becomes readable when it exits (pidfd_open(2), Linux 5.3). ESRCH
     * when no such process exists any more.
     */
    public static int pidfdOpen(int pid) throws NativeException {
        int fd;
        try {
            fd = Native.eventCalls().pidfd_open(pid, 0);
        } catch (LinkageError e) {
            throw new NativeException("pidfd_open (not in this libc)", ENOSYS);
        }
        return Sys.check(fd, "pidfd_open " + pid);
    }
}
