package io.netcr.bridge.netlink;

/** Route attributes (linux/rtnetlink.h). */
public final class Rta {
    public static final int RTA_DST = 1;
    public static final int RTA_SRC = 2;
    public static final int RTA_IIF = 3;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_METRICS = 8;
    public static final int RTA_MULTIPATH = 9;
    public static final int RTA_FLOW = 11;
    public static final int RTA_CACHEINFO = 12;
    public static final int RTA_TABLE = 15;
    public static final int RTA_MARK = 16;
    public static final int RTA_VIA = 18;
    public static final int RTA_NEWDST = 19;
    public static final int RTA_PREF = 20;
    public static final int RTA_ENCAP_TYPE = 21;
    public static final int RTA_ENCAP = 22;
    public static final int RTA_EXPIRES = 23;
    public static final int RTA_NH_ID = 30;

    /** rtm_flags / rtnh_flags: the gateway is on the link (RTNH_F_ONLINK). */
    public static final int RTNH_F_ONLINK = 4;
    /** rtm_flags: a cached clone of a route, not one of the table's own. */
    public static final int RTM_F_CLONED = 0x200;

    /** RTA_PREF: an IPv6 route's preference (ICMPV6_ROUTER_PREF_*). */
    public static final int PREF_MEDIUM = 0;
    public static final int PREF_HIGH = 1;
    public static final int PREF_LOW = 3;

    public static final int RT_TABLE_DEFAULT = 253;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    private Rta() {
    }
}
