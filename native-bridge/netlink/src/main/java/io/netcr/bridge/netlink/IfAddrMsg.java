package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/** struct ifaddrmsg: heads RTM_NEWADDR. {@code flags} holds only the low 8 bits; IFA_FLAGS has all 32. */
public record IfAddrMsg(int family, int prefixlen, int flags, int scope, int index) implements NetlinkStruct {

    public static final int SIZE = 8;

    public static IfAddrMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "ifaddrmsg", offset);
        return new IfAddrMsg(b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.get() & 0xff, b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) prefixlen).put((byte) flags).put((byte) scope).putInt(index);
    }
}
