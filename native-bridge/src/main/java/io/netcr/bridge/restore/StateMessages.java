package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.FibRuleHdr;
import io.netcr.bridge.netlink.Fra;
import io.netcr.bridge.netlink.Nda;
import io.netcr.bridge.netlink.NdMsg;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpPrefix;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rtnetlink requests of a namespace's rules and permanent neighbours, as data (pure functions, tested
 * on their bytes without a kernel), each with its iproute2 equivalent: {@code ip rule add} and
 * {@code ip neigh add ... nud permanent}. Both with NLM_F_CREATE|NLM_F_EXCL: an equal rule or neighbour that
 * is there already is EEXIST, not changed.
 */
public final class StateMessages {

    private StateMessages() {
    }

    /**
     * {@code ip [-6] rule add pref P [not] from S to D tos T fwmark M/K iif I oif O [l3mdev] uidrange U ipproto N
     * sport A dport B tun_id X lookup T|goto G|nop|blackhole|... suppress_prefixlength L suppress_ifgroup G
     * realms R protocol P}, and every attribute the rule keeps without a name, as it came. FRA_PRIORITY is
     * always sent: without it the kernel would choose a preference.
     */
    public static RestoreMessages.Request addRule(PolicyRule r) {
        int family = r.isInet6() ? Nl.AF_INET6 : Nl.AF_INET;
        PolicyRule.Selector s = r.selector();
        PolicyRule.Action act = r.action();
        AttributeTree a = new AttributeTree().addU32(Fra.FRA_PRIORITY, (int) r.priority());
        int srcLen = prefix(a, Fra.FRA_SRC, s.from(), r.family());
        int dstLen = prefix(a, Fra.FRA_DST, s.to(), r.family());
        if (s.fwmark() != null) {
            a.addU32(Fra.FRA_FWMARK, (int) (long) s.fwmark());
        }
        if (s.fwmask() != null) {
            a.addU32(Fra.FRA_FWMASK, (int) (long) s.fwmask());
        }
        if (s.iif() != null) {
            a.addString(Fra.FRA_IIFNAME, s.iif());
        }
        if (s.oif() != null) {
            a.addString(Fra.FRA_OIFNAME, s.oif());
        }
        if (s.l3mdev()) {
            a.addU8(Fra.FRA_L3MDEV, 1);
        }
        if (s.uidRange() != null) {
            a.add(Fra.FRA_UID_RANGE, range(s.uidRange(), 4));
        }
        if (s.ipProto() != null) {
            a.addU8(Fra.FRA_IP_PROTO, s.ipProto());
        }
        if (s.sport() != null) {
            a.add(Fra.FRA_SPORT_RANGE, range(s.sport(), 2));
        }
        if (s.dport() != null) {
            a.add(Fra.FRA_DPORT_RANGE, range(s.dport(), 2));
        }
        if (s.tunId() != null) {
            a.add(Fra.FRA_TUN_ID, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(s.tunId()).array());
        }
        long table = act.table() == null ? 0 : act.table();
        if (act.table() != null) {
            a.addU32(Fra.FRA_TABLE, (int) table);
        }
        if (act.target() != null) {
            a.addU32(Fra.FRA_GOTO, (int) (long) act.target());
        }
        if (act.suppressPrefixLength() != null) {
            a.addU32(Fra.FRA_SUPPRESS_PREFIXLEN, act.suppressPrefixLength());
        }
        if (act.suppressIfgroup() != null) {
            a.addU32(Fra.FRA_SUPPRESS_IFGROUP, act.suppressIfgroup());
        }
        if (act.realms() != null) {
            a.addU32(Fra.FRA_FLOW, (int) (long) act.realms());
        }
        if (r.protocol() != null) {
            a.addU8(Fra.FRA_PROTOCOL, RestoreMessages.number(r.protocol(), RtnlWords::protocol));
        }
        for (Map.Entry<Integer, String> e : r.otherAttributes().entrySet()) {
            a.add(e.getKey(), HexFormat.of().parseHex(e.getValue()));
        }
        FibRuleHdr h = new FibRuleHdr(family, dstLen, srcLen, s.tos(), table < 256 ? (int) table : 0, 0, 0,
                action(act.kind()), s.not() ? Fra.FIB_RULE_INVERT : 0);
        return new RestoreMessages.Request(Nl.RTM_NEWRULE, RestoreMessages.NLM_F_CREATE | RestoreMessages.NLM_F_EXCL, h, a);
    }

