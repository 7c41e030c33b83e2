package io.netcr.app.graph;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.SubjectPath;

/** A laid-out device node, or external stub ({@code device} null, {@code box} null). */
public record NodeShape(SubjectPath id, SubjectPath box, NodeKind kind, String label, Device device, DeviceRef ref,
                        Rect bounds) {

    public boolean external() {
        return kind == NodeKind.EXTERNAL;
    }

    public LinkState state() {
        return device == null ? LinkState.UP : LinkState.of(device);
    }
}
