package io.netcr.bridge.restore;

import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The devices of the restorer's namespace that one run may touch: those it created, once the kernel has
 * confirmed the creation. Were a creation refused (a device of that name appeared after planning), a
 * pipelined "link set up" must not act on someone else's device of that name.
 */
final class OwnLinks {

    private final Map<Integer, String> pending = new HashMap<>();
    private final Set<String> own = new HashSet<>();

    /** Step {@code i} is sent: the device it creates in the restorer's namespace, if any, awaits its ACK. */
    void sent(int i, PlanStep step) {
        String name = createdInRestorer(step);
        if (name != null) {
            pending.put(i, name);
        }
    }

    /** The kernel confirmed step {@code i}. */
    void confirmed(int i) {
        String name = pending.remove(i);
        if (name != null) {
            own.add(name);
        }
    }

    /** A device found to be this restore's by other means (a recovery's check, or its creation seen done). */
    void add(String name) {
        own.add(name);
    }

    void addAll(Set<String> names) {
        own.addAll(names);
    }

    boolean owns(String name) {
        return own.contains(name);
    }

    /** The device a step creates in the restorer's namespace, or null. */
    static String createdInRestorer(PlanStep step) {
        if (step instanceof PlanStep.CreateVeth v) {
            return v.peer().ns().isRestorer() ? v.peer().name() : v.end().ns().isRestorer() ? v.end().name() : null;
        }
        if (step instanceof PlanStep.CreateBridge b && b.bridge().ns().isRestorer()) {
            return b.bridge().name();
        }
        return null;
    }

    /**
     * The device a step creates (a veth's first end: its pair comes whole or not at all), or null for a step that
     * creates none.
     */
    static LinkEnd created(PlanStep step) {
        if (step instanceof PlanStep.CreateVeth v) {
            return v.end();
        }
        if (step instanceof PlanStep.CreateBridge b) {
            return b.bridge();
        }
        if (step instanceof PlanStep.CreateLink l) {
            return l.link();
        }
        if (step instanceof PlanStep.CreateTun t) {
            return t.tun();
        }
        return null;
    }

    /** The existing device a step changes (rather than creates), or null. */
    static String changedBy(PlanStep step) {
        if (step instanceof PlanStep.SetLink s) {
            return s.device();
        }
        if (step instanceof PlanStep.SetMaster m) {
            return m.device();
        }
        if (step instanceof PlanStep.AddAddress a) {
            return a.device();
        }
        if (step instanceof PlanStep.SetAddressFlags f) {
            return f.device();
        }
        if (step instanceof PlanStep.SetUp u) {
            return u.device();
        }
        if (step instanceof PlanStep.SetAddrGenMode g) {
            return g.device();
        }
        if (step instanceof PlanStep.AddRoute r) {
            return r.route().device();
        }
        if (step instanceof PlanStep.AddNeighbour n) {
            return n.neighbour().device();
        }
        return null;
    }
}
