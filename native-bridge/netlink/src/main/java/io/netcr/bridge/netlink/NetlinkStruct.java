package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/** A fixed-size kernel struct that heads a message's payload (ifinfomsg, ifaddrmsg, rtmsg, fib_rule_hdr, rtgenmsg). */
public interface NetlinkStruct {

    /** Its size in bytes, before alignment. */
    int size();

    /** Writes it at the buffer's position in native byte order, advancing the position by {@link #size()}. */
    void pack(ByteBuffer b);

    /** Fails with a clear message when fewer than {@code size} bytes remain. */
    static void require(ByteBuffer b, int size, String struct, int offset) {
        if (b.remaining() < size) {
            throw new MalformedMessageException(struct + " needs " + size + " bytes, only " + b.remaining()
                    + " remain", offset);
        }
    }
}
