package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one namespace's link and address messages into model devices: kinds, peers across namespaces,
 * masters and parents by name. What cannot be resolved is kept with a warning, never dropped.
 */
final class DeviceAssembler {

    private final Map<Long, NamespaceDump> dumps;
    private final Map<Long, Map<Integer, String>> namesByInode = new HashMap<>();

    DeviceAssembler(Map<Long, NamespaceDump> dumps) {
        this.dumps = dumps;
        for (Map.Entry<Long, NamespaceDump> e : dumps.entrySet()) {
            Map<Integer, String> names = new HashMap<>();
            for (NetlinkMessage.Link l : e.getValue().links()) {
                names.put(l.info().index(), l.attributes().string(Ifla.IFLA_IFNAME).orElse(""));
            }
            namesByInode.put(e.getKey(), names);
        }
    }

    record Assembled(Namespace namespace, List<Diagnostic> diagnostics) {
    }

    /** One namespace as the model holds it; safe on any thread (reads only the dumps). */
    Assembled assemble(FoundNamespace f, Map<Integer, Long> nsidToInode) {
        NamespaceDump dump = dumps.get(f.inode());
        List<Diagnostic> diags = new ArrayList<>();
        Namespace ns = new Namespace(f.id(), f.names(), f.holders(), f.init(), List.of(), List.of(), Map.of());
        if (dump == null) {
            return new Assembled(ns, diags);
        }
        SubjectPath where = SubjectPath.of(ns);
        if (dump.interrupted()) {
            diags.add(Diagnostic.warning(Errno.EAGAIN, where, Phase.SNAPSHOT, "the namespace kept changing "
                    + "while it was read (" + NamespaceDump.ATTEMPTS + " tries); its data may be inconsistent"));
        }
        try {
            ns = ns.withDevices(devices(f.inode(), nsidToInode, where, diags))
                    .withRoutes(RouteAssembler.routes(dump, names(f.inode())));
        } catch (RuntimeException e) {
            // A reply the codec refuses (MalformedMessageException) costs this namespace, not the snapshot.
            diags.add(Diagnostic.error(Errno.EIO, where, Phase.SNAPSHOT,
                    "the kernel's reply could not be decoded: " + e.getMessage()));
        }
        return new Assembled(ns, diags);
    }

    /** ifindex -> name in a namespace that was read. */
    Map<Integer, String> names(long inode) {
        return namesByInode.getOrDefault(inode, Map.of());
    }

