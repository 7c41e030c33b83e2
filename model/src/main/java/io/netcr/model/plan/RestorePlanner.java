package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.link.KindSpec;
import io.netcr.model.link.LinkKinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a restore plan from an image and a snapshot of the host, following the seed: the image's
 * namespaces other than the init one are created anew; a veth whose peer lies outside them gets its
 * other half in the restorer's namespace, configured as recorded; the loopback that every new namespace
 * already has gets its extra addresses and state. Order: namespaces, devices (with ifindex, MAC, MTU),
 * bridge ports, addresses, links up, then routes (the kernel refuses a gateway over a link that is down).
 */
public final class RestorePlanner {

    /** Marks a namespace whose new name was refused (a '/' can never be in a real one). */
    private static final String UNNAMED = "/unnamed/";

    private final Snapshot image;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final RestoreOptions options;
    private final RestoreNaming naming;
    private final StatePlanner state;
    private final Map<String, String> nsNames = new LinkedHashMap<>(); // image namespace id -> new name
    private final List<Placed> placed = new ArrayList<>();
    private final Set<Integer> restorerIfindexes = new HashSet<>();
    private final KindPlanner kinds;

    private RestorePlanner(Snapshot image, Snapshot host, RestoreOptions options) {
        this.image = image;
        this.options = options;
        this.naming = new RestoreNaming(host, options, problems);
        this.state = new StatePlanner(SysctlBaseline.in(host), problems);
        this.kinds = new KindPlanner(image, nsNames, naming, problems);
    }

    public static RestorePlan plan(Snapshot image, Snapshot host, RestoreOptions options) {
        return new RestorePlanner(image, host, options).build();
    }

