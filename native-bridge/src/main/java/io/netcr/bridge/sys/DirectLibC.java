package io.netcr.bridge.sys;

import static io.netcr.bridge.sys.JffiCall.INT;
import static io.netcr.bridge.sys.JffiCall.INVOKER;
import static io.netcr.bridge.sys.JffiCall.PTR;
import static io.netcr.bridge.sys.JffiCall.SIZE;
import static io.netcr.bridge.sys.JffiCall.SSIZE;
import static io.netcr.bridge.sys.JffiCall.address;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.HeapInvocationBuffer;
import java.nio.ByteBuffer;

/** {@link Native.LibC} through jffi ({@link JffiCall}): netlink sockets and namespaces, no generated code. */
final class DirectLibC implements Native.LibC {

    private final JffiCall socket = JffiCall.of("socket", INT, INT, INT, INT);
    private final JffiCall bind = JffiCall.of("bind", INT, INT, PTR, INT);
    private final JffiCall connect = JffiCall.of("connect", INT, INT, PTR, INT);
    private final JffiCall send = JffiCall.of("send", SSIZE, INT, PTR, SIZE, INT);
    private final JffiCall setsockopt = JffiCall.of("setsockopt", INT, INT, INT, INT, PTR, INT);
    private final JffiCall getsockname = JffiCall.of("getsockname", INT, INT, PTR, PTR);
    private final JffiCall recv = JffiCall.of("recv", SSIZE, INT, PTR, SIZE, INT);
    private final JffiCall open = JffiCall.of("open", INT, PTR, INT);
    private final JffiCall close = JffiCall.of("close", INT, INT);
    private final JffiCall setns = JffiCall.of("setns", INT, INT, INT);
    private final JffiCall getpid = JffiCall.of("getpid", INT);

    @Override
    public int socket(int domain, int type, int protocol) {
        return INVOKER.invokeI3(socket.context(), socket.fn(), domain, type, protocol);
    }

    @Override
    public int bind(int fd, byte[] addr, int addrlen) {
        return bind.invokeInt(fd, addr, addrlen);
    }

    @Override
    public int connect(int fd, byte[] addr, int addrlen) {
        return connect.invokeInt(fd, addr, addrlen);
    }

    @Override
    public long send(int fd, ByteBuffer buf, long len, int flags) {
        return INVOKER.invokeN4(send.context(), send.fn(), fd, address(buf), len, flags);
    }

    @Override
    public int setsockopt(int fd, int level, int optname, int[] optval, int optlen) {
        HeapInvocationBuffer b = setsockopt.arguments();
        b.putInt(fd);
        b.putInt(level);
        b.putInt(optname);
        b.putArray(optval, 0, optval.length, ArrayFlags.IN);
        b.putInt(optlen);
        return setsockopt.invokeInt(b);
    }

    @Override
    public int getsockname(int fd, byte[] addr, int[] addrlen) {
        HeapInvocationBuffer b = getsockname.arguments();
        b.putInt(fd);
        b.putArray(addr, 0, addr.length, ArrayFlags.OUT);
        b.putArray(addrlen, 0, addrlen.length, ArrayFlags.IN | ArrayFlags.OUT);
        return getsockname.invokeInt(b);
    }

    @Override
    public long recv(int fd, ByteBuffer buf, long len, int flags) {
        return INVOKER.invokeN4(recv.context(), recv.fn(), fd, address(buf), len, flags);
    }

    @Override
    public int open(String path, int flags) {
        HeapInvocationBuffer b = open.arguments();
        JffiCall.path(b, path);
        b.putInt(flags);
        return open.invokeInt(b);
    }

    @Override
    public int close(int fd) {
        return INVOKER.invokeI1(close.context(), close.fn(), fd);
    }

    @Override
    public int setns(int fd, int nstype) {
        return INVOKER.invokeI2(setns.context(), setns.fn(), fd, nstype);
    }

    @Override
    public int getpid() {
        return INVOKER.invokeI0(getpid.context(), getpid.fn());
    }
}
