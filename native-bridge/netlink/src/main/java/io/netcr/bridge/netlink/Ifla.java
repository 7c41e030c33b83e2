package io.netcr.bridge.netlink;

/** Link attributes and flags (linux/if_link.h, linux/if.h). */
public final class Ifla {
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_BROADCAST = 2;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_MASTER = 10;
    public static final int IFLA_OPERSTATE = 16;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_EXT_MASK = 29;
    public static final int IFLA_AF_SPEC = 26;
    public static final int IFLA_CARRIER = 33;
    public static final int IFLA_LINK_NETNSID = 37;

    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_INFO_SLAVE_KIND = 4;

    /** Inside IFLA_AF_SPEC, the nest of family AF_INET6 holds IFLA_INET6_*. */
    public static final int IFLA_INET6_ADDR_GEN_MODE = 8;

    public static final int IFF_UP = 0x1;
    public static final int IFF_LOOPBACK = 0x8;

    private Ifla() {
    }
}
