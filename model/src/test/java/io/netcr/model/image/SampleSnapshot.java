package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A realistic lab: the host (init) with a veth to "red"; "blue" and "green" joined by a bridge in
 * "hub"; v4 and v6 addresses, a device that is down, a jumbo MTU, an extra loopback address, routes,
 * and one diagnostic recorded when the image was made.
 */
final class SampleSnapshot {

    static final String HOST = "nsfs:4026531840";
    static final String RED = "nsfs:4026532281";
    static final String BLUE = "nsfs:4026532345";
    static final String GREEN = "nsfs:4026532409";
    static final String HUB = "nsfs:4026532473";

    private SampleSnapshot() {
    }

    static Snapshot build(String origin) {
        Namespace host = new Namespace(HOST, List.of(), List.of(), true, List.of(
                lo(false),
                Device.builder(2, "eth0", "").mac("52:54:00:12:34:56").up(true).operstate("up")
                        .addresses(List.of(Address.of("192.168.122.10/24"))).build(),
                veth(7, "veth-red", "02:aa:00:00:00:01", new DeviceRef(RED, 2, "veth0"), 1500, "10.250.0.254/24")),
                List.of(new Route("inet", "default", "192.168.122.1", "eth0", 100, "dhcp", "global", "unicast", null)),
                Map.of());
        Device redVeth = veth(2, "veth0", "02:aa:00:00:00:02", new DeviceRef(HOST, 7, "veth-red"), 1500,
                "10.250.0.1/24").toBuilder()
                .addresses(List.of(Address.of("10.250.0.1/24"),
                        new Address("inet6", "fd00:250::1", 64, "global", List.of("nodad", "permanent"), null)))
                .build();
        Namespace red = new Namespace(RED, List.of("red"), List.of(), false, List.of(lo(true), redVeth),
                List.of(new Route("inet", "default", "10.250.0.254", "veth0", 0, "static", "global", "unicast", null)),
                Map.of());
        Namespace blue = new Namespace(BLUE, List.of("blue"), List.of(), false, List.of(lo(false),
                veth(2, "veth0", "02:bb:00:00:00:02", new DeviceRef(HUB, 3, "vb-blue"), 9000, "10.251.0.2/24"),
                Device.builder(3, "dummy0", "dummy").mac("02:bb:00:00:00:03").up(false).operstate("down").build()),
                List.of(), Map.of());
        Namespace green = new Namespace(GREEN, List.of("green"), List.of(), false, List.of(lo(false),
                veth(2, "veth0", "02:cc:00:00:00:02", new DeviceRef(HUB, 4, "vb-green"), 1500, "10.251.0.3/24"),
                Device.builder(3, "wg0", "wireguard").mtu(1420).up(true).operstate("unknown").skipped(true).build()),
                List.of(), Map.of());
        Namespace hub = new Namespace(HUB, List.of("hub"), List.of(), false, List.of(lo(false),
                Device.builder(2, "br0", "bridge").mac("02:dd:00:00:00:01").up(true).operstate("up")
                        .addresses(List.of(Address.of("10.251.0.1/24"), Address.of("fd00:251::1/64"))).build(),
                veth(3, "vb-blue", "02:dd:00:00:00:02", new DeviceRef(BLUE, 2, "veth0"), 9000, null).toBuilder()
                        .master("br0").build(),
                veth(4, "vb-green", "02:dd:00:00:00:03", new DeviceRef(GREEN, 2, "veth0"), 1500, null).toBuilder()
                        .master("br0").build()),
                List.of(), Map.of());
        Diagnostic skipped = Diagnostic.warning(Errno.ENOSYS, SubjectPath.of(green).child(SubjectPath.DEV, "wg0"),
                Phase.CHECKPOINT, "wireguard devices cannot be checkpointed; wg0 is recorded but not restored");
        Source source = new Source(Source.IMAGE, "lab-host", "6.8.0-45-generic",
                Instant.parse("2026-11-29T05:50:00.123456789Z"), origin, "netcr 0.1.0");
        return new Snapshot(source, List.of(host, red, blue, green, hub), List.of(skipped));
    }

    private static Device lo(boolean extraAddress) {
        List<Address> addrs = extraAddress
                ? List.of(Address.of("127.0.0.1/8"), Address.of("127.0.0.2/8"), Address.of("::1/128"))
                : List.of(Address.of("127.0.0.1/8"), Address.of("::1/128"));
        return Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .operstate("unknown").addresses(addrs).build();
    }

    private static Device veth(int ifindex, String name, String mac, DeviceRef peer, int mtu, String cidr) {
        return Device.builder(ifindex, name, Device.VETH).mac(mac).mtu(mtu).up(true).operstate("up").peer(peer)
                .addresses(cidr == null ? List.of() : List.of(Address.of(cidr))).build();
    }
}
