package io.netcr.app.graph;

import io.netcr.model.Device;

/** What a drawn device is, as far as its glyph is concerned. */
public enum NodeKind {
    LOOPBACK, VETH, BRIDGE, OTHER,
    /** A stub for a device outside the snapshot (a peer or parent that could not be found in it). */
    EXTERNAL;

    public static NodeKind of(Device d) {
        if (d.isLoopback()) {
            return LOOPBACK;
        }
        if (d.isVeth()) {
            return VETH;
        }
        return d.isBridge() ? BRIDGE : OTHER;
    }
}
