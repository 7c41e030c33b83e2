package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/** struct rtgenmsg: one family byte, padded to 4 in a message; heads RTM_*NSID. */
public record RtGenMsg(int family) implements NetlinkStruct {

    public static final int SIZE = 1;

    public static RtGenMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "rtgenmsg", offset);
        return new RtGenMsg(b.get() & 0xff);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family);
    }
}
