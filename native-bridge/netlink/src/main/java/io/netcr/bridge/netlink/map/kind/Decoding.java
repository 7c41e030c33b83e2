package io.netcr.bridge.netlink.map.kind;

import io.netcr.bridge.netlink.AttributeTree;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a codec has read of one IFLA_INFO_DATA so far: the settings, the run-time values, and the settings
 * whose attribute had a payload of an unexpected size (a newer kernel, or damage), named in the result rather
 * than failing the whole device.
 */
final class Decoding {

    final Map<String, String> config = new HashMap<>();
    final Map<String, String> runtime = new HashMap<>();
    final TreeSet<String> unreadable = new TreeSet<>();

    /** Reads the table's plain fields. */
    Decoding read(FieldTable table, AttributeTree data) {
        table.decode(data, config, unreadable);
        return this;
    }

    /** The result, with the unreadable settings noted among the run-time values. */
    KindData done(int lowerIndex) {
        return done(lowerIndex, Map.of());
    }

    /** As {@link #done(int)}, with the devices that settings name by ifindex (a bond's primary). */
    KindData done(int lowerIndex, Map<String, Integer> devices) {
        FieldTable.noteUnreadable(unreadable, runtime);
        return new KindData(config, runtime, lowerIndex, devices);
    }
}
