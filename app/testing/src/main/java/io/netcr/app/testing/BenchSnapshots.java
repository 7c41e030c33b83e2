package io.netcr.app.testing;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Big synthetic hosts for bench/gui: a star (a hub and N spokes, each spoke with lo and a veth to the hub)
 * and a mesh (N namespaces, each joined by veths to the next two and every third one to a farther one).
 * Addresses from 10.250.0.0/16 and fd00:250::/32, as everywhere in this project.
 */
public final class BenchSnapshots {

    private final Map<String, List<Device>> devices = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private int links;

    private BenchSnapshots() {
    }

    public static Snapshot star(int spokes) {
        BenchSnapshots b = new BenchSnapshots();
        b.namespace("hub");
        for (int i = 1; i <= spokes; i++) {
            String ns = "spoke" + i;
            b.namespace(ns);
            b.veth("hub", "h" + i, ns, "eth0");
        }
        return b.snapshot("bench-star-" + spokes);
    }

    public static Snapshot mesh(int n) {
        BenchSnapshots b = new BenchSnapshots();
        for (int i = 0; i < n; i++) {
            b.namespace("m" + i);
        }
        for (int i = 0; i < n; i++) {
            b.veth("m" + i, "a" + i, "m" + ((i + 1) % n), "b" + i);
            b.veth("m" + i, "c" + i, "m" + ((i + 2) % n), "d" + i);
            if (i % 3 == 0) {
                b.veth("m" + i, "e" + i, "m" + ((i + 17) % n), "f" + i);
            }
        }
        return b.snapshot("bench-mesh-" + n);
    }

    private void namespace(String name) {
        ids.put(name, order.size());
        order.add(name);
        List<Device> list = new ArrayList<>();
        list.add(Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true)
                .operstate("unknown").addresses(List.of(Address.of("127.0.0.1/8"), Address.of("::1/128"))).build());
        devices.put(name, list);
    }

    /** A veth pair with a /30 and a /64 at each end. */
    private void veth(String nsA, String a, String nsB, String b) {
        int k = links++;
        int ia = devices.get(nsA).size() + 1;
        int ib = devices.get(nsB).size() + 1;
        String net = "10.250." + (4 * k / 256) + ".";
        int base = (4 * k) % 256;
        devices.get(nsA).add(end(ia, a, k, 1, new DeviceRef(id(nsB), ib, b), net + (base + 1) + "/30"));
        devices.get(nsB).add(end(ib, b, k, 2, new DeviceRef(id(nsA), ia, a), net + (base + 2) + "/30"));
    }

    private static Device end(int ifindex, String name, int link, int side, DeviceRef peer, String v4) {
        String mac = String.format("ce:7a:%02x:%02x:%02x:%02x", (link >> 16) & 0xff, (link >> 8) & 0xff, link & 0xff,
                side);
        return Device.builder(ifindex, name, Device.VETH).mac(mac).mtu(1500).up(true).operstate("up").peer(peer)
                .addresses(List.of(Address.of(v4), Address.of("fd00:250:" + Integer.toHexString(link) + "::" + side
                        + "/64"))).build();
    }

    private String id(String ns) {
        return "nsfs:" + (4026600000L + ids.get(ns));
    }

    private Snapshot snapshot(String host) {
        List<Namespace> nss = new ArrayList<>();
        for (String ns : order) {
            nss.add(new Namespace(id(ns), List.of(ns), false, devices.get(ns)));
        }
        return new Snapshot(new Source(Source.IMAGE, host, "6.18.0", Instant.parse("2026-11-29T00:00:00Z"), null,
                "netcr bench"), nss, List.of());
    }
}
