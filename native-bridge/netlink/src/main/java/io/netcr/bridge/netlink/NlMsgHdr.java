package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/**
 * struct nlmsghdr: the 16-byte header of every netlink message.
 *
 * @param length total message length including this header (nlmsg_len)
 * @param type   message type (NLMSG_* or RTM_*)
 * @param flags  NLM_F_* flags
 * @param seq    sequence number
 * @param portId sending port id (0 from the kernel)
 */
public record NlMsgHdr(int length, int type, int flags, int seq, int portId) implements NetlinkStruct {

    public static final int SIZE = 16;

    public static NlMsgHdr parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "nlmsghdr", offset);
        return new NlMsgHdr(b.getInt(), b.getShort() & 0xffff, b.getShort() & 0xffff, b.getInt(), b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(portId);
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }
}
