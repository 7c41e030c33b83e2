package io.netcr.bridge.sys;

import static io.netcr.bridge.sys.JffiCall.INT;
import static io.netcr.bridge.sys.JffiCall.INVOKER;
import static io.netcr.bridge.sys.JffiCall.PTR;
import static io.netcr.bridge.sys.JffiCall.SIZE;
import static io.netcr.bridge.sys.JffiCall.SSIZE;
import static io.netcr.bridge.sys.JffiCall.address;

import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Type;
import java.nio.ByteBuffer;

/**
 * {@link Native.EventCalls} and {@link Native.IoCalls} through jffi ({@link JffiCall}): the namespace registry,
 * which every snapshot starts, and the live monitor wait and read with these, and a checkpoint reads its
 * sysctls with them, so they are on the path of every command that reads the kernel and are bound without
 * generated code too.
 */
final class DirectEventCalls implements Native.EventCalls, Native.IoCalls {

    private final JffiCall epollCreate1 = JffiCall.of("epoll_create1", INT, INT);
    private final JffiCall epollCtl = JffiCall.of("epoll_ctl", INT, INT, INT, INT, PTR);
    private final JffiCall epollWait = JffiCall.of("epoll_wait", INT, INT, PTR, INT, INT);
    private final JffiCall eventfd = JffiCall.of("eventfd", INT, INT, INT);
    private final JffiCall inotifyInit1 = JffiCall.of("inotify_init1", INT, INT);
    private final JffiCall inotifyAddWatch = JffiCall.of("inotify_add_watch", INT, INT, PTR, INT);
    private final JffiCall pidfdOpen = JffiCall.of("pidfd_open", INT, INT, INT);
    private final JffiCall sendto = JffiCall.of("sendto", SSIZE, INT, PTR, SIZE, INT, PTR, INT);
    private final JffiCall read = JffiCall.of("read", SSIZE, INT, PTR, SIZE);
    private final JffiCall write = JffiCall.of("write", SSIZE, INT, PTR, SIZE);
    private final JffiCall pread = JffiCall.of("pread", SSIZE, INT, PTR, SIZE, Type.SLONG);
    private final JffiCall openat = JffiCall.of("openat", INT, INT, PTR, INT);

    @Override
    public int epoll_create1(int flags) {
        return INVOKER.invokeI1(epollCreate1.context(), epollCreate1.fn(), flags);
    }

    @Override
    public int epoll_ctl(int epfd, int op, int fd, byte[] event) {
        HeapInvocationBuffer b = epollCtl.arguments();
        b.putInt(epfd);
        b.putInt(op);
        b.putInt(fd);
        JffiCall.in(b, event);
        return epollCtl.invokeInt(b);
    }

    @Override
    public int epoll_wait(int epfd, ByteBuffer events, int maxevents, int timeout) {
        // an int result through the numeric path: its low 32 bits
        return (int) INVOKER.invokeN4(epollWait.context(), epollWait.fn(), epfd, address(events), maxevents, timeout);
    }

    @Override
    public int eventfd(int initval, int flags) {
        return INVOKER.invokeI2(eventfd.context(), eventfd.fn(), initval, flags);
    }

    @Override
    public int inotify_init1(int flags) {
        return INVOKER.invokeI1(inotifyInit1.context(), inotifyInit1.fn(), flags);
    }

    @Override
    public int inotify_add_watch(int fd, String path, int mask) {
        return inotifyAddWatch.invokeInt(fd, path, mask);
    }

    @Override
    public int pidfd_open(int pid, int flags) {
        return INVOKER.invokeI2(pidfdOpen.context(), pidfdOpen.fn(), pid, flags);
    }

    @Override
    public long sendto(int fd, ByteBuffer buf, long len, int flags, byte[] addr, int addrlen) {
        HeapInvocationBuffer b = sendto.arguments();
        b.putInt(fd);
        b.putAddress(address(buf));
        b.putLong(len);
        b.putInt(flags);
        JffiCall.in(b, addr);
        b.putInt(addrlen);
        return sendto.invokeLong(b);
    }

    @Override
    public long read(int fd, ByteBuffer buf, long count) {
        return INVOKER.invokeN3(read.context(), read.fn(), fd, address(buf), count);
    }

    @Override
    public long pread(int fd, ByteBuffer buf, long count, long offset) {
        return INVOKER.invokeN4(pread.context(), pread.fn(), fd, address(buf), count, offset);
    }

    @Override
    public int openat(int dirfd, String path, int flags) {
        return openat.invokeInt(dirfd, path, flags);
    }

    @Override
    public long write(int fd, byte[] buf, long count) {
        HeapInvocationBuffer b = write.arguments();
        b.putInt(fd);
        JffiCall.in(b, buf);
        b.putLong(count);
        return write.invokeLong(b);
    }
}
