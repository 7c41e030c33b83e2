package io.netcr.bridge.restore;

import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.sys.Inode;
import io.netcr.model.Address;
import io.netcr.model.Route;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Something a restore step makes that an undo must remove, with what identifies it. Inside a namespace the
 * restore made nothing needs an entry: removing the namespace removes all of it. A new kind of step that
 * changes the restorer's namespace (a sysctl, a rule, an nftables table) adds its record here, and its
 * undo to {@link Undo}.
 */
sealed interface Made {

    /** The plan step (1-based) that makes it. */
    int step();

    /** The iproute2 equivalent of undoing it. */
    String describe();

    /** A named namespace: its file's inode and its nsfs inode, recorded before it got its name. */
    record Namespace(int step, String name, Inode file, Inode netns) implements Made {
        public String describe() {
            return "ip netns del " + name;
        }
    }

    /**
     * A device in the restorer's namespace: the outside half of a veth pair whose other end, {@code inner},
     * lies in a namespace the restore made (null for a device without a peer, such as a bridge).
     * {@code ifindex} is the one asked for (0: the kernel chose).
     */
    record RestorerLink(int step, String name, int ifindex, LinkEnd inner) implements Made {
        public String describe() {
            return "ip link del " + name;
        }
    }

    /** An address added in the restorer's namespace, on one of its {@link RestorerLink}s. */
    record RestorerAddress(int step, String device, Address address) implements Made {
        public String describe() {
            return "ip addr del " + address.cidr() + " dev " + device;
        }
    }

    /** A route added in the restorer's namespace, through one of its {@link RestorerLink}s. */
    record RestorerRoute(int step, Route route) implements Made {
        public String describe() {
            return "ip route del " + route.destination() + (route.device() != null ? " dev " + route.device() : "");
        }
    }

    /**
     * What the journal's restore may have made, in plan order: the objects of every step the kernel
     * acknowledged, and of the steps up to {@code unknownUpTo} that may have taken effect (announced, no
     * outcome). A namespace counts only once its identity is on record, which is before it got its name.
     */
    static List<Made> of(JournalContent journal, int unknownUpTo) {
        RestorePlan plan = journal.plan();
        List<Made> made = new ArrayList<>();
        for (int k = 1; k <= plan.steps().size(); k++) {
            JournalContent.StepState state = journal.state(k);
            if (state == JournalContent.StepState.DONE
                    || state == JournalContent.StepState.UNKNOWN && k <= unknownUpTo) {
                made.addAll(of(k, plan.steps().get(k - 1), journal));
            }
        }
        return made;
    }

    /** What step {@code k} makes. */
    private static List<Made> of(int k, PlanStep step, JournalContent journal) {
        if (step instanceof PlanStep.CreateNamespace c) {
            JournalRecord.NetnsMade id = journal.namespaces().get(k);
            return id == null ? List.of() : List.of(new Namespace(k, c.name(), id.file(), id.netns()));
        }
        if (step instanceof PlanStep.CreateVeth v) {
            if (v.peer().ns().isRestorer() && !v.end().ns().isRestorer()) {
                return List.of(new RestorerLink(k, v.peer().name(), v.peer().ifindex(), v.end()));
            }
            if (v.end().ns().isRestorer() && !v.peer().ns().isRestorer()) {
                return List.of(new RestorerLink(k, v.end().name(), v.end().ifindex(), v.peer()));
            }
            return List.of(); // both ends inside made namespaces (a plan never puts both in the restorer's)
        }
        if (step instanceof PlanStep.CreateBridge b && b.bridge().ns().isRestorer()) {
            return List.of(new RestorerLink(k, b.bridge().name(), b.bridge().ifindex(), null));
        }
        if (step instanceof PlanStep.AddAddress a && a.ns().isRestorer()) {
            return List.of(new RestorerAddress(k, a.device(), a.address()));
        }
        if (step instanceof PlanStep.AddRoute r && r.ns().isRestorer()) {
            return List.of(new RestorerRoute(k, r.route()));
        }
        // CreateLink and CreateTun place their device in a namespace the restore made, even when the request is
        // made from the restorer's (a macvlan on its eth0): removing the namespace removes the device, since the
        // kernel unregisters such virtual devices with their namespace rather than moving them back.
        // SetLink/SetMaster/SetUp/SetAddrGenMode of restorer links go with those links; SetAddressFlags with the
        // address its AddAddress made.
        return List.of();
    }
}
