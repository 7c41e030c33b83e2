package io.netcr.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A policy routing rule of a namespace ({@code ip rule}), every selector and action of linux/fib_rules.h, so
 * that a restore can make it again as it was. Attributes of newer kernels that have no field here are kept
 * as they came ({@code otherAttributes}) and sent back as they are.
 *
 * @param family          "inet" or "inet6"
 * @param priority        its preference ({@code pref}), 0 to 2^32-1
 * @param selector        what it matches
 * @param action          what it does
 * @param protocol        who made it (FRA_PROTOCOL) in rt_protos words: "kernel" for the defaults, "boot",
 *                        "static", ... or a number; null when the kernel sent none
 * @param otherAttributes FRA_* attributes without a field here, by number, their payload as lower-case hex
 */
public record PolicyRule(String family, long priority, Selector selector, Action action, String protocol,
                         Map<Integer, String> otherAttributes) {

    /** The largest rule preference (u32). */
    public static final long MAX_PRIORITY = 0xffffffffL;

    public PolicyRule {
        Objects.requireNonNull(family, "family");
        selector = selector == null ? Selector.ALL : selector;
        Objects.requireNonNull(action, "action");
        otherAttributes = otherAttributes == null || otherAttributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(otherAttributes));
    }

    /**
     * What a rule matches, as {@code ip rule} words it.
     *
     * @param not     FIB_RULE_INVERT: the rule applies where the rest does not match
     * @param from    source prefix ({@code 10.250.1.0/24}), null for all
     * @param to      destination prefix, null for all
     * @param tos     the TOS byte, 0 for any
     * @param fwmark  FRA_FWMARK, null when absent
     * @param fwmask  FRA_FWMASK, null when absent
     * @param iif     input device name (FRA_IIFNAME), null for any
     * @param oif     output device name (FRA_OIFNAME), null for any
     * @param l3mdev  FRA_L3MDEV: look up the table of the VRF device of iif or oif
     * @param uidRange FRA_UID_RANGE as {@code START-END}, null when absent
     * @param ipProto FRA_IP_PROTO, the IP protocol number, null when absent
     * @param sport   FRA_SPORT_RANGE as {@code PORT} or {@code START-END}, null when absent
     * @param dport   FRA_DPORT_RANGE likewise
     * @param tunId   FRA_TUN_ID, null when absent
     */
    public record Selector(boolean not, String from, String to, int tos, Long fwmark, Long fwmask, String iif,
                           String oif, boolean l3mdev, String uidRange, Integer ipProto, String sport, String dport,
                           Long tunId) {

        /** {@code from all}: matches every packet. */
        public static final Selector ALL = new Selector(false, null, null, 0, null, null, null, null, false, null, null,
                null, null, null);

        public boolean matchesAll() {
            return equals(ALL);
        }

        /** {@code [not ]from PREFIX|all[ to PREFIX][ tos 0xNN][ fwmark 0xM[/0xK]][ iif D][ oif D][ l3mdev]...}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            if (not) {
                s.append("not ");
            }
            s.append("from ").append(from == null ? "all" : shortPrefix(from));
            if (to != null) {
                s.append(" to ").append(shortPrefix(to));
            }
            if (tos != 0) {
                s.append(String.format(" tos 0x%02x", tos));
            }
            if (fwmark != null || fwmask != null) {
                s.append(" fwmark 0x").append(Long.toHexString(fwmark == null ? 0 : fwmark));
                if (fwmask != null && fwmask != 0xffffffffL) {
                    s.append("/0x").append(Long.toHexString(fwmask));
                }
            }
            append(s, "iif", iif);
            append(s, "oif", oif);
            if (l3mdev) {
                s.append(" l3mdev");
            }
            append(s, "uidrange", uidRange);
            if (ipProto != null) {
                s.append(" ipproto ").append(protocolWord(ipProto));
            }
            append(s, "sport", sport);
            append(s, "dport", dport);
            if (tunId != null) {
                s.append(" tun_id ").append(Long.toUnsignedString(tunId));
            }
            return s.toString();
        }
    }

    /**
     * What a rule does.
     *
     * @param kind                 "lookup", "goto", "nop", "blackhole", "unreachable", "prohibit", or
     *                             {@code action N} for an FR_ACT_* without a word
     * @param table                the table a {@code lookup} goes to (u32: 253 default, 254 main, 255 local)
     * @param target               the preference a {@code goto} jumps to
     * @param suppressPrefixLength FRA_SUPPRESS_PREFIXLEN, null when absent
     * @param suppressIfgroup      FRA_SUPPRESS_IFGROUP, null when absent
     * @param realms               FRA_FLOW (source realm in the high 16 bits, destination in the low), null
     *                             when absent
     */
    public record Action(String kind, Long table, Long target, Integer suppressPrefixLength, Integer suppressIfgroup,
                         Long realms) {

        public static final String LOOKUP = "lookup";
        public static final String GOTO = "goto";

        public Action {
            Objects.requireNonNull(kind, "kind");
        }

        /** {@code lookup TABLE}. */
        public static Action lookup(long table) {
            return new Action(LOOKUP, table, null, null, null, null);
        }

        /** {@code lookup 100[ suppress_prefixlength N][ suppress_ifgroup G][ realms A/B]}, {@code goto 200}, ... */
        public String describe() {
            StringBuilder s = new StringBuilder(kind);
            if (LOOKUP.equals(kind)) {
                s.append(' ').append(tableWord(table == null ? 0 : table));
            } else if (GOTO.equals(kind)) {
                s.append(' ').append(target == null ? "?" : Long.toUnsignedString(target));
            }
            if (suppressPrefixLength != null) {
                s.append(" suppress_prefixlength ").append(suppressPrefixLength);
            }
            if (suppressIfgroup != null) {
                s.append(" suppress_ifgroup ").append(suppressIfgroup);
            }
            if (realms != null) {
                long from = realms >>> 16;
                long to = realms & 0xffff;
                s.append(" realms ").append(from != 0 ? from + "/" + to : Long.toString(to));
            }
            return s.toString();
        }
    }

    /**
     * One of the rules every new namespace has (IPv4: 0 lookup local, 32766 main, 32767 default; IPv6:
     * 0 local, 32766 main): the kernel makes them for a restore, which leaves them alone.
     */
    public boolean isKernelDefault() {
        if (!selector.matchesAll() || !Action.LOOKUP.equals(action.kind()) || action.table() == null
                || action.suppressPrefixLength() != null || action.suppressIfgroup() != null || action.realms() != null
                || !otherAttributes.isEmpty()) {
            return false;
        }
        long t = action.table();
        return priority == 0 && t == 255 || priority == 32766 && t == 254
                || priority == 32767 && t == 253 && Address.INET.equals(family);
    }

    public boolean isInet6() {
        return Address.INET6.equals(family);
    }

    /** The selector as {@code ip rule} prints it. */
    public String selectorText() {
        return selector.describe();
    }

    /** The action as {@code ip rule} prints it. */
    public String actionText() {
        return action.describe();
    }

    /**
     * As {@code ip rule show} prints it, with the family for IPv6 and a protocol other than boot's:
     * {@code pref 100: from 10.250.1.0/24 lookup 100 (IPv6)}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder("pref ").append(priority).append(": ").append(selectorText()).append(' ')
                .append(actionText());
        if (protocol != null && !"boot".equals(protocol) && !"unspec".equals(protocol)) {
            s.append(" proto ").append(protocol);
        }
        otherAttributes.forEach((type, hex) -> s.append(" attr").append(type).append(" 0x").append(hex));
        return s.append(isInet6() ? " (IPv6)" : "").toString();
    }

    /** The {@code ip rule add} arguments that make it again: {@code -6 rule add pref 100 from fd00::/64 lookup 100}. */
    public String command() {
        return (isInet6() ? "-6 " : "") + "rule add pref " + priority + " " + selectorText() + " " + actionText()
                + (protocol != null && !"unspec".equals(protocol) && !"boot".equals(protocol) ? " protocol " + protocol : "");
    }

    /** iproute2's word for a table: default, main, local, else its number. */
    public static String tableWord(long table) {
        return table == 253 ? "default" : table == 254 ? "main" : table == 255 ? "local" : Long.toUnsignedString(table);
    }

    private static String shortPrefix(String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            return prefix;
        }
        int len = Integer.parseInt(prefix.substring(slash + 1));
        boolean v6 = prefix.indexOf(':') >= 0;
        return len == (v6 ? 128 : 32) ? prefix.substring(0, slash) : prefix;
    }

    private static void append(StringBuilder s, String word, String value) {
        if (value != null) {
            s.append(' ').append(word).append(' ').append(value);
        }
    }

    /** The names {@code ip rule} prints for the common IP protocols; others as numbers. */
    private static String protocolWord(int p) {
        return switch (p) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 58 -> "ipv6-icmp";
            case 132 -> "sctp";
            default -> Integer.toString(p);
        };
    }
}
