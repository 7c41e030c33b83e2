package io.netcr.model.image;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Valid random snapshots from a seed: namespaces with loopbacks, veth pairs across them (both ends
 * pointing at each other), bridges with ports, macvlans on a parent, external and unresolved peers,
 * IPv4 and IPv6 addresses, routes, diagnostics, and non-ASCII text wherever a name is not required.
 */
final class SnapshotGenerator {

    private static final String[] UNICODE = {"café", "東京", "Ωmega", "naïve ✓", "emoji 🛰", "plain"};
    private static final String[] SCOPES = {"global", "link", "host", "site", "17"};
    private static final String[] FLAGS = {"deprecated", "home", "mngtmpaddr", "nodad", "noprefixroute",
            "permanent", "secondary", "stable-privacy", "tentative"};

    private final Random rnd;
    private final List<List<Device>> devices = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    private SnapshotGenerator(long seed) {
        rnd = new Random(seed);
    }

    static Snapshot generate(long seed, String origin) {
        return new SnapshotGenerator(seed).build(origin);
    }

    private Snapshot build(String origin) {
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            ids.add("nsfs:" + (4026531840L + i * 7L + rnd.nextInt(5)));
            List<Device> devs = new ArrayList<>();
            devs.add(loopback(rnd.nextInt(4) == 0));
            devices.add(devs);
        }
        int pairs = rnd.nextInt(5);
        for (int p = 0; p < pairs; p++) {
            vethPair(rnd.nextInt(n), rnd.nextInt(n), p);
        }
        for (int i = 0; i < n; i++) {
            extras(i);
        }
        int init = rnd.nextInt(n + 1) - 1; // -1: no init namespace
        List<Namespace> namespaces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> names = rnd.nextInt(3) == 0 ? List.of() : List.of("ns" + i + (rnd.nextBoolean() ? "" : "-ü"));
            List<Holder> holders = rnd.nextBoolean() ? List.of() : List.of(new Holder(100 + i, pick(UNICODE)));
            namespaces.add(new Namespace(ids.get(i), names, holders, i == init, devices.get(i), routes(devices.get(i)),
                    props()));
        }
        Instant time = rnd.nextBoolean() ? null : Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(1 << 28),
                rnd.nextInt(1_000_000_000));
        Source source = new Source(Source.IMAGE, rnd.nextBoolean() ? null : "host-" + pick(UNICODE),
                rnd.nextBoolean() ? null : "6.8.0-" + rnd.nextInt(100), time, origin, "netcr test " + pick(UNICODE));
        return new Snapshot(source, namespaces, diagnostics(namespaces));
    }

    private Device loopback(boolean extra) {
        List<Address> addrs = new ArrayList<>(List.of(new Address(Address.INET, "127.0.0.1", 8, "host",
                List.of("permanent"), null), new Address(Address.INET6, "::1", 128, "host", List.of("permanent"), null)));
        if (extra) {
            addrs.add(new Address(Address.INET, "127.0.0.2", 8, "host", List.of("permanent"), "lo:1"));
        }
        return Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .operstate("unknown").addresses(addrs).build();
    }

    private void vethPair(int a, int b, int p) {
        int ia = nextIndex(a);
        String na = "veth" + p + "a";
        int ib = nextIndex(b) + (a == b ? 1 : 0);
        String nb = "veth" + p + "b";
        devices.get(a).add(veth(ia, na, new DeviceRef(ids.get(b), ib, nb)));
        devices.get(b).add(veth(ib, nb, new DeviceRef(ids.get(a), ia, na)));
    }

    private Device veth(int ifindex, String name, DeviceRef peer) {
        boolean up = rnd.nextInt(4) != 0;
        return Device.builder(ifindex, name, Device.VETH).mac(mac()).mtu(rnd.nextBoolean() ? 1500 : 9000).up(up)
                .operstate(up ? "up" : "down").peer(peer).addresses(addresses(name)).build();
    }

    /** A bridge with the namespace's veths as ports, a macvlan, an external and an unresolved peer. */
    private void extras(int n) {
        List<Device> devs = devices.get(n);
        if (rnd.nextInt(3) == 0) {
            int br = nextIndex(n);
            for (int i = 0; i < devs.size(); i++) {
                if (devs.get(i).isVeth() && rnd.nextBoolean()) {
                    devs.set(i, devs.get(i).toBuilder().master("br" + n).build());
                }
            }
            devs.add(Device.builder(br, "br" + n, Device.BRIDGE).mac(mac()).up(true).operstate("up")
                    .addresses(addresses("br" + n)).properties(Map.of("stp_state", "0")).build());
        }
        if (rnd.nextInt(3) == 0) {
            Device on = devs.get(rnd.nextInt(devs.size()));
            devs.add(Device.builder(nextIndex(n), "mv" + n, "macvlan").mac(mac()).up(true).operstate("up")
                    .parent(new DeviceRef(ids.get(n), on.ifindex(), on.name())).build());
        }
        if (rnd.nextInt(3) == 0) {
            devs.add(veth(nextIndex(n), "ext" + n, new DeviceRef("nsfs:999" + rnd.nextInt(1000), 3 + rnd.nextInt(50),
                    rnd.nextBoolean() ? null : "vethhost")));
        }
        if (rnd.nextInt(4) == 0) {
            devs.add(veth(nextIndex(n), "lost" + n, new DeviceRef(null, rnd.nextInt(20), rnd.nextBoolean() ? null : "x")));
        }
        if (rnd.nextInt(4) == 0) {
            devs.add(Device.builder(nextIndex(n), "wg" + n, "wireguard").mtu(1420).skipped(true)
                    .properties(Map.of("note", pick(UNICODE))).build());
        }
    }

    private List<Address> addresses(String dev) {
        List<Address> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = rnd.nextInt(4);
        for (int i = 0; i < count; i++) {
            boolean v6 = rnd.nextBoolean();
            byte[] raw = new byte[v6 ? 16 : 4];
            rnd.nextBytes(raw);
            List<String> flags = new ArrayList<>();
            for (String f : FLAGS) {
                if (rnd.nextInt(5) == 0) {
                    // iproute2 calls bit 0x01 "temporary" on IPv6, and so does netcr
                    flags.add(v6 && f.equals("secondary") ? "temporary" : f);
                }
            }
            if (rnd.nextInt(10) == 0) {
                flags.add("0x1000"); // a flag newer than netcr's table keeps its bit
            }
            java.util.Collections.sort(flags);
            Address a = new Address(v6 ? Address.INET6 : Address.INET, IpText.format(raw), rnd.nextInt(v6 ? 129 : 33),
                    pick(SCOPES), flags, !v6 && rnd.nextInt(4) == 0 ? dev + ":" + i : null);
            if (seen.add(a.cidr())) {
                out.add(a);
            }
        }
        return out;
    }

    private List<Route> routes(List<Device> devs) {
        List<Route> out = new ArrayList<>();
        for (Device d : devs) {
            for (Address a : d.addresses()) {
                if (!d.isLoopback() && rnd.nextBoolean()) {
                    out.add(new Route(a.family(), a.address() + "/" + a.prefixlen(), null, d.name(), rnd.nextInt(1024),
                            "kernel", "link", "unicast", a.address()));
                }
            }
        }
        if (rnd.nextBoolean()) {
            out.add(new Route(Address.INET, "default", "10.0.0.1", rnd.nextBoolean() ? null : devs.get(0).name(), 0,
                    "static", "global", "unicast", null));
        }
        return out;
    }

    private List<Diagnostic> diagnostics(List<Namespace> namespaces) {
        List<Diagnostic> out = new ArrayList<>();
        int count = rnd.nextInt(3);
        for (int i = 0; i < count; i++) {
            Namespace ns = namespaces.get(rnd.nextInt(namespaces.size()));
            Device d = ns.devices().get(rnd.nextInt(ns.devices().size()));
            SubjectPath at = rnd.nextBoolean() ? SubjectPath.of(ns, d) : SubjectPath.ROOT;
            Errno code = Errno.values()[rnd.nextInt(Errno.values().length)];
            out.add(new Diagnostic(code, Severity.values()[rnd.nextInt(3)], at, Phase.values()[rnd.nextInt(5)],
                    "message " + pick(UNICODE), rnd.nextBoolean() ? null : "kernel says " + pick(UNICODE)));
        }
        return out;
    }

    private Map<String, String> props() {
        Map<String, String> m = new TreeMap<>();
        if (rnd.nextBoolean()) {
            m.put("sysctl." + pick(UNICODE), pick(UNICODE));
        }
        return m;
    }

    private int nextIndex(int n) {
        return devices.get(n).stream().mapToInt(Device::ifindex).max().orElse(0) + 1;
    }

    private String mac() {
        byte[] b = new byte[6];
        rnd.nextBytes(b);
        b[0] = (byte) ((b[0] & 0xFE) | 0x02); // locally administered unicast, as the kernel makes them
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    private String pick(String[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
