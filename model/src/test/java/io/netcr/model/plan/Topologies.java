package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A live-looking host for planning tests: init (lo, eth0, vethh on bridge brh, peer of red/veth0),
 * red (lo with an extra address, veth0, veth1 to blue, a geneve tunnel, a kind netcr cannot restore), blue (lo, veth2, bridge br0 with port
 * veth3 whose peer veth4 is in green), green (lo, veth4).
 */
public final class Topologies {

    private Topologies() {
    }

    public static Device lo(String... extra) {
        List<Address> addrs = new java.util.ArrayList<>(List.of(new Address("inet", "127.0.0.1", 8, "host", List.of("permanent"), "lo"),
                new Address("inet6", "::1", 128, "host", List.of("permanent"), null)));
        for (String e : extra) {
            addrs.add(Address.of(e));
        }
        return Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true).operstate("unknown")
                .addresses(addrs).build();
    }

    static Device veth(int ifindex, String name, String peerNs, int peerIndex, String peerName, String... addrs) {
        return Device.builder(ifindex, name, Device.VETH).mac(String.format("02:00:00:00:%02x:%02x", ifindex, name.length()))
                .up(true).operstate("up").peer(new DeviceRef(peerNs, peerIndex, peerName))
                .addresses(java.util.Arrays.stream(addrs).map(Address::of).toList()).build();
    }

    public static Snapshot host() {
        Namespace init = new Namespace("nsfs:1", List.of(), List.of(), true, List.of(lo(),
                Device.builder(2, "eth0", "").mac("52:54:00:00:00:01").up(true).operstate("up").build(),
                Device.builder(3, "brh", Device.BRIDGE).mac("02:00:00:00:00:03").up(true).operstate("up").build(),
                veth(4, "vethh", "nsfs:10", 2, "veth0", "10.250.1.1/24").toBuilder().master("brh").build()),
                List.of(new Route("inet", "10.250.9.0/24", "10.250.1.2", "vethh", 0, "static", "global", "unicast", null),
                        new Route("inet", "10.250.1.0/24", null, "vethh", 0, "kernel", "link", "unicast", "10.250.1.1")),
                Map.of());
        Namespace red = new Namespace("nsfs:10", List.of("red"), List.of(), false, List.of(lo("10.250.100.1/32"),
                veth(2, "veth0", "nsfs:1", 4, "vethh", "10.250.1.2/24", "fd00:250:1::2/64"),
                veth(3, "veth1", "nsfs:11", 2, "veth2", "10.250.2.1/24"),
                Device.builder(4, "gv0", "geneve").up(true).build()),
                List.of(new Route("inet", "default", "10.250.1.1", "veth0", 0, "static", "global", "unicast", null),
                        new Route("inet", "10.250.2.0/24", null, "veth1", 0, "kernel", "link", "unicast", "10.250.2.1")),
                Map.of());
        Namespace blue = new Namespace("nsfs:11", List.of("blue"), List.of(), false, List.of(lo(),
                veth(2, "veth2", "nsfs:10", 3, "veth1", "10.250.2.2/24"),
                Device.builder(3, "br0", Device.BRIDGE).mac("02:00:00:00:0b:00").mtu(9000).up(true).operstate("up").build(),
                veth(4, "veth3", "nsfs:12", 2, "veth4").toBuilder().master("br0").mtu(9000).build()),
                List.of(), Map.of());
        Namespace green = new Namespace("nsfs:12", List.of("green"), List.of(), false, List.of(lo(),
                veth(2, "veth4", "nsfs:11", 4, "veth3").toBuilder().up(false).operstate("down").build()), List.of(), Map.of());
        return new Snapshot(new Source(Source.LIVE, "h", "6.18", Instant.parse("2026-11-29T06:00:00Z"), null, "netcr"),
                List.of(init, red, blue, green), List.of());
    }

    /** A host with nothing but its own init namespace (lo, eth0). */
    public static Snapshot emptyHost() {
        Namespace init = new Namespace("nsfs:1", List.of(), List.of(), true, List.of(lo(),
                Device.builder(2, "eth0", "").up(true).build()), List.of(), Map.of());
        return new Snapshot(new Source(Source.LIVE, "h", null, null, null, null), List.of(init), List.of());
    }
}
