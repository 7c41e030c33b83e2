package io.netcr.model.plan;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.link.KindSpec;
import io.netcr.model.link.LinkKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the creation of the kinds beyond loopback, veth and bridge ({@link LinkKinds}): a tun through
 * /dev/net/tun, the others in one RTM_NEWLINK each. A device on a parent waits until every device is placed,
 * then finds its parent (in a restored namespace, an outside half the restore makes, or a device the
 * restorer's namespace must have: its eth0, checked here with ENODEV) and is created after it; chains (a vlan
 * on a macvlan) come out in order.
 */
final class KindPlanner {

    /** A device on a parent, waiting for every device to be placed. */
    private record Waiting(Namespace ns, Placed placed, KindSpec spec) {
    }

    private final Snapshot image;
    private final Map<String, String> nsNames;
    private final RestoreNaming naming;
    private final List<Diagnostic> problems;
    private final Map<Device, Placed> placedByDevice = new IdentityHashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();

    KindPlanner(Snapshot image, Map<String, String> nsNames, RestoreNaming naming, List<Diagnostic> problems) {
        this.image = image;
        this.nsNames = nsNames;
        this.naming = naming;
        this.problems = problems;
    }

    /** Every device the restore places, so that parents can be found among them. */
    void placed(Placed p) {
        placedByDevice.put(p.device(), p);
    }

    /**
     * A device of a kind with a spec: its creation goes to {@code links} now (a tun, or a device without a
     * parent) or once its parent is known ({@link #planWaiting}). False when it cannot be restored (said).
     */
    boolean plan(Namespace ns, Placed p, KindSpec spec, List<PlanStep> links) {
        Device d = p.device();
        List<String> unknown = spec.unknownKeys(d.config().data());
        if (!unknown.isEmpty()) {
            problems.add(Diagnostic.error(Errno.ENOSYS, p.subject(), Phase.RESTORE, d.name() + " has settings this "
                    + "netcr cannot set (" + String.join(", ", unknown) + "; written by a newer netcr?); restored "
                    + "without them it would not be the device that was checkpointed"));
            return false;
        }
        if (spec.making() == KindSpec.Making.TUN_IOCTL) {
            links.add(new PlanStep.CreateTun(new LinkEnd(p.ns(), p.name(), d.ifindex(), null, 0), d.config().data()));
            if (d.mac() != null || d.mtu() > 0 && d.mtu() != 1500) {
                links.add(new PlanStep.SetLink(p.ns(), p.name(), d.mac(), d.mtu() == 1500 ? 0 : d.mtu()));
            }
            if ("false".equals(d.config().get("persist"))) {
                problems.add(Diagnostic.warning(Errno.EOPNOTSUPP, p.subject(), Phase.RESTORE, d.name() + " lived only "
                        + "while a process held it open; it is restored as a persistent device, which that process "
                        + "must open again (TUNSETIFF) and may delete"));
            }
            return true;
        }
        if (d.parent() == null && spec.parent() != KindSpec.Parent.REQUIRED) {
            links.add(create(p, null));
            return true;
        }
        waiting.add(new Waiting(ns, p, spec));
        return true;
    }

    /** The devices on parents, each after its parent; those that cannot be made are said and no longer placed. */
    void planWaiting(List<PlanStep> links, List<Placed> placed) {
        Map<Waiting, LinkParent> parents = new IdentityHashMap<>();
        Map<Waiting, Placed> parentPlaced = new IdentityHashMap<>();
        for (Waiting w : waiting) {
            Placed pp = parentPlaced(w);
            LinkParent parent = pp != null ? new LinkParent(pp.ns(), pp.name()) : outsideParent(w);
            if (parent == null) {
                placed.remove(w.placed());
                continue;
            }
            parents.put(w, parent);
            if (pp != null) {
                parentPlaced.put(w, pp);
            }
        }
        List<Waiting> left = new ArrayList<>(parents.keySet().stream().toList());
        left.sort(Comparator.comparingInt(waiting::indexOf));
        while (!left.isEmpty()) {
            Waiting next = left.stream().filter(w -> {
                Placed pp = parentPlaced.get(w);
                return pp == null || left.stream().noneMatch(o -> o.placed() == pp);
            }).findFirst().orElse(null);
            if (next == null) {
                left.forEach(w -> {
                    problems.add(Diagnostic.error(Errno.EINVAL, w.placed().subject(), Phase.RESTORE, w.placed().name()
                            + " and its parents sit on one another in a loop; the image is damaged"));
                    placed.remove(w.placed());
                });
                return;
            }
            left.remove(next);
            links.add(create(next.placed(), parents.get(next)));
        }
    }

    private PlanStep.CreateLink create(Placed p, LinkParent parent) {
        Device d = p.device();
        KindSpec spec = LinkKinds.spec(d.kind()).orElseThrow();
        return new PlanStep.CreateLink(new LinkEnd(p.ns(), p.name(), d.ifindex(), spec.setsMac() ? d.mac() : null,
                d.mtu()), d.kind(), d.config().data(), parent);
    }

    /** The placed device a parent reference names, when it is one the restore makes (or configures). */
    private Placed parentPlaced(Waiting w) {
        DeviceRef ref = w.placed().device().parent();
        if (ref == null || !ref.isResolved()) {
            return null;
        }
        Device parent = image.namespace(ref.namespace()).flatMap(n -> n.device(ref.ifindex())).orElse(null);
        return parent == null ? null : placedByDevice.get(parent);
    }

    /**
     * A parent outside the restored set: it must be a device of the restorer's namespace, by its image name or
     * as renamed with {@code --rename dev:OLD=NEW}. Null when there is none (said).
     */
    private LinkParent outsideParent(Waiting w) {
        Device d = w.placed().device();
        DeviceRef ref = d.parent();
        SubjectPath where = w.placed().subject();
        if (ref == null) {
            problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the device " + d.name() + " sits on "
                    + "is not recorded, and a " + d.kind() + " cannot be made without it"));
            return null;
        }
        if (ref.isResolved() && nsNames.containsKey(ref.namespace())) {
            problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the device " + d.name() + " sits on ("
                    + (ref.name() != null ? ref.name() : "ifindex " + ref.ifindex()) + " in " + w.ns().label()
                    + ") is not restored, so " + d.name() + " cannot be"));
            return null;
        }
        String imageName = image.namespace(ref.namespace() == null ? "" : ref.namespace())
                .flatMap(n -> n.device(ref.ifindex())).map(Device::name).orElse(ref.name());
        if (imageName == null) {
            problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the device " + d.name() + " sits on "
                    + "is known only by its ifindex " + ref.ifindex() + " in another namespace; it cannot be found"));
            return null;
        }
        String name = naming.restorerParentName(imageName, d, where);
        return name == null ? null : new LinkParent(TargetNs.RESTORER, name);
    }
}
