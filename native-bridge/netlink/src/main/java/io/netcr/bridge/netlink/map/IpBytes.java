package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.IpText;

/** Address bytes of a message, checked against its family before they become text. */
final class IpBytes {

    private IpBytes() {
    }

    /** 4 or 16. */
    static int length(int family) {
        return family == Nl.AF_INET ? 4 : 16;
    }

    /** The canonical text of an address of this family; throws IllegalArgumentException naming the field. */
    static String text(byte[] ip, int family, String what) {
        if (ip.length != length(family)) {
            throw new IllegalArgumentException("an " + RtnlWords.family(family) + " " + what + " of " + ip.length
                    + " bytes (expected " + length(family) + ")");
        }
        return IpText.format(ip);
    }

    /** The text or null for an optional address attribute. */
    static String textOrNull(byte[] ip, int family, String what) {
        return ip == null ? null : text(ip, family, what);
    }

    /** Refuses a prefix length longer than the family's address. */
    static int prefixLength(int length, int family, String what) {
        if (length > length(family) * 8) {
            throw new IllegalArgumentException("an " + RtnlWords.family(family) + " " + what + " of length "
                    + length + " (at most " + length(family) * 8 + ")");
        }
        return length;
    }
}