    private RestorePlan build() {
        List<Diagnostic> refused = options.problems();
        if (!refused.isEmpty()) {
            // Every later check would repeat them for each name they touch: the options are wrong, say only that.
            return new RestorePlan(List.of(), refused, Map.of());
        }
        List<Namespace> restored = image.namespaces().stream().filter(n -> !n.init()).toList();
        if (restored.isEmpty()) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.ROOT, Phase.RESTORE,
                    "the image holds no namespace to restore (only the init namespace)"));
        }
        for (Namespace ns : restored) {
            String name = naming.namespaceName(ns);
            // A namespace that cannot be named still has its devices checked, so that every problem shows.
            nsNames.put(ns.id(), name != null ? name : UNNAMED + ns.label());
        }
        List<PlanStep> steps = new ArrayList<>();
        nsNames.values().stream().filter(n -> !n.startsWith(UNNAMED))
                .forEach(n -> steps.add(new PlanStep.CreateNamespace(n)));
        List<PlanStep> links = new ArrayList<>();
        Set<String> pairsDone = new HashSet<>();
        for (Namespace ns : restored) {
            TargetNs target = new TargetNs(nsNames.get(ns.id()));
            for (Device d : ns.devices()) {
                planDevice(ns, d, target, pairsDone, links);
            }
        }
        placed.forEach(kinds::placed);
        kinds.planWaiting(links, placed);
        naming.reportUnusedRenames();
        reportInitDevicesLeftAlone();
        steps.addAll(links);
        for (Placed p : placed) {
            String mode = LinkLocals.modeOf(p.device());
            if (mode != null) {
                steps.add(new PlanStep.SetAddrGenMode(p.ns(), p.name(), p.device().up() ? LinkLocals.NONE : mode));
            }
        }
        placed.stream().filter(p -> p.device().master() != null).forEach(p -> planMaster(p, steps));
        planState(restored);
        steps.addAll(state.early); // sysctls and firewall: before addresses and links up
        placed.forEach(p -> planAddresses(p, steps));
        placed.stream().filter(p -> p.device().up()).forEach(p -> steps.add(new PlanStep.SetUp(p.ns(), p.name(),
                LinkLocals.modeAfterUp(p.device()))));
        placed.stream().filter(p -> p.device().up()).forEach(p -> planAddressFlags(p, steps));
        planRoutes(restored, steps);
        steps.addAll(state.late); // rules and permanent neighbours: once links are up
        // Steps in a namespace that cannot be named are not shown: they would never run.
        steps.removeIf(step -> step.targets().stream().anyMatch(t -> t.name() != null && t.name().startsWith(UNNAMED)));
        Map<String, String> named = new LinkedHashMap<>(nsNames);
        named.values().removeIf(n -> n.startsWith(UNNAMED));
        return new RestorePlan(steps, problems, named);
    }

    /** Each restored namespace's state: its devices that the restore makes, by name, say which keys apply. */
    private void planState(List<Namespace> restored) {
        for (Namespace ns : restored) {
            TargetNs target = new TargetNs(nsNames.get(ns.id()));
            Map<String, String> kinds = new LinkedHashMap<>();
            placed.stream().filter(p -> p.ns().equals(target)).forEach(p -> kinds.put(p.name(), p.device().kind()));
            state.plan(ns, target, kinds);
        }
    }

    private void planDevice(Namespace ns, Device d, TargetNs target, Set<String> pairsDone, List<PlanStep> links) {
        SubjectPath where = SubjectPath.of(ns, d);
        if (d.skipped()) {
            problems.add(Diagnostic.info(Errno.ENOSYS, where, Phase.RESTORE, d.kind() + " device " + d.name()
                    + " was left out by the checkpoint (--skip-unsupported) and is not restored"));
            return;
        }
        if (!LinkKinds.restorable(d)) {
            problems.add(Diagnostic.error(Errno.ENOSYS, where, Phase.RESTORE, "netcr cannot restore "
                    + (d.kind().isEmpty() ? "devices without a kind" : d.kind() + " devices") + " yet (only "
                    + LinkKinds.restorableList() + "); checkpoint again with --skip-unsupported to leave " + d.name()
                    + " out"));
            return;
        }
        KindSpec spec = LinkKinds.spec(d.kind()).orElse(null);
        if (d.isLoopback()) {
            placed.add(new Placed(d, target, d.name(), where));
            if (d.mtu() > 0 && d.mtu() != 65536) {
                links.add(new PlanStep.SetLink(target, d.name(), null, d.mtu()));
            }
        } else if (LinkKinds.isFallback(d)) {
            // A tunnel module makes it in every namespace: configured like lo, never created.
            placed.add(new Placed(d, target, d.name(), where));
            if (d.mtu() > 0) {
                links.add(new PlanStep.SetLink(target, d.name(), null, d.mtu()));
            }
            problems.add(Diagnostic.info(Errno.ENOENT, where, Phase.RESTORE, d.name() + " is the " + d.kind()
                    + " module's own device, which it makes in every namespace; the restore configures it, and fails "
                    + "(undoing everything) on a host without that module"));
        } else if (spec != null) {
            Placed p = new Placed(d, target, d.name(), where);
            if (kinds.plan(ns, p, spec, links)) {
                placed.add(p);
            }
        } else if (d.isBridge()) {
            placed.add(new Placed(d, target, d.name(), where));
            links.add(new PlanStep.CreateBridge(new LinkEnd(target, d.name(), d.ifindex(), d.mac(), d.mtu())));
        } else {
            planVeth(ns, d, target, where, pairsDone, links);
        }
    }

    private void planVeth(Namespace ns, Device d, TargetNs target, SubjectPath where, Set<String> pairsDone,
                          List<PlanStep> links) {
        if (!pairsDone.add(ns.id() + "\0" + d.ifindex())) {
            return; // created with its peer already
        }
        DeviceRef peer = d.peer();
        LinkEnd self = new LinkEnd(target, d.name(), d.ifindex(), d.mac(), d.mtu());
        placed.add(new Placed(d, target, d.name(), where));
        if (peer != null && peer.isResolved() && nsNames.containsKey(peer.namespace())) {
            Namespace peerNs = image.namespace(peer.namespace()).orElseThrow();
            Device other = peerNs.device(peer.ifindex()).orElse(null);
            if (other == null) {
                problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the peer of " + d.name()
                        + " (ifindex " + peer.ifindex() + " in " + peerNs.label() + ") is not in the image"));
                return;
            }
            pairsDone.add(peerNs.id() + "\0" + other.ifindex());
            TargetNs peerTarget = new TargetNs(nsNames.get(peerNs.id()));
            placed.add(new Placed(other, peerTarget, other.name(), SubjectPath.of(peerNs, other)));
            links.add(new PlanStep.CreateVeth(self, new LinkEnd(peerTarget, other.name(), other.ifindex(), other.mac(),
                    other.mtu())));
            return;
        }
        // The outside half: recreated in the restorer's namespace, configured as the image recorded it.
        Device outside = outsideHalf(peer);
        String imageName = outside != null ? outside.name() : peer != null ? peer.name() : null;
        if (imageName == null) {
            problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the peer of veth " + d.name()
                    + " is unknown (not even its name), so the pair cannot be recreated"));
            return;
        }
        SubjectPath outsideWhere = image.initNamespace().filter(n -> outside != null)
                .map(n -> SubjectPath.of(n, outside)).orElse(where.child("peer", imageName));
        String name = naming.restorerDeviceName(imageName, outsideWhere);
        if (name == null) {
            return;
        }
        int ifindex = naming.freeRestorerIfindex(outside != null ? outside.ifindex() : peer.ifindex(), restorerIfindexes);
        restorerIfindexes.add(ifindex);
        LinkEnd other = outside != null
                ? new LinkEnd(TargetNs.RESTORER, name, ifindex, outside.mac(), outside.mtu())
                : new LinkEnd(TargetNs.RESTORER, name, ifindex, null, d.mtu());
        if (outside != null) {
            placed.add(new Placed(outside, TargetNs.RESTORER, name, outsideWhere));
        }
        links.add(new PlanStep.CreateVeth(self, other));
    }

    /** The image's record of a peer that lies in its init namespace, if it has one. */
    private Device outsideHalf(DeviceRef peer) {
        if (peer == null || !peer.isResolved()) {
            return null;
        }
        return image.namespace(peer.namespace()).filter(Namespace::init).flatMap(n -> n.device(peer.ifindex()))
                .orElse(null);
    }

    private void planMaster(Placed p, List<PlanStep> steps) {
        String master = p.device().master();
        if (!p.ns().isRestorer()) {
            steps.add(new PlanStep.SetMaster(p.ns(), p.name(), master));
        } else if (naming.hostRestorerDevice(master) != null) {
            steps.add(new PlanStep.SetMaster(p.ns(), p.name(), master)); // e.g. back onto the host's bridge
        } else {
            problems.add(Diagnostic.warning(Errno.ENODEV, p.subject(), Phase.RESTORE, p.name() + " was a port of "
                    + master + ", which this host does not have; it is restored without a master"));
        }
    }

    private void planAddresses(Placed p, List<PlanStep> steps) {
        for (Address a : p.device().addresses()) {
            if (isKernelMade(p.device(), a)) {
                continue;
            }
            Address renamedLabel = a.label() != null && a.label().equals(p.device().name()) && !p.name().equals(a.label())
                    ? new Address(a.family(), a.address(), a.prefixlen(), a.scope(), a.flags(), p.name()) : a;
            steps.add(new PlanStep.AddAddress(p.ns(), p.name(), renamedLabel, a.isInet6()));
        }
    }

    /**
     * The IPv6 addresses of a device that is up, added with nodad, get the image's flags back once it is up
     * ({@link PlanStep.SetAddressFlags}). A device left down keeps nodad: without it, the kernel would run DAD
     * when the device next comes up, which the image's address, never tentative, did not need.
     */
    private void planAddressFlags(Placed p, List<PlanStep> steps) {
        p.device().addresses().stream()
                .filter(a -> a.isInet6() && !a.flags().contains("nodad") && !isKernelMade(p.device(), a))
                .forEach(a -> steps.add(new PlanStep.SetAddressFlags(p.ns(), p.name(), a)));
    }

    /**
     * Addresses the kernel makes by itself and a restore leaves to it: lo's own. IPv6 link-local addresses are
     * not among them: the restore adds the image's own with nodad, under address generation mode none
     * ({@link LinkLocals}), so that after it returns each device has exactly the image's addresses.
     */
    static boolean isKernelMade(Device d, Address a) {
        return d.isLoopback() && (a.cidr().equals("127.0.0.1/8") || a.cidr().equals("::1/128"));
    }

    private void planRoutes(List<Namespace> restored, List<PlanStep> steps) {
        for (Namespace ns : restored) {
            TargetNs target = new TargetNs(nsNames.get(ns.id()));
            if (target.name() == null) {
                continue;
            }
            for (Route r : ns.routes()) {
                if (isKernelOwn(r)) {
                    continue;
                }
                SubjectPath where = SubjectPath.of(ns).child(SubjectPath.ROUTE, r.destination());
                Device dev = r.device() == null ? null : ns.device(r.device()).orElse(null);
                if (!RESTORABLE_ROUTE_TYPES.contains(r.type())) {
                    problems.add(Diagnostic.warning(Errno.ENOSYS, where, Phase.RESTORE, "the route " + r.describe()
                            + " is of a type netcr does not restore (" + r.type() + "); add it by hand after the restore"));
                } else if (dev != null && dev.skipped()) {
                    problems.add(Diagnostic.warning(Errno.ENODEV, where, Phase.RESTORE, "the route " + r.describe()
                            + " is not restored: its device " + dev.name() + " is not (it was recorded as skipped)"));
                } else {
                    steps.add(new PlanStep.AddRoute(target, r, needsOnlink(ns, r)));
                }
            }
        }
        // Routes of the init namespace through an outside half follow it, renamed with it.
        image.initNamespace().ifPresent(init -> {
            for (Route r : init.routes()) {
                placed.stream().filter(p -> p.ns().isRestorer() && p.device().name().equals(r.device()))
                        .findFirst().filter(p -> isRestorable(r))
                        .ifPresent(p -> steps.add(new PlanStep.AddRoute(TargetNs.RESTORER, r.withDevice(p.name()),
                                r.gateway() != null && !p.device().up())));
            }
        });
    }

    private static boolean needsOnlink(Namespace ns, Route r) {
        return r.gateway() != null && r.device() != null && ns.device(r.device()).map(d -> !d.up()).orElse(false);
    }

    /** Route types a restore adds (RTN_*): all but multicast, nat and xresolve, which netcr does not make. */
    static final Set<String> RESTORABLE_ROUTE_TYPES = Set.of("unicast", "local", "broadcast", "anycast", "blackhole",
            "unreachable", "prohibit", "throw");

    /** Routes the kernel makes by itself (with their addresses and links): IPv6 link-local and multicast ones too. */
    static boolean isKernelOwn(Route r) {
        return r.isKernelMade() || r.isInet6() && (r.isLinkLocal() || r.isMulticast());
    }

    /** A route a restore adds: not the kernel's own, of a type it makes. */
    static boolean isRestorable(Route r) {
        return !isKernelOwn(r) && RESTORABLE_ROUTE_TYPES.contains(r.type());
    }

    /** Whether {@code child} sits on {@code d} of the init namespace: such a parent is used, not left alone. */
    private static boolean isParent(Namespace init, Device d, Device child) {
        DeviceRef p = child.parent();
        return p != null && init.id().equals(p.namespace()) && p.ifindex() == d.ifindex();
    }

    private void reportInitDevicesLeftAlone() {
        image.initNamespace().ifPresent(init -> init.devices().stream()
                .filter(d -> placed.stream().noneMatch(p -> p.device() == d))
                .filter(d -> !d.isLoopback())
                .filter(d -> placed.stream().noneMatch(p -> isParent(init, d, p.device())))
                .forEach(d -> problems.add(Diagnostic.info(Errno.ENOENT, SubjectPath.of(init, d), Phase.RESTORE,
                        d.name() + " belongs to the init namespace and is not the peer of a restored device; "
                                + "restore leaves the host's own devices alone"))));
    }
}
