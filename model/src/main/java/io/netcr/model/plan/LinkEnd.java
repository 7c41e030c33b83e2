package io.netcr.model.plan;

/**
 * One device a restore creates, with what is set at creation (RTM_NEWLINK carries them all).
 *
 * @param ns      where it is created
 * @param name    its name there
 * @param ifindex the ifindex to ask for (its old one when free), 0 to let the kernel choose
 * @param mac     its hardware address, or null to let the kernel choose
 * @param mtu     its MTU, 0 for the kernel's default
 */
public record LinkEnd(TargetNs ns, String name, int ifindex, String mac, int mtu) {

    String ipOptions() {
        return (ifindex > 0 ? " index " + ifindex : "") + (mac != null ? " address " + mac : "")
                + (mtu > 0 ? " mtu " + mtu : "");
    }
}
