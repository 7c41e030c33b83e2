package io.netcr.bridge.netlink.map;

/**
 * A qdisc message: the device it is on, its kind and where it sits, as {@code tc qdisc show} prints it.
 *
 * @param device its device's name ({@code ifN} when unknown)
 * @param kind   TCA_KIND: "netem", "htb", "noqueue", ...
 * @param handle its handle (0 for the kernel's defaults)
 * @param parent TC_H_ROOT, TC_H_INGRESS or a class's handle
 */
public record MappedQdisc(String device, String kind, int handle, int parent) {

    /** The kernel gives every device a default qdisc (noqueue, pfifo_fast, fq_codel, mq) with handle 0. */
    public boolean isKernelDefault() {
        return handle == 0;
    }

    /** {@code netem 8001: dev veth0 root}, {@code ingress ffff: dev veth0 parent ffff:fff1}. */
    public String describe() {
        String where = parent == -1 ? "root" : "parent " + handleText(parent);
        return kind + " " + handleText(handle) + " dev " + device + " " + where;
    }

    /** {@code MAJOR:MINOR} in hex, {@code MAJOR:} when the minor is 0, as tc prints handles. */
    static String handleText(int h) {
        int major = h >>> 16;
        int minor = h & 0xffff;
        return Integer.toHexString(major) + ":" + (minor == 0 ? "" : Integer.toHexString(minor));
    }
}
