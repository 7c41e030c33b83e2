package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/** struct rtmsg: heads RTM_NEWROUTE. {@code table} is 8 bits; RTA_TABLE carries tables above 255. */
public record RtMsg(int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope, int type,
                    int flags) implements NetlinkStruct {

    public static final int SIZE = 12;

    public static RtMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "rtmsg", offset);
        return new RtMsg(b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff,
                b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) dstLen).put((byte) srcLen).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }
}
