package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/**
 * struct ndmsg (linux/neighbour.h): heads RTM_NEWNEIGH / RTM_DELNEIGH. {@code state} holds NUD_* bits,
 * {@code flags} NTF_* bits (see {@link Nda}); two padding fields keep {@code ifindex} aligned.
 */
public record NdMsg(int family, int ifindex, int state, int flags, int type) implements NetlinkStruct {

    public static final int SIZE = 12;

    public static NdMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "ndmsg", offset);
        int family = b.get() & 0xff;
        b.get(); // ndm_pad1
        b.getShort(); // ndm_pad2
        return new NdMsg(family, b.getInt(), b.getShort() & 0xffff, b.get() & 0xff, b.get() & 0xff);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) 0).putInt(ifindex).putShort((short) state)
                .put((byte) flags).put((byte) type);
    }
}
