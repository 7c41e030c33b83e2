package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.link.LinkKinds;

/**
 * How a restore makes a device's IPv6 link-local addresses exactly the image's, every time. The kernel makes
 * its own link-local address when a device gets carrier (for a veth: when its peer comes up, a moment later,
 * from the link-watch work), tentative until DAD is done; a state read right after the restore would catch it
 * half-made. So a restore sets each device's address generation mode to {@code none} over rtnetlink right after
 * creating it, adds the image's link-local addresses itself with nodad (never tentative), brings the device up
 * and sets the image's mode in the same request (IFLA_AF_SPEC is applied after the flags, and setting a mode
 * over rtnetlink generates nothing). The sysctl {@code addr_gen_mode} is never written: writing it regenerates
 * the link-local address of a device that is up.
 */
final class LinkLocals {

    static final String NONE = "none";
    /** The kernel's default mode (IN6_ADDR_GEN_MODE_EUI64). */
    static final String EUI64 = "eui64";
    /** The kernel keeps no IPv6 state (no inet6_dev) on a device with a smaller MTU (IPV6_MIN_MTU). */
    private static final int IPV6_MIN_MTU = 1280;

    private LinkLocals() {
    }

    /**
     * The mode a restore gives the device, or null when it leaves IPv6 alone: lo (which has no link-local
     * address) and the tunnel modules' fallback devices; a device whose image knows no mode and had no IPv6
     * address (IPv6 off). An image made before netcr recorded the mode gets the kernel's default for a device
     * that had IPv6 addresses.
     */
    static String modeOf(Device d) {
        if (d.isLoopback() || LinkKinds.isFallback(d)) {
            return null;
        }
        if (d.config().addrGenMode() != null) {
            return d.config().addrGenMode();
        }
        boolean hadIpv6 = d.addresses().stream().anyMatch(Address::isInet6);
        return hadIpv6 && d.mtu() >= IPV6_MIN_MTU ? EUI64 : null;
    }

    /** The mode set as the device comes up: the image's, unless it is none (set at creation already). */
    static String modeAfterUp(Device d) {
        String mode = modeOf(d);
        return mode == null || mode.equals(NONE) ? null : mode;
    }
}
