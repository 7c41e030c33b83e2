package io.netcr.model.validate;

/**
 * How much a snapshot may hold before a reader calls it too big (E2BIG). The kernel has no fixed limit
 * on addresses per device; these bounds exist so that a damaged or hostile file cannot make a reader,
 * a viewer or a restore do unbounded work.
 *
 * @param maxAddressesPerDevice  protocol addresses on one device
 * @param maxDevicesPerNamespace devices in one namespace
 * @param maxRoutesPerNamespace  routes in one namespace
 * @param maxNamespaces          namespaces in one snapshot
 */
public record Limits(int maxAddressesPerDevice, int maxDevicesPerNamespace, int maxRoutesPerNamespace,
                     int maxNamespaces) {

    public Limits {
        if (maxAddressesPerDevice < 0 || maxDevicesPerNamespace < 0 || maxRoutesPerNamespace < 0 || maxNamespaces < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }

    /** Generous bounds, far above any real host: 4096 addresses per device, 65536 devices and routes. */
    public static Limits defaults() {
        return new Limits(4096, 65536, 65536, 65536);
    }

    public Limits withMaxAddressesPerDevice(int n) {
        return new Limits(n, maxDevicesPerNamespace, maxRoutesPerNamespace, maxNamespaces);
    }
}
