package io.netcr.bridge.criu;

import io.netcr.bridge.netlink.Attribute;
import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Fra;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Address;
import io.netcr.model.IpText;
import io.netcr.model.Route;
import java.util.Map;
import java.util.Optional;

/**
 * Turns decoded rtnetlink messages from CRIU's images into netcr's records, with iproute2's words for
 * numbers (RtnlWords). Throws {@link IllegalArgumentException} with a sentence for a message that cannot
 * be one (an address of the wrong length); the caller turns it into a diagnostic on that record.
 */
final class NetlinkMapper {

    private NetlinkMapper() {
    }

    /** An address and the ifindex of its device. */
    record IndexedAddress(int ifindex, Address address) {
    }

    /** Null when the family is neither inet nor inet6 (nothing netcr models). */
    static IndexedAddress address(NetlinkMessage.Addr m, Map<Integer, String> namesByIndex) {
        int family = m.info().family();
        if (family != Nl.AF_INET && family != Nl.AF_INET6) {
            return null;
        }
        AttributeTree a = m.attributes();
        byte[] ip = a.bytes(Ifa.IFA_LOCAL).or(() -> a.bytes(Ifa.IFA_ADDRESS))
                .orElseThrow(() -> new IllegalArgumentException("an address message without IFA_LOCAL or IFA_ADDRESS"));
        String text = ipText(ip, family, "address");
        int flags = a.u32(Ifa.IFA_FLAGS).orElse(m.info().flags());
        String label = a.string(Ifa.IFA_LABEL).orElse(null);
        String devName = namesByIndex.get(m.info().index());
        if (label != null && label.equals(devName)) {
            label = null;
        }
        Address address = new Address(RtnlWords.family(family), text, m.info().prefixlen(),
                RtnlWords.scope(m.info().scope()), RtnlWords.addressFlags(flags, family), label);
        return new IndexedAddress(m.info().index(), address);
    }

    /** The table a route is in: RTA_TABLE when present (tables above 255), else rtm_table. */
    static int table(NetlinkMessage.Route m) {
        return m.attributes().u32(Rta.RTA_TABLE).orElse(m.info().table());
    }

    /** Null when the family is neither inet nor inet6. {@code device} names RTA_OIF, or is null. */
    static Route route(NetlinkMessage.Route m, Map<Integer, String> namesByIndex) {
        int family = m.info().family();
        if (family != Nl.AF_INET && family != Nl.AF_INET6) {
            return null;
        }
        AttributeTree a = m.attributes();
        Optional<byte[]> dst = a.bytes(Rta.RTA_DST);
        String destination = dst.isEmpty() && m.info().dstLen() == 0 ? "default"
                : (dst.isPresent() ? ipText(dst.get(), family, "destination") : zero(family)) + "/" + m.info().dstLen();
        String gateway = a.bytes(Rta.RTA_GATEWAY).map(g -> ipText(g, family, "gateway")).orElse(null);
        String prefsrc = a.bytes(Rta.RTA_PREFSRC).map(g -> ipText(g, family, "preferred source")).orElse(null);
        String device = a.u32(Rta.RTA_OIF).map(i -> namesByIndex.getOrDefault(i, "#" + i)).orElse(null);
        int metric = a.u32(Rta.RTA_PRIORITY).orElse(0);
        return new Route(RtnlWords.family(family), destination, gateway, device, metric,
                RtnlWords.protocol(m.info().protocol()), RtnlWords.scope(m.info().scope()),
                RtnlWords.routeType(m.info().type()), prefsrc);
    }

    /** A FIB rule (RTM_NEWRULE) as {@code ip rule} prints it, roughly: {@code inet pref 32766 lookup main}. */
    static String rule(NetlinkMessage.Rule m) {
        AttributeTree a = m.attributes();
        int table = a.u32Or(Fra.FRA_TABLE, m.info().table());
        Attribute priority = a.find(Fra.FRA_PRIORITY);
        String pref = priority == null ? "" : "pref " + Integer.toUnsignedString(priority.u32()) + " ";
        return RtnlWords.family(m.info().family()) + " " + pref + "lookup " + RtnlWords.table(table);
    }

    private static String zero(int family) {
        return family == Nl.AF_INET ? "0.0.0.0" : "::";
    }

    private static String ipText(byte[] ip, int family, String what) {
        int want = family == Nl.AF_INET ? 4 : 16;
        if (ip.length != want) {
            throw new IllegalArgumentException("an " + RtnlWords.family(family) + " " + what + " of " + ip.length
                    + " bytes (expected " + want + ")");
        }
        return IpText.format(ip);
    }
}
