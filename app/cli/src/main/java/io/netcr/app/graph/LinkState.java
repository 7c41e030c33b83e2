package io.netcr.app.graph;

import io.netcr.model.Device;

/** The state a device is coloured by. */
public enum LinkState {
    /** Administratively down. */
    DOWN,
    /** Up, but the kernel reports no carrier (operstate neither "up" nor "unknown"). */
    NO_CARRIER,
    UP;

    public static LinkState of(Device d) {
        if (!d.up()) {
            return DOWN;
        }
        // "unknown" is what loopback, vxlan and tun report while working: treat it as up.
        return "up".equals(d.operstate()) || "unknown".equals(d.operstate()) ? UP : NO_CARRIER;
    }

    public String word() {
        return switch (this) {
            case DOWN -> "down";
            case NO_CARRIER -> "up, no carrier";
            case UP -> "up";
        };
    }
}
