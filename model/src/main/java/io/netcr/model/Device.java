package io.netcr.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A network device in a namespace.
 *
 * @param ifindex    the kernel's interface index, unique within the namespace
 * @param name       the interface name (at most 15 bytes)
 * @param kind       the kind as the kernel names it (IFLA_INFO_KIND): "veth", "bridge", "vxlan", ...;
 *                   "loopback" for lo, which has no kind of its own; "" when the kernel gave none
 * @param mac        hardware address, lower case with colons; null when the device has none
 * @param mtu        MTU in bytes
 * @param up         administrative state (IFF_UP)
 * @param operstate  operational state, lower case as the kernel's IF_OPER_* ("up", "down", "unknown",
 *                   "lowerlayerdown", "dormant", "notpresent", "testing")
 * @param master     the name of the master device (a bridge) in the same namespace, or null
 * @param peer       for a veth: the other end; null when the device has no peer
 * @param parent     for macvlan, vxlan, ...: the link it sits on (IFLA_LINK); null when none
 * @param addresses  its protocol addresses
 * @param skipped    true when a checkpoint recorded it without being able to restore it (ENOSYS)
 * @param properties what else is known that the model has no field for (run-time extras), sorted
 * @param config     its kind's settings and its IPv6 address generation mode: what a restore sets beyond the
 *                   fields above ({@link LinkConfig#NONE} when nothing is known)
 */
public record Device(int ifindex, String name, String kind, String mac, int mtu, boolean up, String operstate,
                     String master, DeviceRef peer, DeviceRef parent, List<Address> addresses, boolean skipped,
                     Map<String, String> properties, LinkConfig config) {

    public static final String LOOPBACK = "loopback";
    public static final String VETH = "veth";
    public static final String BRIDGE = "bridge";

    public Device {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? "" : kind;
        operstate = operstate == null ? "unknown" : operstate;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        config = config == null ? LinkConfig.NONE : config;
    }

    public boolean isLoopback() {
        return LOOPBACK.equals(kind);
    }

    public boolean isVeth() {
        return VETH.equals(kind);
    }

    public boolean isBridge() {
        return BRIDGE.equals(kind);
    }

    public static Builder builder(int ifindex, String name, String kind) {
        return new Builder().ifindex(ifindex).name(name).kind(kind);
    }

    public Builder toBuilder() {
        return new Builder().ifindex(ifindex).name(name).kind(kind).mac(mac).mtu(mtu).up(up).operstate(operstate)
                .master(master).peer(peer).parent(parent).addresses(addresses).skipped(skipped).properties(properties)
                .config(config);
    }

    /** Builds devices field by field; the record's own constructor takes them all at once. */
    public static final class Builder {
        private int ifindex;
        private String name;
        private String kind;
        private String mac;
        private int mtu = 1500;
        private boolean up;
        private String operstate;
        private String master;
        private DeviceRef peer;
        private DeviceRef parent;
        private List<Address> addresses = List.of();
        private boolean skipped;
        private Map<String, String> properties = Map.of();
        private LinkConfig config = LinkConfig.NONE;

        public Builder ifindex(int v) { ifindex = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder mtu(int v) { mtu = v; return this; }
        public Builder up(boolean v) { up = v; return this; }
        public Builder operstate(String v) { operstate = v; return this; }
        public Builder master(String v) { master = v; return this; }
        public Builder peer(DeviceRef v) { peer = v; return this; }
        public Builder parent(DeviceRef v) { parent = v; return this; }
        public Builder addresses(List<Address> v) { addresses = v; return this; }
        public Builder skipped(boolean v) { skipped = v; return this; }
        public Builder properties(Map<String, String> v) { properties = v; return this; }
        public Builder config(LinkConfig v) { config = v; return this; }

        public Device build() {
            return new Device(ifindex, name, kind, mac, mtu, up, operstate, master, peer, parent, addresses, skipped,
                    properties, config);
        }
    }
}
