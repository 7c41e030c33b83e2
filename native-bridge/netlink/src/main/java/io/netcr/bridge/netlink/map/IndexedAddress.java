package io.netcr.bridge.netlink.map;

import io.netcr.model.Address;

/** An address message as a model address and the ifindex of the device it is on. */
public record IndexedAddress(int ifindex, Address address) {
}
