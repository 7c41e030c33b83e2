package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.map.IndexedAddress;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedLink;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns one namespace's link and address messages into model devices, through the one rtnetlink mapping
 * ({@link RtnlMapper}), and resolves what a single message cannot: peers across namespaces, masters and
 * parents by name. What cannot be resolved is kept with a warning, never dropped; a message the mapping
 * calls damaged is a warning naming it.
 */
public final class DeviceAssembler {

    private final Map<Long, NamespaceDump> dumps;

    public DeviceAssembler(Map<Long, NamespaceDump> dumps) {
        this.dumps = dumps;
    }

    public record Assembled(Namespace namespace, List<Diagnostic> diagnostics) {
    }

    /** One namespace as the model holds it; safe on any thread (reads only the dumps). */
    public Assembled assemble(FoundNamespace f, Map<Integer, Long> nsidToInode) {
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
                    .withRoutes(RouteAssembler.routes(dump, names(f.inode()), where, diags));
        } catch (RuntimeException e) {
            // The mapping calls damaged messages damaged; anything else is a fault that costs this namespace only.
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
        LinkNames names = LinkNames.of(names(inode));
        Map<Integer, List<Address>> addresses = addresses(dump, names, where, diags);
        List<Device> out = new ArrayList<>(dump.links().size());
        for (NetlinkMessage.Link l : dump.links()) {
            Mapped<MappedLink> mapped = RtnlMapper.link(l, names);
            MappedLink m = mapped.valueOrNull();
            if (m == null) {
                diags.add(Diagnostic.warning(Errno.EBADMSG, where, Phase.SNAPSHOT, "the kernel's message for the "
                        + "device with ifindex " + l.info().index() + " could not be read (" + mapped.problemOrNull()
                        + "); the device is left out"));
                continue;
            }
            Device d = m.device();
            // the device's path is needed only for a warning: made then, not for each of thousands of devices
            Supplier<SubjectPath> dev = () -> where.child(SubjectPath.DEV, d.name());
            if (m.masterIndex() != 0 && d.master() == null) {
                diags.add(Diagnostic.warning(Errno.ENODEV, dev.get(), Phase.SNAPSHOT,
                        "its master (ifindex " + m.masterIndex() + ") vanished while the namespace was read"));
            }
            Device.Builder b = d.toBuilder().addresses(addresses.getOrDefault(d.ifindex(), List.of()));
            if (m.hasLower()) {
                DeviceRef ref = reference(inode, m, nsidToInode, dev, diags);
                if (d.isVeth()) {
                    b.peer(ref);
                } else {
                    b.parent(ref);
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private DeviceRef reference(long inode, MappedLink m, Map<Integer, Long> nsidToInode, Supplier<SubjectPath> dev,
                                List<Diagnostic> diags) {
        String what = m.device().isVeth() ? "peer" : "parent";
        int ifindex = m.lowerIndex();
        Long target = m.hasLinkNetnsid() ? nsidToInode.get(m.linkNetnsid()) : Long.valueOf(inode);
        if (target == null) {
            diags.add(Diagnostic.warning(Errno.ENOENT, dev.get(), Phase.SNAPSHOT, "its " + what + " (ifindex " + ifindex
                    + " in the namespace with nsid " + m.linkNetnsid() + ") is in a namespace netcr cannot find"));
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

    private static Map<Integer, List<Address>> addresses(NamespaceDump dump, LinkNames names, SubjectPath where,
                                                         List<Diagnostic> diags) {
        Map<Integer, List<Address>> out = new HashMap<>();
        for (NetlinkMessage.Addr m : dump.addresses()) {
            Mapped<IndexedAddress> mapped = RtnlMapper.address(m, names);
            IndexedAddress a = mapped.valueOrNull();
            if (a != null) {
                out.computeIfAbsent(a.ifindex(), k -> new ArrayList<>()).add(a.address());
            } else if (mapped instanceof Mapped.Damaged<IndexedAddress> d) {
                diags.add(Diagnostic.warning(Errno.EBADMSG, where.child(SubjectPath.DEV,
                        names.nameOrIndex(m.info().index())), Phase.SNAPSHOT, "an address the kernel sent could "
                        + "not be read (" + d.problem() + "); it is left out"));
            }
        }
        return out;
    }
}
