package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.FibRuleHdr;
import io.netcr.bridge.netlink.Fra;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.PolicyRule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * RTM_NEWRULE / RTM_DELRULE as a {@link PolicyRule}, every selector and action of linux/fib_rules.h in the
 * fields {@code ip rule} prints: {@code [not] from PREFIX to PREFIX tos fwmark/mask iif oif l3mdev uidrange
 * ipproto sport dport tun_id} and {@code lookup TABLE suppress_prefixlength suppress_ifgroup realms},
 * {@code goto}, {@code nop}, {@code blackhole}, ... An attribute this code has no name for (a newer kernel's,
 * FRA_DSCP say) is kept as it came, so that a restore sends it back. Only inet and inet6 reach it (see
 * RtnlMapper).
 */
final class RuleMapping {

    private static final HexFormat HEX = HexFormat.of();

    private RuleMapping() {
    }

    /** An inet or inet6 message (the caller has checked). */
    static PolicyRule map(NetlinkMessage.Rule m) {
        FibRuleHdr h = m.info();
        AttributeTree a = m.attributes();
        Attribute priority = a.find(Fra.FRA_PRIORITY); // the kernel sends none for pref 0
        boolean l3mdev = a.u8Or(Fra.FRA_L3MDEV, 0) != 0;
        PolicyRule.Selector selector = new PolicyRule.Selector((h.flags() & Fra.FIB_RULE_INVERT) != 0,
                prefix(a.bytesOrNull(Fra.FRA_SRC), h.srcLen(), h.family(), "source"),
                prefix(a.bytesOrNull(Fra.FRA_DST), h.dstLen(), h.family(), "destination"),
                h.tos(), unsigned(a.find(Fra.FRA_FWMARK)), unsigned(a.find(Fra.FRA_FWMASK)),
                a.stringOr(Fra.FRA_IIFNAME, null), a.stringOr(Fra.FRA_OIFNAME, null), l3mdev,
                range(a.find(Fra.FRA_UID_RANGE), 4, "uid range"), a.has(Fra.FRA_IP_PROTO) ? a.u8Or(Fra.FRA_IP_PROTO, 0) : null,
                range(a.find(Fra.FRA_SPORT_RANGE), 2, "source port range"),
                range(a.find(Fra.FRA_DPORT_RANGE), 2, "destination port range"), tunId(a.find(Fra.FRA_TUN_ID)));
        Attribute suppressLen = a.find(Fra.FRA_SUPPRESS_PREFIXLEN);
        Attribute suppressGroup = a.find(Fra.FRA_SUPPRESS_IFGROUP);
        Attribute flow = a.find(Fra.FRA_FLOW);
        String kind = action(h.action());
        boolean lookup = h.action() == Fra.FR_ACT_TO_TBL;
        PolicyRule.Action action = new PolicyRule.Action(kind,
                lookup && !l3mdev ? Integer.toUnsignedLong(a.u32Or(Fra.FRA_TABLE, h.table())) : null,
                h.action() == Fra.FR_ACT_GOTO ? unsigned(a.find(Fra.FRA_GOTO)) : null,
                suppressLen == null || suppressLen.u32() == -1 ? null : suppressLen.u32(),
                suppressGroup == null || suppressGroup.u32() == -1 ? null : suppressGroup.u32(),
                flow == null || flow.u32() == 0 ? null : Integer.toUnsignedLong(flow.u32()));
        Attribute proto = a.find(Fra.FRA_PROTOCOL);
        return new PolicyRule(RtnlWords.family(h.family()), priority == null ? 0 : priority.u32Long(), selector, action,
                proto == null ? null : RtnlWords.protocol(proto.u8()), others(a));
    }

    private static String action(int action) {
        return switch (action) {
            case Fra.FR_ACT_TO_TBL -> PolicyRule.Action.LOOKUP;
            case Fra.FR_ACT_GOTO -> PolicyRule.Action.GOTO;
            case Fra.FR_ACT_NOP -> "nop";
            case Fra.FR_ACT_BLACKHOLE -> "blackhole";
            case Fra.FR_ACT_UNREACHABLE -> "unreachable";
            case Fra.FR_ACT_PROHIBIT -> "prohibit";
            default -> "action " + action;
        };
    }

    /** {@code ADDRESS/LEN}, or null for all (length 0, as the kernel says of "from all"). */
    private static String prefix(byte[] ip, int len, int family, String what) {
        if (ip == null || len == 0) {
            return null;
        }
        return IpBytes.text(ip, family, "rule " + what) + "/" + IpBytes.prefixLength(len, family, "rule " + what);
    }

    private static Long unsigned(Attribute a) {
        return a == null ? null : a.u32Long();
    }

    /** struct fib_rule_uid_range (two u32) or fib_rule_port_range (two u16), host order: {@code START-END}. */
    private static String range(Attribute a, int size, String what) {
        if (a == null) {
            return null;
        }
        byte[] b = a.bytes();
        if (b.length != 2 * size) {
            throw new IllegalArgumentException("a rule " + what + " of " + b.length + " bytes (expected " + 2 * size + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        long start = size == 4 ? Integer.toUnsignedLong(buf.getInt()) : buf.getShort() & 0xffff;
        long end = size == 4 ? Integer.toUnsignedLong(buf.getInt()) : buf.getShort() & 0xffff;
        return size == 2 && start == end ? Long.toString(start) : start + "-" + end;
    }

    /** FRA_TUN_ID: a 64-bit id in network order. */
    private static Long tunId(Attribute a) {
        if (a == null) {
            return null;
        }
        byte[] b = a.bytes();
        if (b.length != 8) {
            throw new IllegalArgumentException("a rule tunnel id of " + b.length + " bytes (expected 8)");
        }
        return ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).getLong();
    }

    /** The attributes above those this file names (FRA_PAD aside), as hex by type. */
    private static Map<Integer, String> others(AttributeTree a) {
        Map<Integer, String> out = new HashMap<>();
        for (Attribute x : a.all()) {
            if (x.type() > Fra.FRA_NAMED_MAX) {
                out.putIfAbsent(x.type(), HEX.formatHex(x.bytes()));
            }
        }
        return out;
    }
}
