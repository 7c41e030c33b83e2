package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.MalformedMessageException;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.NetlinkStruct;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A NETLINK_ROUTE socket. It stays bound to the network namespace of the thread that opened it, so one
 * socket per namespace can be kept and used from any thread afterwards. Not thread-safe: one request
 * at a time.
 */
public final class RtnlSocket implements AutoCloseable {

    /** The kernel fills at most 32 KiB per dump datagram; twice that leaves room. */
    private static final int RECV_SIZE = 64 * 1024;
    private static final int RCVBUF = 1024 * 1024;

    private final int fd;
    private final int portId;
    /**
     * Buffers belong to the thread, not the socket: discovery keeps a socket per namespace (a thousand
     * sockets must not each hold 64 KiB of direct memory), and a socket is used by one thread at a time.
     */
    private static final ThreadLocal<ByteBuffer> RECV_BUF =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(RECV_SIZE).order(ByteOrder.nativeOrder()));
    private static final ThreadLocal<ByteBuffer> SEND_BUF =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder()));
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private RtnlSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens a socket in the calling thread's network namespace, with extended ack and strict checking. */
    public static RtnlSocket open() throws NativeException {
        int fd = Sys.socket(Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, Nl.NETLINK_ROUTE);
        try {
            try {
                Sys.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, RCVBUF);
            } catch (NativeException e) {
                Sys.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUF, RCVBUF); // not root: capped by rmem_max
            }
            Sys.setsockopt(fd, Sys.SOL_NETLINK, Nl.NETLINK_EXT_ACK, 1);
            Sys.setsockopt(fd, Sys.SOL_NETLINK, Nl.NETLINK_GET_STRICT_CHK, 1);
            Sys.bindNetlink(fd, 0, 0);
            Sys.connectNetlink(fd, 0); // from now on only the kernel can send to this socket
            return new RtnlSocket(fd, Sys.netlinkPortId(fd));
        } catch (NativeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    public int portId() {
        return portId;
    }

    /** The descriptor, for {@link AckPipeline}, which sends many requests before reading their ACKs. */
    int fd() throws NetlinkProtocolException {
        ensureOpen();
        return fd;
    }

    /** The next sequence number; shared with {@link AckPipeline} so the two never reuse one. */
    int nextSeq() {
        return ++seq;
    }

    /**
     * Dumps ({@code NLM_F_DUMP}) and returns every message up to NLMSG_DONE. Throws
     * {@link DumpInterruptedException} (after reading to the end) when the kernel flagged the dump.
     */
    public List<NetlinkMessage> dump(int type, NetlinkStruct body, AttributeTree attributes) throws IOException {
        return exchange(type, Nl.NLM_F_REQUEST | Nl.NLM_F_DUMP, body, attributes);
    }

    /** Sends one request and returns its reply messages (an ACK is not returned); errors are thrown. */
    public List<NetlinkMessage> request(int type, int flags, NetlinkStruct body, AttributeTree attributes)
            throws IOException {
        return exchange(type, Nl.NLM_F_REQUEST | flags, body, attributes);
    }

    private List<NetlinkMessage> exchange(int type, int flags, NetlinkStruct body, AttributeTree attributes)
            throws IOException {
        ensureOpen();
        int mySeq = ++seq;
        send(type, flags, mySeq, body, attributes);
        ReplyCollector replies = new ReplyCollector("netlink request type " + type, mySeq, portId, flags);
        while (!replies.accept(receive("netlink request type " + type))) {
            // more datagrams to come
        }
        return replies.messages();
    }

    private void send(int type, int flags, int mySeq, NetlinkStruct body, AttributeTree attributes)
            throws NativeException {
        int len = NetlinkMessages.packedLength(body, attributes);
        ByteBuffer sendBuf = SEND_BUF.get();
        if (len > sendBuf.capacity()) {
            sendBuf = ByteBuffer.allocateDirect(Integer.highestOneBit(len) * 2).order(ByteOrder.nativeOrder());
            SEND_BUF.set(sendBuf);
        }
        sendBuf.clear();
        NetlinkMessages.pack(sendBuf, type, flags, mySeq, portId, body, attributes);
        sendBuf.flip();
        Sys.send(fd, sendBuf);
    }

    private List<NetlinkMessage> receive(String what) throws IOException {
        ByteBuffer recvBuf = RECV_BUF.get();
        recvBuf.clear();
        // The socket is connected to the kernel, which is then the only sender it accepts.
        int n = Sys.recv(fd, recvBuf, Sys.MSG_TRUNC);
        if (n > recvBuf.capacity()) {
            throw new NetlinkProtocolException(what + ": a " + n + "-byte datagram did not fit the "
                    + recvBuf.capacity() + "-byte buffer");
        }
        // Copy out: the direct buffer is reused by the next receive, the messages must outlive it.
        byte[] copy = new byte[n];
        recvBuf.limit(n);
        recvBuf.get(copy);
        return decode(copy, what);
    }

    /** The messages of one received datagram; damage is a {@link NetlinkProtocolException} naming its offset. */
    static List<NetlinkMessage> decode(byte[] datagram, String what) throws NetlinkProtocolException {
        try {
            return NetlinkMessages.parse(ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()));
        } catch (MalformedMessageException e) {
            throw new NetlinkProtocolException(what + ": malformed reply: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws NetlinkProtocolException {
        if (closed) {
            throw new NetlinkProtocolException("netlink socket is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Sys.closeQuietly(fd);
        }
    }
}