    /** The FR_ACT_* number of an action's word ({@code action N} for one without a word). */
    static int action(String kind) {
        return switch (kind) {
            case PolicyRule.Action.LOOKUP -> Fra.FR_ACT_TO_TBL;
            case PolicyRule.Action.GOTO -> Fra.FR_ACT_GOTO;
            case "nop" -> Fra.FR_ACT_NOP;
            case "blackhole" -> Fra.FR_ACT_BLACKHOLE;
            case "unreachable" -> Fra.FR_ACT_UNREACHABLE;
            case "prohibit" -> Fra.FR_ACT_PROHIBIT;
            default -> {
                if (kind.matches("action \\d{1,3}") && Integer.parseInt(kind.substring(7)) < 256) {
                    yield Integer.parseInt(kind.substring(7));
                }
                throw new IllegalArgumentException("not a rule action: " + kind);
            }
        };
    }

    /** Adds the prefix's address (when there is one) and returns its length (0 for all). */
    private static int prefix(AttributeTree a, int type, String prefix, String family) {
        if (prefix == null) {
            return 0;
        }
        IpPrefix p = IpPrefix.parse(prefix, family).orElseThrow(() -> new IllegalArgumentException("not an " + family
                + " prefix: " + prefix));
        a.add(type, p.address().bytes());
        return p.length();
    }

    /** {@code START-END} or {@code PORT} as two host-order numbers of {@code size} bytes each. */
    static byte[] range(String text, int size) {
        int dash = text.indexOf('-');
        long start = Long.parseLong(dash < 0 ? text : text.substring(0, dash));
        long end = Long.parseLong(dash < 0 ? text : text.substring(dash + 1));
        ByteBuffer b = ByteBuffer.allocate(2 * size).order(ByteOrder.nativeOrder());
        if (size == 4) {
            b.putInt((int) start).putInt((int) end);
        } else {
            b.putShort((short) start).putShort((short) end);
        }
        return b.array();
    }

    /**
     * {@code ip neigh add ADDRESS lladdr MAC dev D nud permanent [router]}: NUD_PERMANENT and the entry's
     * NTF_* flags (router, proxy, ...).
     */
    public static RestoreMessages.Request addNeighbour(int ifindex, Neighbour n) {
        int family = n.family().equals("inet6") ? Nl.AF_INET6 : Nl.AF_INET;
        AttributeTree a = new AttributeTree().add(Nda.NDA_DST, RestoreMessages.ip(n.address()));
        if (n.lladdr() != null) {
            a.add(Nda.NDA_LLADDR, RestoreMessages.mac(n.lladdr()));
        }
        NdMsg m = new NdMsg(family, ifindex, Nda.NUD_PERMANENT, flags(n.flags()), 0);
        return new RestoreMessages.Request(Nl.RTM_NEWNEIGH, RestoreMessages.NLM_F_CREATE | RestoreMessages.NLM_F_EXCL, m, a);
    }

    /** The NTF_* bits of iproute2's words; a word without a bit is refused. */
    static int flags(List<String> words) {
        int bits = 0;
        for (String w : words) {
            int bit = -1;
            for (int i = 0; i < 8; i++) {
                if (RtnlWords.neighbourFlags(1 << i).contains(w)) {
                    bit = 1 << i;
                }
            }
            if (bit < 0) {
                throw new IllegalArgumentException("not a neighbour flag: " + w);
            }
            bits |= bit;
        }
        return bits;
    }
}
