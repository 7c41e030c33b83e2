package io.netcr.model;

/**
 * Points at a device, possibly in another namespace: a veth's peer, a macvlan's or vxlan's parent.
 *
 * @param namespace the {@link Namespace#id()} of the device's namespace; null when it could not be
 *                  resolved (the device is then named by ifindex and name only)
 * @param ifindex   the device's ifindex in that namespace, 0 when unknown
 * @param name      the device's name, null when unknown
 */
public record DeviceRef(String namespace, int ifindex, String name) {

    public boolean isResolved() {
        return namespace != null;
    }
}
