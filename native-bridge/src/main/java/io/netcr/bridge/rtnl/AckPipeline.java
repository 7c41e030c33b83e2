package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.MalformedMessageException;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.NetlinkStruct;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.sys.Sys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends many requests on one {@link RtnlSocket}, each with NLM_F_ACK, and reads their ACKs later,
 * matched by sequence number: one round trip per window instead of one per request. rtnetlink runs a
 * request inside the sender's sendmsg, so requests take effect in the order they are sent, whichever
 * socket they go through; only their answers wait. The window keeps unread ACKs well below the
 * socket's receive buffer. Not thread-safe. The socket must not be used for anything else until
 * {@link #drain} has returned.
 */
public final class AckPipeline {

    /** What the kernel answered to the request sent with {@code tag}: errno 0 is success. */
    public record Outcome(int tag, int errno, String kernelMessage) {
        public boolean ok() {
            return errno == 0;
        }
    }

    private static final int RECV_SIZE = 64 * 1024;

    private final RtnlSocket socket;
    private final int window;
    private final ArrayDeque<long[]> pending = new ArrayDeque<>(); // {seq, tag}
    private final List<Outcome> outcomes = new ArrayList<>();
    private ByteBuffer sendBuf = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
    private final ByteBuffer recvBuf = ByteBuffer.allocateDirect(RECV_SIZE).order(ByteOrder.nativeOrder());

    /** @param window ACKs left unread at most; 64 keeps far below a 1 MiB receive buffer */
    public AckPipeline(RtnlSocket socket, int window) {
        this.socket = socket;
        this.window = Math.max(1, window);
    }

    public RtnlSocket socket() {
        return socket;
    }

    /** Sends one request with NLM_F_REQUEST | NLM_F_ACK | {@code flags}; its outcome comes back under {@code tag}. */
    public void send(int type, int flags, NetlinkStruct body, AttributeTree attributes, int tag) throws IOException {
        int seq = socket.nextSeq();
        int len = NetlinkMessages.packedLength(body, attributes);
        if (len > sendBuf.capacity()) {
            sendBuf = ByteBuffer.allocateDirect(Integer.highestOneBit(len) * 2).order(ByteOrder.nativeOrder());
        }
        sendBuf.clear();
        NetlinkMessages.pack(sendBuf, type, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK | flags, seq, socket.portId(), body,
                attributes);
        sendBuf.flip();
        Sys.send(socket.fd(), sendBuf);
        pending.add(new long[] {seq, tag});
        if (pending.size() >= window) {
            receiveUntil(window / 2);
        }
    }

    /** Number of requests whose ACK has not been read. */
    public int pending() {
        return pending.size();
    }

    /** Outcomes already read (while keeping the window), without waiting for more; each is returned once. */
    public List<Outcome> ready() {
        List<Outcome> out = new ArrayList<>(outcomes);
        outcomes.clear();
        return out;
    }

    /** Reads every outstanding ACK and returns all outcomes not returned before, in the order sent. */
    public List<Outcome> drain() throws IOException {
        receiveUntil(0);
        return ready();
    }

    private void receiveUntil(int left) throws IOException {
        while (pending.size() > left) {
            recvBuf.clear();
            int n = Sys.recv(socket.fd(), recvBuf, Sys.MSG_TRUNC);
            if (n > recvBuf.capacity()) {
                throw new NetlinkProtocolException("a " + n + "-byte acknowledgement did not fit the buffer");
            }
            recvBuf.limit(n);
            List<NetlinkMessage> messages;
            try {
                messages = NetlinkMessages.parse(recvBuf);
            } catch (MalformedMessageException e) {
                throw new NetlinkProtocolException("malformed acknowledgement: " + e.getMessage(), e);
            }
            for (NetlinkMessage m : messages) {
                if (m instanceof NetlinkMessage.Error e) {
                    accept(m.header().seq(), e);
                } // anything else (an echo) carries nothing the caller asked for
            }
        }
    }

    private void accept(int seq, NetlinkMessage.Error e) throws NetlinkProtocolException {
        long[] head = pending.peekFirst();
        if (head == null || head[0] != seq) {
            throw new NetlinkProtocolException("acknowledgement for sequence " + seq + ", expected "
                    + (head == null ? "none" : Long.toString(head[0])));
        }
        pending.removeFirst();
        int errno = Math.abs(e.error().error());
        outcomes.add(new Outcome((int) head[1], errno, errno == 0 ? null : e.error().kernelMessage().orElse(null)));
    }
}
