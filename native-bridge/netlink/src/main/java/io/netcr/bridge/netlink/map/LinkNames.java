package io.netcr.bridge.netlink.map;

import java.util.Map;

/**
 * What mapping one message needs of its namespace: the names of its devices by ifindex. Discovery gives
 * the names of the links it dumped; a CRIU image, those of its netdev records; the monitor, the names it
 * follows.
 */
@FunctionalInterface
public interface LinkNames {

    /** A namespace whose devices are not known: every ifindex is written {@code ifN}. */
    LinkNames NONE = ifindex -> null;

    /** The name of the device with this ifindex, or null when the namespace has none (any more). */
    String nameOf(int ifindex);

    /** The names of a map (ifindex to name). */
    static LinkNames of(Map<Integer, String> names) {
        return names::get;
    }

    /**
     * The name, or {@code ifN} for an ifindex without one: what iproute2 prints for it (ll_index_to_name),
     * so that a route or neighbour keeps saying that it had a device.
     */
    default String nameOrIndex(int ifindex) {
        String name = nameOf(ifindex);
        return name != null ? name : unknown(ifindex);
    }

    /** iproute2's text for an ifindex without a name. */
    static String unknown(int ifindex) {
        return "if" + Integer.toUnsignedString(ifindex);
    }
}
