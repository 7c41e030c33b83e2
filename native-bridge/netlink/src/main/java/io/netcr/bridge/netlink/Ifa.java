package io.netcr.bridge.netlink;

/** Address attributes and flags (linux/if_addr.h). */
public final class Ifa {
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_CACHEINFO = 6;
    /** The full 32-bit flags; the u8 in ifaddrmsg holds only the low 8. */
    public static final int IFA_FLAGS = 8;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_PERMANENT = 0x80;

    private Ifa() {
    }
}