    List<Device> devices(long inode, Map<Integer, Long> nsidToInode, SubjectPath where, List<Diagnostic> diags) {
        NamespaceDump dump = dumps.get(inode);
        Map<Integer, List<Address>> addresses = addresses(dump, names(inode));
        List<Device> out = new ArrayList<>();
        for (NetlinkMessage.Link l : dump.links()) {
            AttributeTree a = l.attributes();
            int index = l.info().index();
            String name = a.string(Ifla.IFLA_IFNAME).orElse("if" + index);
            SubjectPath dev = where.child(SubjectPath.DEV, name);
            Optional<AttributeTree> info = a.nested(Ifla.IFLA_LINKINFO);
            String kind = info.flatMap(i -> i.string(Ifla.IFLA_INFO_KIND)).orElse("");
            if (kind.isEmpty() && (l.info().flags() & Ifla.IFF_LOOPBACK) != 0) {
                kind = Device.LOOPBACK; // the kernel gives lo no kind of its own
            }
            Map<String, String> props = new HashMap<>();
            props.put("flags", RtnlWords.linkFlags(l.info().flags()));
            a.u8(Ifla.IFLA_CARRIER).ifPresent(c -> props.put("carrier", Integer.toString(c)));
            info.flatMap(i -> i.string(Ifla.IFLA_INFO_SLAVE_KIND)).ifPresent(k -> props.put("slave_kind", k));
            Optional<AttributeTree> data = info.flatMap(i -> i.nested(Ifla.IFLA_INFO_DATA));
            int lower = a.u32(Ifla.IFLA_LINK).orElse(0);
            if ("vxlan".equals(kind) && data.isPresent()) {
                data.get().u32(Ifla.IFLA_VXLAN_ID).ifPresent(id -> props.put("vxlan.id", Integer.toString(id)));
                lower = data.get().u32(Ifla.IFLA_VXLAN_LINK).orElse(lower);
            }
            Optional<Integer> netnsid = a.u32(Ifla.IFLA_LINK_NETNSID);
            netnsid.ifPresent(n -> props.put("link_netnsid", Integer.toString(n)));

            Device.Builder b = Device.builder(index, name, kind)
                    .mac(a.bytes(Ifla.IFLA_ADDRESS).map(RtnlWords::mac).orElse(null))
                    .mtu(a.u32(Ifla.IFLA_MTU).orElse(0))
                    .up((l.info().flags() & Ifla.IFF_UP) != 0)
                    .operstate(RtnlWords.operstate(a.u8(Ifla.IFLA_OPERSTATE).orElse(0)))
                    .addresses(addresses.getOrDefault(index, List.of()))
                    .properties(props);
            a.u32(Ifla.IFLA_MASTER).filter(m -> m != 0).ifPresent(m -> {
                String master = names(inode).get(m);
                if (master == null) {
                    diags.add(Diagnostic.warning(Errno.ENODEV, dev, Phase.SNAPSHOT,
                            "its master (ifindex " + m + ") vanished while the namespace was read"));
                }
                b.master(master);
            });
            if (lower != 0 && lower != index || netnsid.isPresent() && lower != 0) {
                DeviceRef ref = reference(inode, lower, netnsid, nsidToInode, dev, diags, Device.VETH.equals(kind));
                if (Device.VETH.equals(kind)) {
                    b.peer(ref);
                } else {
                    b.parent(ref);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private DeviceRef reference(long inode, int ifindex, Optional<Integer> netnsid, Map<Integer, Long> nsidToInode,
                                SubjectPath dev, List<Diagnostic> diags, boolean peer) {
        String what = peer ? "peer" : "parent";
        Long target = netnsid.isEmpty() ? Long.valueOf(inode) : nsidToInode.get(netnsid.get());
        if (target == null) {
            diags.add(Diagnostic.warning(Errno.ENOENT, dev, Phase.SNAPSHOT, "its " + what + " (ifindex " + ifindex
                    + " in the namespace with nsid " + netnsid.get() + ") is in a namespace netcr cannot find"));
            return new DeviceRef(null, ifindex, null);
        }
        String id = FoundNamespace.idOf(target);
        if (!dumps.containsKey(target)) {
            return new DeviceRef(id, ifindex, null); // its namespace was not read (filtered or not permitted)
        }
        String name = names(target).get(ifindex);
        if (name == null) {
            diags.add(Diagnostic.warning(Errno.ENODEV, dev, Phase.SNAPSHOT, "its " + what + " (ifindex " + ifindex
                    + ") vanished while the namespaces were read"));
        }
        return new DeviceRef(id, ifindex, name);
    }

    private static Map<Integer, List<Address>> addresses(NamespaceDump dump, Map<Integer, String> names) {
        Map<Integer, List<Address>> out = new HashMap<>();
        for (NetlinkMessage.Addr m : dump.addresses()) {
            AttributeTree a = m.attributes();
            Optional<byte[]> ip = a.bytes(Ifa.IFA_LOCAL).or(() -> a.bytes(Ifa.IFA_ADDRESS));
            if (ip.isEmpty() || (ip.get().length != 4 && ip.get().length != 16)) {
                continue; // not an IP address (another family): nothing the model can hold
            }
            int flags = a.u32(Ifa.IFA_FLAGS).orElse(m.info().flags());
            String label = a.string(Ifa.IFA_LABEL).orElse(null);
            if (label != null && label.equals(names.get(m.info().index()))) {
                label = null;
            }
            out.computeIfAbsent(m.info().index(), k -> new ArrayList<>()).add(new Address(
                    RtnlWords.family(m.info().family()), IpText.format(ip.get()), m.info().prefixlen(),
                    RtnlWords.scope(m.info().scope()), RtnlWords.addressFlags(flags, m.info().family()), label));
        }
        return out;
    }
}
