package io.netcr.app.gui.ops;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.util.ArrayList;
import java.util.List;

/** Small snapshots for the dialog view-model tests: no kernel involved. */
final class OpsFixtures {

    private OpsFixtures() {
    }

    static Device lo(String... addresses) {
        return Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .addresses(List.of(addresses).stream().map(Address::of).toList()).build();
    }

    /** A host with its init namespace and namespaces a and b (lo only; b's lo has two addresses). */
    static Snapshot host() {
        Namespace init = new Namespace("nsfs:1", List.of(), true, List.of(lo("127.0.0.1/8")));
        Namespace a = new Namespace("nsfs:2", List.of("a"), false, List.of(lo("127.0.0.1/8")));
        Namespace b = new Namespace("nsfs:3", List.of("b"), false, List.of(lo("127.0.0.1/8", "10.250.9.1/32")));
        return new Snapshot(new Source(Source.LIVE, "box", null, null, null, "test"), List.of(init, a, b), List.of());
    }

    /** An image of namespace a: lo and a veth whose outside half "ha" lies in the init namespace. */
    static Snapshot image() {
        Device eth0 = Device.builder(2, "eth0", Device.VETH).mac("02:00:0a:fa:c8:02").mtu(1500).up(true)
                .peer(new DeviceRef("init", 7, "ha")).addresses(List.of(Address.of("10.250.201.2/24"))).build();
        Device ha = Device.builder(7, "ha", Device.VETH).mac("02:00:0a:fa:c8:01").mtu(1500).up(true)
                .peer(new DeviceRef("a", 2, "eth0")).build();
        Namespace init = new Namespace("init", List.of(), true, List.of(ha));
        Namespace a = new Namespace("a", List.of("a"), false, List.of(lo("10.250.200.1/32"), eth0));
        return new Snapshot(new Source("json", null, null, null, null, "test"), List.of(init, a), List.of());
    }

    /** The restorer's view of a host whose /run/netns holds these names. */
    static Snapshot hostView(String... names) {
        List<Namespace> ns = new ArrayList<>();
        ns.add(new Namespace("init", List.of(), true, List.of(Device.builder(1, "lo", Device.LOOPBACK).up(true).build())));
        for (String n : names) {
            ns.add(new Namespace("file:/run/netns/" + n, List.of(n), false, List.of()));
        }
        return new Snapshot(new Source(Source.LIVE, null, null, null, null, "test"), ns, List.of());
    }
}
