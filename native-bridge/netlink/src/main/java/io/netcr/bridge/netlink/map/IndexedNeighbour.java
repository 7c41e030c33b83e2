package io.netcr.bridge.netlink.map;

import io.netcr.model.Neighbour;

/** A neighbour message as a model neighbour and the ifindex of its device. */
public record IndexedNeighbour(int ifindex, Neighbour neighbour) {
}
