package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.Attribute;
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
import java.util.function.Supplier;

/**
 * Turns one namespace's link and address messages into model devices: kinds, peers across namespaces,
 * masters and parents by name. What cannot be resolved is kept with a warning, never dropped.
 */
final class DeviceAssembler {

    private final Map<Long, NamespaceDump> dumps;

    DeviceAssembler(Map<Long, NamespaceDump> dumps) {
        this.dumps = dumps;
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
        NamespaceDump dump = dumps.get(inode);
        return dump == null ? Map.of() : dump.namesByIndex();
    }

    List<Device> devices(long inode, Map<Integer, Long> nsidToInode, SubjectPath where, List<Diagnostic> diags) {
        NamespaceDump dump = dumps.get(inode);
        Map<Integer, List<Address>> addresses = addresses(dump, names(inode));
        List<Device> out = new ArrayList<>();
        for (NetlinkMessage.Link l : dump.links()) {
            AttributeTree a = l.attributes();
            int index = l.info().index();
            String name = a.stringOr(Ifla.IFLA_IFNAME, "if" + index);
            // the device's path is needed only for a warning: made then, not for each of thousands of devices
            Supplier<SubjectPath> dev = () -> where.child(SubjectPath.DEV, name);
            AttributeTree info = a.nestedOrNull(Ifla.IFLA_LINKINFO);
            String kind = info == null ? "" : info.stringOr(Ifla.IFLA_INFO_KIND, "");
            if (kind.isEmpty() && (l.info().flags() & Ifla.IFF_LOOPBACK) != 0) {
                kind = Device.LOOPBACK; // the kernel gives lo no kind of its own
            }
            Map<String, String> props = new HashMap<>();
            props.put("flags", RtnlWords.linkFlags(l.info().flags()));
            Attribute carrier = a.find(Ifla.IFLA_CARRIER);
            if (carrier != null) {
                props.put("carrier", Integer.toString(carrier.u8()));
            }
            String slaveKind = info == null ? null : info.stringOr(Ifla.IFLA_INFO_SLAVE_KIND, null);
            if (slaveKind != null) {
                props.put("slave_kind", slaveKind);
            }
            int lower = a.u32Or(Ifla.IFLA_LINK, 0);
            AttributeTree data = info == null ? null : info.nestedOrNull(Ifla.IFLA_INFO_DATA);
            if ("vxlan".equals(kind) && data != null) {
                Attribute id = data.find(Ifla.IFLA_VXLAN_ID);
                if (id != null) {
                    props.put("vxlan.id", Integer.toString(id.u32()));
                }
                lower = data.u32Or(Ifla.IFLA_VXLAN_LINK, lower);
            }
            Attribute nsidAttr = a.find(Ifla.IFLA_LINK_NETNSID);
            Optional<Integer> netnsid = nsidAttr == null ? Optional.empty() : Optional.of(nsidAttr.u32());
            netnsid.ifPresent(n -> props.put("link_netnsid", Integer.toString(n)));

            byte[] mac = a.bytesOrNull(Ifla.IFLA_ADDRESS);
            Device.Builder b = Device.builder(index, name, kind)
                    .mac(mac == null ? null : RtnlWords.mac(mac))
                    .mtu(a.u32Or(Ifla.IFLA_MTU, 0))
                    .up((l.info().flags() & Ifla.IFF_UP) != 0)
                    .operstate(RtnlWords.operstate(a.u8Or(Ifla.IFLA_OPERSTATE, 0)))
                    .addresses(addresses.getOrDefault(index, List.of()))
                    .properties(props);
            int master = a.u32Or(Ifla.IFLA_MASTER, 0);
            if (master != 0) {
                String masterName = names(inode).get(master);
                if (masterName == null) {
                    diags.add(Diagnostic.warning(Errno.ENODEV, dev.get(), Phase.SNAPSHOT,
                            "its master (ifindex " + master + ") vanished while the namespace was read"));
                }
                b.master(masterName);
            }
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
                                Supplier<SubjectPath> dev, List<Diagnostic> diags, boolean peer) {
        String what = peer ? "peer" : "parent";
        Long target = netnsid.isEmpty() ? Long.valueOf(inode) : nsidToInode.get(netnsid.get());
        if (target == null) {
            diags.add(Diagnostic.warning(Errno.ENOENT, dev.get(), Phase.SNAPSHOT, "its " + what + " (ifindex " + ifindex
                    + " in the namespace with nsid " + netnsid.get() + ") is in a namespace netcr cannot find"));
            return new DeviceRef(null, ifindex, null);
        }
        String id = FoundNamespace.idOf(target);
        if (!dumps.containsKey(target)) {
            return new DeviceRef(id, ifindex, null); // its namespace was not read (filtered or not permitted)
        }
        String name = names(target).get(ifindex);
        if (name == null) {
            diags.add(Diagnostic.warning(Errno.ENODEV, dev.get(), Phase.SNAPSHOT, "its " + what + " (ifindex " + ifindex
                    + ") vanished while the namespaces were read"));
        }
        return new DeviceRef(id, ifindex, name);
    }

    private static Map<Integer, List<Address>> addresses(NamespaceDump dump, Map<Integer, String> names) {
        Map<Integer, List<Address>> out = new HashMap<>();
        for (NetlinkMessage.Addr m : dump.addresses()) {
            AttributeTree a = m.attributes();
            byte[] ip = a.bytesOrNull(Ifa.IFA_LOCAL);
            if (ip == null) {
                ip = a.bytesOrNull(Ifa.IFA_ADDRESS);
            }
            if (ip == null || (ip.length != 4 && ip.length != 16)) {
                continue; // not an IP address (another family): nothing the model can hold
            }
            int flags = a.u32Or(Ifa.IFA_FLAGS, m.info().flags());
            String label = a.stringOr(Ifa.IFA_LABEL, null);
            if (label != null && label.equals(names.get(m.info().index()))) {
                label = null;
            }
            out.computeIfAbsent(m.info().index(), k -> new ArrayList<>()).add(new Address(
                    RtnlWords.family(m.info().family()), IpText.format(ip), m.info().prefixlen(),
                    RtnlWords.scope(m.info().scope()), RtnlWords.addressFlags(flags, m.info().family()), label));
        }
        return out;
    }
}
