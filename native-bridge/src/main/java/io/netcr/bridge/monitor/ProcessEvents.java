package io.netcr.bridge.monitor;

import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The proc connector (NETLINK_CONNECTOR, CN_IDX_PROC): the kernel's report of every fork, exec and exit,
 * read without blocking. The monitor uses it only to learn that a process may have entered a network
 * namespace it does not know (there is no kernel event for a namespace being made: the new process's
 * {@code /proc/PID/ns/net} says), and that a process it saw holding one exited (the holder list changes).
 * It never decides that a namespace is gone: that is the namespace registry's pidfd, since the connector
 * can drop events ({@link #drain} then says so, and the monitor scans /proc once).
 *
 * <p>Layouts: include/uapi/linux/connector.h (struct cn_msg, 20 bytes) and cn_proc.h (struct proc_event:
 * what, cpu, timestamp_ns at offset 8, the event's data at offset 16).
 */
final class ProcessEvents implements AutoCloseable {

    /** What one event says. */
    interface Sink {
        /** A process (thread-group leader) began, or exec'd: {@code pid} may be in a new namespace. */
        void started(int pid);

        /** A process (thread-group leader) exited. */
        void exited(int pid);
    }

    private static final int SOCK_DGRAM = 2;
    private static final int NETLINK_CONNECTOR = 11;
    private static final int CN_IDX_PROC = 1;
    private static final int CN_VAL_PROC = 1;
    private static final int PROC_CN_MCAST_LISTEN = 1;
    private static final int NLMSG_DONE = 3;
    private static final int NLMSG_HDR = 16;
    private static final int CN_MSG = 20;
    private static final int EVENT_DATA = NLMSG_HDR + CN_MSG + 16;
    private static final int PROC_EVENT_FORK = 0x1;
    private static final int PROC_EVENT_EXEC = 0x2;
    private static final int PROC_EVENT_EXIT = 0x80000000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;
    private static final int ENOBUFS = 105;

    private final int fd;

    private ProcessEvents(int fd) {
        this.fd = fd;
    }

    /**
     * Subscribes. Fails (EPERM, ECONNREFUSED, ...) outside the initial user and PID namespaces or without
     * CAP_NET_ADMIN: then namespaces held only by processes are found by the monitor's rescans only.
     */
    static ProcessEvents open() throws NativeException {
        int fd = Sys.socket(Sys.AF_NETLINK, SOCK_DGRAM | Sys.SOCK_CLOEXEC, NETLINK_CONNECTOR);
        try {
            try {
                Sys.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, 1 << 20);
            } catch (NativeException e) {
                // not root: the default buffer; an overflow costs one rescan
            }
            Sys.bindNetlink(fd, 0, CN_IDX_PROC);
            ByteBuffer msg = ByteBuffer.allocateDirect(NLMSG_HDR + CN_MSG + 4).order(ByteOrder.nativeOrder());
            msg.putInt(NLMSG_HDR + CN_MSG + 4).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0)
                    .putInt(Sys.getpid());                                  // nlmsghdr
            msg.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0)   // cb_id, seq, ack
                    .putShort((short) 4).putShort((short) 0);                 // len, flags
            msg.putInt(PROC_CN_MCAST_LISTEN);
            msg.flip();
            Sys.sendtoNetlink(fd, msg, 0);
            return new ProcessEvents(fd);
        } catch (NativeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    int fd() {
        return fd;
    }

    /** Reports every queued event; false when some were lost (ENOBUFS). */
    boolean drain(ByteBuffer direct, Sink sink) throws NativeException {
        boolean whole = true;
        while (true) {
            direct.clear();
            int n;
            try {
                n = Sys.recv(fd, direct, MSG_DONTWAIT);
            } catch (NativeException e) {
                if (e.errnoNumber() == EAGAIN) {
                    return whole;
                }
                if (e.errnoNumber() == ENOBUFS) {
                    whole = false;
                    continue;
                }
                throw e;
            }
            ByteBuffer b = direct.duplicate().order(ByteOrder.nativeOrder());
            int off = 0;
            while (off + EVENT_DATA <= n) {
                int len = b.getInt(off);
                if (len < NLMSG_HDR || off + len > n) {
                    break;
                }
                event(b, off, len, sink);
                off += (len + 3) & ~3;
            }
        }
    }

    private static void event(ByteBuffer b, int off, int len, Sink sink) {
        int what = b.getInt(off + NLMSG_HDR + CN_MSG);
        int data = off + EVENT_DATA;
        if (what == PROC_EVENT_FORK && len >= EVENT_DATA + 16) {
            int childPid = b.getInt(data + 8);
            int childTgid = b.getInt(data + 12);
            if (childPid == childTgid) {
                sink.started(childTgid);
            }
        } else if (what == PROC_EVENT_EXEC && len >= EVENT_DATA + 8) {
            sink.started(b.getInt(data + 4));
        } else if (what == PROC_EVENT_EXIT && len >= EVENT_DATA + 8) {
            int pid = b.getInt(data);
            int tgid = b.getInt(data + 4);
            if (pid == tgid) {
                sink.exited(tgid);
            }
        }
    }

    @Override
    public void close() {
        Sys.closeQuietly(fd);
    }
}
