package io.netcr.bridge.netlink;

import io.netcr.model.IfaFlags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The words iproute2 prints for rtnetlink numbers, so that netcr's text matches what people know. Each
 * table is here once; the two the model needs itself (scopes and address flags, which images store as
 * numbers and the validator checks) live in the model only: {@link io.netcr.model.RtScope}, {@link IfaFlags}.
 */
public final class RtnlWords {

    private static final String[] OPERSTATES =
        {"unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up"};

    /** NUD_* by bit (0x01 upwards), as ip/ipneigh.c prints them. */
    private static final String[] NUD_STATES =
        {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP", "PERMANENT"};

    /** NTF_* by bit (0x01 upwards), as iproute2 names them. */
    private static final String[] NTF_FLAGS =
        {"use", "self", "master", "proxy", "extern_learn", "offload", "sticky", "router"};

    private static final String[] ROUTE_TYPES = {"unspec", "unicast", "local", "broadcast", "anycast",
        "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"};

    /** iproute2's print order of IFF_* flags, with their bit values. */
    private static final Object[][] LINK_FLAGS = {
        {0x8, "LOOPBACK"}, {0x2, "BROADCAST"}, {0x10, "POINTOPOINT"}, {0x1000, "MULTICAST"}, {0x80, "NOARP"},
        {0x200, "ALLMULTI"}, {0x100, "PROMISC"}, {0x20, "NOTRAILERS"}, {0x4, "DEBUG"}, {0x8000, "DYNAMIC"},
        {0x4000, "AUTOMEDIA"}, {0x2000, "PORTSEL"}, {0x400, "MASTER"}, {0x800, "SLAVE"}, {0x1, "UP"},
        {0x10000, "LOWER_UP"}, {0x20000, "DORMANT"}, {0x40000, "ECHO"}};

    private RtnlWords() {
    }

    /** IF_OPER_* as lower-case words; unknown numbers as their decimal text. */
    public static String operstate(int value) {
        return value >= 0 && value < OPERSTATES.length ? OPERSTATES[value] : Integer.toString(value);
    }

    public static String family(int af) {
        return switch (af) {
            case Nl.AF_INET -> "inet";
            case Nl.AF_INET6 -> "inet6";
            default -> Integer.toString(af);
        };
    }

    /** RTPROT_* as /etc/iproute2/rt_protos names them. */
    public static String protocol(int value) {
        return switch (value) {
            case 0 -> "unspec";
            case 1 -> "redirect";
            case 2 -> "kernel";
            case 3 -> "boot";
            case 4 -> "static";
            case 8 -> "gated";
            case 9 -> "ra";
            case 10 -> "mrt";
            case 11 -> "zebra";
            case 12 -> "bird";
            case 13 -> "dnrouted";
            case 14 -> "xorp";
            case 15 -> "ntk";
            case 16 -> "dhcp";
            case 17 -> "mrouted";
            case 18 -> "keepalived";
            case 42 -> "babel";
            case 99 -> "openr";
            case 186 -> "bgp";
            case 187 -> "isis";
            case 188 -> "ospf";
            case 189 -> "rip";
            case 192 -> "eigrp";
            default -> Integer.toString(value);
        };
    }

    /** A routing table as /etc/iproute2/rt_tables names it: default, main, local, else its number (u32). */
    public static String table(int value) {
        return switch (value) {
            case Rta.RT_TABLE_DEFAULT -> "default";
            case Rta.RT_TABLE_MAIN -> "main";
            case Rta.RT_TABLE_LOCAL -> "local";
            default -> Integer.toUnsignedString(value);
        };
    }

    public static String routeType(int value) {
        return value >= 0 && value < ROUTE_TYPES.length ? ROUTE_TYPES[value] : Integer.toString(value);
    }

    /** IFA_F_* flags as iproute2's words, sorted (the model's one table: {@link IfaFlags}). */
    public static List<String> addressFlags(int flags, int family) {
        return IfaFlags.words(flags, family(family));
    }

    /** IFF_* flags as `ip link` prints them between angle brackets, comma-separated, in its order. */
    public static String linkFlags(int flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & Ifla.IFF_UP) != 0 && (flags & 0x10000) == 0) {
            sb.append("NO-CARRIER");
        }
        for (Object[] f : LINK_FLAGS) {
            if ((flags & (Integer) f[0]) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(f[1]);
            }
        }
        return sb.toString();
    }

    /** NUD_* bits in {@code ip neigh}'s words and order ("PERMANENT", "REACHABLE", ...); no bit is "NONE". */
    public static List<String> neighbourStates(int state) {
        if (state == 0) {
            return List.of("NONE");
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < NUD_STATES.length; i++) {
            if ((state & (1 << i)) != 0) {
                words.add(NUD_STATES[i]);
            }
        }
        for (int i = NUD_STATES.length; i < 16; i++) {
            if ((state & (1 << i)) != 0) {
                words.add(String.format(Locale.ROOT, "0x%x", 1 << i));
            }
        }
        return words;
    }

    /** NTF_* flags as {@code ip neigh} prints them ("router", "proxy", "extern_learn", ...), in bit order. */
    public static List<String> neighbourFlags(int flags) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if ((flags & (1 << i)) != 0) {
                words.add(NTF_FLAGS[i]);
            }
        }
        return Collections.unmodifiableList(words);
    }

    /** The bytes of an Ethernet address written as hex pairs joined by ':' (the inverse of {@link #mac}). */
    public static byte[] macBytes(String text) {
        String[] parts = text.split(":");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    /** A hardware address as lower-case hex pairs joined by colons. */
    public static String mac(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
