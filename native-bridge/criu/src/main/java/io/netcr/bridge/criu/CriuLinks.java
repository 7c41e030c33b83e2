package io.netcr.bridge.criu;

import io.netcr.model.Device;

/** How CRIU's link records map onto netcr's device fields. */
final class CriuLinks {

    static final int IFF_UP = 0x1;
    static final int IFF_LOWER_UP = 0x10000;
    static final int IFF_DORMANT = 0x20000;

    /** CRIU's nd_type numbers (images/netdev.proto). */
    static final int LOOPBACK = 1;
    static final int VETH = 2;
    static final int TUN = 3;
    static final int EXTLINK = 4;
    static final int VENET = 5;
    static final int BRIDGE = 6;
    static final int MACVLAN = 7;
    static final int SIT = 8;

    /** The loopback's hardware address, which CRIU does not record (it never dumps lo's address). */
    static final String LOOPBACK_MAC = "00:00:00:00:00:00";

    static final int ETH_ALEN = 6;
    static final int MAX_ADDR_LEN = 32;
    static final int IFNAMSIZ = 16;

    private CriuLinks() {
    }

    /** Why a record cannot be a device (ifindex 0 or below, a name the kernel would refuse), or null. */
    static String invalid(int ifindex, String name) {
        if (ifindex <= 0) {
            return "ifindex " + Integer.toUnsignedString(ifindex) + " is not a valid interface index";
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes >= IFNAMSIZ) {
            return "name '" + name + "' has " + bytes + " bytes; an interface name has 1 to " + (IFNAMSIZ - 1);
        }
        if (name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':'
                || Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "name '" + name + "' is not one the kernel accepts (no '/', ':', white space or control characters)";
        }
        return null;
    }

    /** Link types whose hardware address is a 6-byte Ethernet address. */
    static boolean isEthernet(int type) {
        return type == VETH || type == BRIDGE || type == MACVLAN;
    }

    /**
     * netcr's kind for a CRIU link type: the kernel's IFLA_INFO_KIND where there is one. EXTLINK (a link
     * CRIU does not know how to create, e.g. a physical device) has no kind: "". Null for an unknown number.
     */
    static String kind(int type) {
        return switch (type) {
            case LOOPBACK -> Device.LOOPBACK;
            case VETH -> Device.VETH;
            case TUN -> "tun";
            case EXTLINK -> "";
            case VENET -> "venet";
            case BRIDGE -> Device.BRIDGE;
            case MACVLAN -> "macvlan";
            case SIT -> "sit";
            default -> null;
        };
    }

    /** CRIU's own name of the type, kept as the device property {@code criu.type}. */
    static String typeName(int type) {
        return switch (type) {
            case LOOPBACK -> "LOOPBACK";
            case VETH -> "VETH";
            case TUN -> "TUN";
            case EXTLINK -> "EXTLINK";
            case VENET -> "VENET";
            case BRIDGE -> "BRIDGE";
            case MACVLAN -> "MACVLAN";
            case SIT -> "SIT";
            default -> Integer.toString(type);
        };
    }

    /**
     * CRIU does not record IFLA_OPERSTATE; this derives it from the flags it does record, as the kernel
     * would have reported it: the loopback says "unknown"; down is "down"; up with carrier (IFF_LOWER_UP)
     * is "up", or "dormant" with IFF_DORMANT; a veth up without carrier is "lowerlayerdown" (its peer is
     * down), any other device "down".
     */
    static String operstate(int type, int flags) {
        if (type == LOOPBACK) {
            return "unknown";
        }
        if ((flags & IFF_UP) == 0) {
            return "down";
        }
        if ((flags & IFF_LOWER_UP) != 0) {
            return (flags & IFF_DORMANT) != 0 ? "dormant" : "up";
        }
        return type == VETH ? "lowerlayerdown" : "down";
    }
}
