package io.netcr.model.validate;

import io.netcr.model.Device;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of one namespace's devices: names, indexes, hardware addresses, masters. */
final class DeviceChecks {

    /** Lower-case hex pairs joined by colons, 1..32 bytes (MAX_ADDR_LEN is 32). */
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){0,31}");
    /** Kinds whose hardware address is a 6-byte Ethernet address. */
    private static final Set<String> ETHERNET_KINDS = Set.of(Device.LOOPBACK, Device.VETH, Device.BRIDGE, "macvlan",
            "macvtap", "ipvlan", "ipvtap", "vxlan", "dummy", "bond", "team", "vlan", "geneve", "ifb", "gretap",
            "ip6gretap");
    private static final Set<String> OPERSTATES =
            Set.of("unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up");

    private DeviceChecks() {
    }

    static void check(Namespace ns, DeviceIndex index, Limits limits, Findings f) {
        SubjectPath nsPath = SubjectPath.of(ns);
        if (ns.devices().size() > limits.maxDevicesPerNamespace()) {
            f.error(Errno.E2BIG, nsPath, "the namespace holds " + ns.devices().size() + " devices; the limit is "
                    + limits.maxDevicesPerNamespace());
        }
        Set<String> names = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        for (Device d : ns.devices()) {
            SubjectPath at = SubjectPath.of(ns, d);
            NameRules.deviceName(d.name()).ifPresent(p -> f.error(p.code(), at, p.reason()));
            if (!names.add(d.name())) {
                f.error(Errno.EEXIST, at, "two devices in this namespace are named '" + d.name() + "'");
            }
            if (d.ifindex() <= 0) {
                f.error(Errno.EINVAL, at, "ifindex " + d.ifindex() + " is not a valid interface index");
            } else if (!indexes.add(d.ifindex())) {
                f.error(Errno.EEXIST, at, "ifindex " + d.ifindex() + " is used by another device in this namespace");
            }
            checkMac(d, at, f);
            if (d.mtu() < 0) {
                f.error(Errno.EINVAL, at, "MTU " + d.mtu() + " is negative");
            }
            if (!OPERSTATES.contains(d.operstate())) {
                f.warning(Errno.EINVAL, at, "operstate '" + d.operstate() + "' is not one the kernel reports");
            }
            checkMaster(ns, index, d, at, f);
            ConfigChecks.check(d, at, f);
            AddressChecks.checkAddresses(d, at, limits, f);
        }
    }

    private static void checkMac(Device d, SubjectPath at, Findings f) {
        if (d.mac() == null) {
            return;
        }
        if (!MAC.matcher(d.mac()).matches()) {
            f.error(Errno.EINVAL, at, "hardware address '" + d.mac()
                    + "' is not 1 to 32 lower-case hex bytes joined by ':' (use null when there is none)");
            return;
        }
        int bytes = (d.mac().length() + 1) / 3;
        if (ETHERNET_KINDS.contains(d.kind()) && bytes != 6) {
            f.error(Errno.EINVAL, at, "a " + d.kind() + " device has a 6-byte Ethernet address, not " + bytes + " bytes");
        }
    }

    private static void checkMaster(Namespace ns, DeviceIndex index, Device d, SubjectPath at, Findings f) {
        if (d.master() == null) {
            return;
        }
        if (d.master().equals(d.name())) {
            f.error(Errno.EINVAL, at, "device is its own master");
        } else if (index.device(ns, d.master()).isEmpty()) {
            f.error(Errno.EINVAL, at, "master '" + d.master() + "' is not a device of the same namespace");
        }
    }
}
