package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.FibRuleHdr;
import io.netcr.bridge.netlink.Fra;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.checkpoint.PolicyRule;

/**
 * RTM_NEWRULE / RTM_DELRULE as a {@link PolicyRule} in iproute2's words, the way {@code ip rule show}
 * prints it: selector ({@code [not] from PREFIX|all [to PREFIX] [tos] [fwmark] [iif] [oif] [ipproto]}) and
 * action ({@code lookup TABLE [suppress_prefixlength N]}, {@code goto}, {@code nop}, {@code blackhole}, ...).
 * Selectors netcr does not name are left out: the text is for a person, who can ask {@code ip rule}.
 * Only inet and inet6 reach it (see RtnlMapper).
 */
final class RuleMapping {

    private static final int NO_SUPPRESS = -1;

    private RuleMapping() {
    }

    /** An inet or inet6 message (the caller has checked). */
    static PolicyRule map(NetlinkMessage.Rule m) {
        FibRuleHdr h = m.info();
        AttributeTree a = m.attributes();
        Attribute priority = a.find(Fra.FRA_PRIORITY); // the kernel sends none for pref 0
        return new PolicyRule(RtnlWords.family(h.family()), priority == null ? 0 : priority.u32Long(),
                selector(h, a), action(h, a));
    }

    private static String selector(FibRuleHdr h, AttributeTree a) {
        StringBuilder s = new StringBuilder();
        if ((h.flags() & Fra.FIB_RULE_INVERT) != 0) {
            s.append("not ");
        }
        s.append("from ").append(prefix(a.bytesOrNull(Fra.FRA_SRC), h.srcLen(), h.family(), "source"));
        if (h.dstLen() > 0 && a.has(Fra.FRA_DST)) {
            s.append(" to ").append(prefix(a.bytesOrNull(Fra.FRA_DST), h.dstLen(), h.family(), "destination"));
        }
        if (h.tos() != 0) {
            s.append(String.format(" tos 0x%02x", h.tos()));
        }
        Attribute mark = a.find(Fra.FRA_FWMARK);
        Attribute mask = a.find(Fra.FRA_FWMASK);
        if (mark != null && (mark.u32() != 0 || mask != null && mask.u32() != 0)) {
            s.append(" fwmark 0x").append(Integer.toHexString(mark.u32()));
            if (mask != null && mask.u32() != -1) {
                s.append("/0x").append(Integer.toHexString(mask.u32()));
            }
        }
        if (a.has(Fra.FRA_IIFNAME)) {
            s.append(" iif ").append(a.stringOr(Fra.FRA_IIFNAME, ""));
        }
        if (a.has(Fra.FRA_OIFNAME)) {
            s.append(" oif ").append(a.stringOr(Fra.FRA_OIFNAME, ""));
        }
        if (a.has(Fra.FRA_IP_PROTO)) {
            s.append(" ipproto ").append(a.u8Or(Fra.FRA_IP_PROTO, 0));
        }
        return s.toString();
    }

    private static String action(FibRuleHdr h, AttributeTree a) {
        String action = switch (h.action()) {
            case Fra.FR_ACT_TO_TBL -> "lookup " + RtnlWords.table(a.u32Or(Fra.FRA_TABLE, h.table()));
            case Fra.FR_ACT_GOTO -> "goto " + Integer.toUnsignedString(a.u32Or(Fra.FRA_GOTO, 0));
            case Fra.FR_ACT_NOP -> "nop";
            case Fra.FR_ACT_BLACKHOLE -> "blackhole";
            case Fra.FR_ACT_UNREACHABLE -> "unreachable";
            case Fra.FR_ACT_PROHIBIT -> "prohibit";
            default -> "action " + h.action();
        };
        int suppress = a.u32Or(Fra.FRA_SUPPRESS_PREFIXLEN, NO_SUPPRESS);
        return suppress == NO_SUPPRESS ? action : action + " suppress_prefixlength " + suppress;
    }

    /** {@code all} for length 0; an address of its full length without "/len", as iproute2 prints it. */
    private static String prefix(byte[] ip, int len, int family, String what) {
        if (ip == null || len == 0) {
            return "all";
        }
        String text = IpBytes.text(ip, family, "rule " + what);
        return IpBytes.prefixLength(len, family, "rule " + what) == ip.length * 8 ? text : text + "/" + len;
    }
}
