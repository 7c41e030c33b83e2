package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/** struct ifinfomsg: heads RTM_NEWLINK / RTM_GETLINK. {@code flags} are the IFF_* device flags. */
public record IfInfoMsg(int family, int type, int index, int flags, int change) implements NetlinkStruct {

    public static final int SIZE = 16;

    public static IfInfoMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "ifinfomsg", offset);
        int family = b.get() & 0xff;
        b.get(); // padding
        return new IfInfoMsg(family, b.getShort() & 0xffff, b.getInt(), b.getInt(), b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
    }
}
