package io.netcr.model.validate;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Errno;
import io.netcr.model.IfaFlags;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.RtScope;
import io.netcr.model.SubjectPath;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The checks of protocol addresses and routes: families, address text, prefix lengths, sizes. */
final class AddressChecks {

    private AddressChecks() {
    }

    static void checkAddresses(Device d, SubjectPath devPath, Limits limits, Findings f) {
        if (d.addresses().size() > limits.maxAddressesPerDevice()) {
            // The seed's reviewer: E2BIG says "too many", where ENOMEM would blame the machine.
            f.error(Errno.E2BIG, devPath, "the device holds " + d.addresses().size() + " addresses; the limit is "
                    + limits.maxAddressesPerDevice());
        }
        Set<String> seen = new HashSet<>();
        for (Address a : d.addresses()) {
            SubjectPath at = devPath.child(SubjectPath.ADDR, a.cidr());
            if (!checkPrefix(a.family(), a.address(), a.prefixlen(), at, f)) {
                continue;
            }
            if (!seen.add(a.cidr())) {
                f.error(Errno.EEXIST, at, "the address " + a.cidr() + " is on this device twice");
            }
            if (RtScope.number(a.scope()).isEmpty()) {
                f.error(Errno.EINVAL, at, "scope '" + a.scope() + "' is neither a scope name nor a number 0..255");
            }
            for (String flag : a.flags()) {
                if (IfaFlags.bit(flag).isEmpty()) {
                    f.error(Errno.EINVAL, at, "'" + flag + "' is not an address flag");
                }
            }
            if (a.label() != null && NameRules.deviceName(a.label().replace(':', '_')).isPresent()) {
                f.error(Errno.EINVAL, at, "label '" + a.label() + "' is not a valid IFA_LABEL (1..15 bytes)");
            }
        }
    }

    static void checkRoutes(Namespace ns, DeviceIndex index, Limits limits, Findings f) {
        SubjectPath nsPath = SubjectPath.of(ns);
        if (ns.routes().size() > limits.maxRoutesPerNamespace()) {
            f.error(Errno.E2BIG, nsPath, "the namespace holds " + ns.routes().size() + " routes; the limit is "
                    + limits.maxRoutesPerNamespace());
        }
        for (Route r : ns.routes()) {
            SubjectPath at = nsPath.child(SubjectPath.ROUTE, r.destination());
            if (!r.destination().equals("default")) {
                int slash = r.destination().lastIndexOf('/');
                if (slash < 0 || !r.destination().substring(slash + 1).matches("\\d{1,3}")) {
                    f.error(Errno.EINVAL, at, "route destination '" + r.destination() + "' is not 'default' or prefix/len");
                    continue;
                }
                checkPrefix(r.family(), r.destination().substring(0, slash),
                        Integer.parseInt(r.destination().substring(slash + 1)), at, f);
            } else if (IpText.length(r.family()) == 0) {
                f.error(Errno.EAFNOSUPPORT, at, "family '" + r.family() + "' is neither inet nor inet6");
            }
            for (String ip : new String[] {r.gateway(), r.prefsrc()}) {
                if (ip != null && !matchesFamily(r.family(), ip)) {
                    f.error(Errno.EINVAL, at, "'" + ip + "' is not an " + r.family() + " address");
                }
            }
            if (r.device() != null && index.device(ns, r.device()).isEmpty()) {
                f.warning(Errno.ENODEV, at, "the route's device '" + r.device() + "' is not in this namespace");
            }
            StateChecks.checkRoute(r, at, f);
        }
    }

    /** Checks family, address text and prefix length; false when the address is unusable. */
    private static boolean checkPrefix(String family, String text, int prefixlen, SubjectPath at, Findings f) {
        int len = IpText.length(family);
        if (len == 0) {
            f.error(Errno.EAFNOSUPPORT, at, "family '" + family + "' is neither inet nor inet6");
            return false;
        }
        Optional<byte[]> bytes = IpText.parse(text);
        if (bytes.isEmpty() || bytes.get().length != len) {
            f.error(Errno.EINVAL, at, "'" + text + "' is not an " + family + " address");
            return false;
        }
        if (!IpText.format(bytes.get()).equals(text)) {
            f.error(Errno.EINVAL, at, "'" + text + "' is not in canonical form ('" + IpText.format(bytes.get()) + "')");
        }
        if (prefixlen < 0 || prefixlen > len * 8) {
            f.error(Errno.EINVAL, at, "prefix length " + prefixlen + " is outside 0.." + (len * 8) + " for " + family);
            return false;
        }
        return true;
    }

    private static boolean matchesFamily(String family, String ip) {
        return IpText.parse(ip).map(b -> b.length == IpText.length(family)).orElse(false);
    }
}
