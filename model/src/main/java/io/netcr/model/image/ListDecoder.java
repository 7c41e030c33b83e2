package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Errno;
import io.netcr.model.IfaFlags;
import io.netcr.model.IpText;
import io.netcr.model.Route;
import io.netcr.model.RtScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes address and route lists. A list entry carries its own lengths, so one bad entry (an unknown
 * family, a prefix longer than the address) is reported and dropped while the rest of the list is kept.
 */
final class ListDecoder {

    /** family, length, prefixlen, scope, u32 flags, label length: the least an address entry takes. */
    private static final int MIN_ADDRESS = 10;
    /** family, u32 metric and seven string lengths. */
    private static final int MIN_ROUTE = 19;
    /** Version 2 adds a table, tos, u32 flags, a preference and a metrics count. */
    private static final int MIN_ROUTE_V2 = MIN_ROUTE + 2 + 1 + 4 + 2 + 4;

    private ListDecoder() {
    }

    static Wire.AddressesRec addresses(byte[] image, Frame f, ReadLog log) throws ImageDamage {
        ByteSource in = f.body(image);
        int devRef = (int) in.u32("device ref");
        int n = in.count(MIN_ADDRESS, "addresses");
        List<Address> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int af = in.u8("family");
            int len = in.u8("address length");
            byte[] raw = in.bytes(len, "address");
            int prefixlen = in.u8("prefix length");
            int scope = in.u8("scope");
            long flags = in.u32("flags");
            String label = in.string("label");
            String family = Codes.family(af);
            String entry = "address " + i + " at offset " + at + ": ";
            if (family == null) {
                log.damage(Errno.EAFNOSUPPORT, f, entry + "family " + af + " is neither AF_INET (2) nor AF_INET6 (10);"
                        + " the address is dropped");
                continue;
            }
            if (len != IpText.length(family)) {
                log.damage(Errno.EINVAL, f, entry + "an " + family + " address has " + IpText.length(family)
                        + " bytes, not " + len + "; the address is dropped");
                continue;
            }
            if (prefixlen > len * 8) {
                log.damage(Errno.EINVAL, f, entry + "prefix length " + prefixlen + " is longer than the " + family
                        + " address; the address is dropped");
                continue;
            }
            list.add(new Address(family, IpText.format(raw), prefixlen, RtScope.word(scope),
                    IfaFlags.words((int) flags, family), label));
        }
        in.expectEnd("address list");
        return new Wire.AddressesRec(f, devRef, list);
    }

    static Wire.RoutesRec routes(byte[] image, Frame f, int version, ReadLog log) throws ImageDamage {
        ByteSource in = f.body(image);
        int nsRef = (int) in.u32("namespace ref");
        int n = in.count(version >= 2 ? MIN_ROUTE_V2 : MIN_ROUTE, "routes");
        List<Route> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int af = in.u8("family");
            String destination = in.text("destination");
            String gateway = in.string("gateway");
            String device = in.string("device");
            int metric = in.i32("metric");
            String protocol = in.text("protocol");
            String scope = in.text("scope");
            String type = in.text("type");
            String prefsrc = in.string("prefsrc");
            String table = Route.MAIN;
            int tos = 0;
            long flags = 0;
            String pref = null;
            Map<String, String> metrics = Map.of();
            if (version >= 2) {
                table = in.text("table");
                tos = in.u8("tos");
                flags = in.u32("route flags");
                pref = in.string("preference");
                metrics = in.properties("metrics");
            }
            String family = Codes.family(af);
            if (family == null) {
                log.damage(Errno.EAFNOSUPPORT, f, "route " + i + " at offset " + at + ": family " + af
                        + " is neither AF_INET (2) nor AF_INET6 (10); the route is dropped");
                continue;
            }
            List<String> flagWords = Codes.routeFlags(flags);
            if (flagWords == null) {
                log.damage(Errno.EINVAL, f, "route " + i + " at offset " + at + ": flags 0x" + Long.toHexString(flags)
                        + " include undefined bits; the route is dropped");
                continue;
            }
            list.add(new Route(family, destination, gateway, device, metric, protocol, scope, type, prefsrc, table, tos,
                    flagWords, pref, metrics));
        }
        in.expectEnd("route list");
        return new Wire.RoutesRec(f, nsRef, list);
    }
}
