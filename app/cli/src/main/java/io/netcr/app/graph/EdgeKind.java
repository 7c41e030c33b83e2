package io.netcr.app.graph;

/** Why two drawn devices are joined. */
public enum EdgeKind {
    /** The two ends of a veth pair: one edge per pair. */
    PEER,
    /** A bridge port to its bridge (IFLA_MASTER), always within one namespace. */
    BRIDGE_PORT,
    /** A macvlan, vxlan, ... to the link it sits on (IFLA_LINK): drawn dashed. */
    PARENT;

    public boolean dashed() {
        return this == PARENT;
    }
}
