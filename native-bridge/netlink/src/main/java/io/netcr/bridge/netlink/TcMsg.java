package io.netcr.bridge.netlink;

import java.nio.ByteBuffer;

/**
 * struct tcmsg (linux/rtnetlink.h): heads RTM_NEWQDISC and the other traffic-control messages. Three padding
 * bytes follow the family; {@code handle} and {@code parent} are TC handles ({@code MAJOR:MINOR}, 16 bits each).
 */
public record TcMsg(int family, int ifindex, int handle, int parent, int info) implements NetlinkStruct {

    public static final int SIZE = 20;
    /** TC_H_ROOT: the qdisc at the root of a device's egress. */
    public static final int TC_H_ROOT = 0xFFFFFFFF;
    /** TC_H_INGRESS: the parent of an ingress or clsact qdisc. */
    public static final int TC_H_INGRESS = 0xFFFFFFF1;
    /** TCA_KIND: the qdisc's kind ("netem", "htb", ...). */
    public static final int TCA_KIND = 1;

    public static TcMsg parse(ByteBuffer b, int offset) {
        NetlinkStruct.require(b, SIZE, "tcmsg", offset);
        int family = b.get() & 0xff;
        b.get(); // tcm__pad1
        b.getShort(); // tcm__pad2
        return new TcMsg(family, b.getInt(), b.getInt(), b.getInt(), b.getInt());
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void pack(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) 0).putInt(ifindex).putInt(handle).putInt(parent).putInt(info);
    }
}
