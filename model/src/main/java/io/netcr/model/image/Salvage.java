package io.netcr.model.image;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import io.netcr.model.validate.DeviceIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * In salvage mode, after validation, makes what was read consistent enough to show and compare: drops
 * the later of two namespaces with one id and the later of two devices with one name or ifindex, drops
 * masters that name no device, keeps the first {@link Limits#maxAddressesPerDevice()} addresses, and
 * turns a peer that does not point back (or a parent that names no device) into an unresolved one.
 * Each change is reported as a warning; the validator has already said what was wrong.
 */
final class Salvage {

    private Salvage() {
    }

    static Snapshot repair(Snapshot s, Limits limits, ReadLog log) {
        List<Namespace> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Namespace ns : s.namespaces()) {
            if (ids.add(ns.id())) {
                kept.add(ns.withDevices(uniqueDevices(ns, log)));
            } else {
                log.warning(Errno.EEXIST, SubjectPath.of(ns), "salvage: a second namespace with id '" + ns.id()
                        + "' is dropped with its " + ns.devices().size() + " devices");
            }
        }
        DeviceIndex index = new DeviceIndex(s.withNamespaces(kept));
        List<Namespace> repaired = new ArrayList<>();
        for (Namespace ns : kept) {
            List<Device> devs = new ArrayList<>();
            for (Device d : ns.devices()) {
                devs.add(repair(index, ns, d, limits, log));
            }
            repaired.add(ns.withDevices(devs));
        }
        return s.withNamespaces(repaired);
    }

    private static List<Device> uniqueDevices(Namespace ns, ReadLog log) {
        Set<String> names = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        List<Device> out = new ArrayList<>();
        for (Device d : ns.devices()) {
            if (names.contains(d.name()) || indexes.contains(d.ifindex())) {
                log.warning(Errno.EEXIST, SubjectPath.of(ns, d), "salvage: a second device named '" + d.name()
                        + "' or with ifindex " + d.ifindex() + " is dropped");
                continue;
            }
            names.add(d.name());
            indexes.add(d.ifindex());
            out.add(d);
        }
        return out;
    }

    private static Device repair(DeviceIndex index, Namespace ns, Device d, Limits limits, ReadLog log) {
        SubjectPath at = SubjectPath.of(ns, d);
        Device.Builder b = d.toBuilder();
        if (d.master() != null && (d.master().equals(d.name()) || index.device(ns, d.master()).isEmpty())) {
            log.warning(Errno.EINVAL, at, "salvage: master '" + d.master() + "' is dropped");
            b.master(null);
        }
        if (d.addresses().size() > limits.maxAddressesPerDevice()) {
            int lost = d.addresses().size() - limits.maxAddressesPerDevice();
            log.warning(Errno.E2BIG, at, "salvage: the last " + lost + " addresses are dropped");
            b.addresses(d.addresses().subList(0, limits.maxAddressesPerDevice()));
        }
        if (index.isInside(d.peer()) && !index.peerIsSymmetric(ns, d)) {
            log.warning(Errno.EINVAL, at, "salvage: the peer does not point back; it is shown as unresolved");
            b.peer(unresolved(d.peer()));
        }
        if (index.isInside(d.parent()) && index.target(d.parent()).isEmpty()) {
            log.warning(Errno.EINVAL, at, "salvage: the parent names no device; it is shown as unresolved");
            b.parent(unresolved(d.parent()));
        }
        return b.build();
    }

    private static DeviceRef unresolved(DeviceRef r) {
        return new DeviceRef(null, r.ifindex(), r.name());
    }
}
