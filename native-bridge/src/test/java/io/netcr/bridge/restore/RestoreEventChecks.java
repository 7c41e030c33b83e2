package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** What the events of a restore must be, for the kernel tests that record them. */
final class RestoreEventChecks {

    private RestoreEventChecks() {
    }

    /** The events of a successful restore: one per step, in plan order, each numbered of the plan's total. */
    static void assertEveryStepInOrder(RestorePlan plan, List<RestoreEvent> events) {
        assertEquals(plan.steps().size(), events.size(), "one event per step");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(new RestoreEvent.StepStarted(i + 1, plan.steps().size(), plan.steps().get(i)), events.get(i));
            assertEquals(plan.steps().get(i).describe(), events.get(i).text());
        }
    }

    /**
     * The events of a restore that failed at step k: steps 1..k as they started, in plan order; then one undo,
     * numbered 1..n of n, per change that steps 1..k-1 made and the journal keeps (namespaces; outside
     * halves, their addresses and routes), the namespaces last, newest first.
     */
    static void assertStepsThenUndo(RestorePlan plan, int k, List<RestoreEvent> events) {
        List<RestoreEvent> started = events.stream().filter(e -> e instanceof RestoreEvent.StepStarted).toList();
        List<RestoreEvent> undone = events.stream().filter(e -> e instanceof RestoreEvent.Undoing).toList();
        assertEquals(started, events.subList(0, started.size()), "every step before any undo, at step " + k);
        assertEquals(k, started.size(), () -> "steps 1.." + k + " started: " + started);
        for (int i = 0; i < k; i++) {
            assertEquals(new RestoreEvent.StepStarted(i + 1, plan.steps().size(), plan.steps().get(i)), started.get(i));
        }
        for (int i = 0; i < undone.size(); i++) {
            assertEquals(i + 1, undone.get(i).number());
            assertEquals(undone.size(), undone.get(i).total());
        }
        List<String> expected = plan.steps().subList(0, k - 1).stream().flatMap(s -> undoOf(s).stream()).sorted()
                .toList();
        List<String> texts = undone.stream().map(RestoreEvent::text).toList();
        assertEquals(expected, texts.stream().sorted().toList(), "the undo after a failure at step " + k);
        List<String> namespacesNewestFirst = new ArrayList<>(plan.steps().subList(0, k - 1).stream()
                .filter(s -> s instanceof PlanStep.CreateNamespace).flatMap(s -> undoOf(s).stream()).toList());
        Collections.reverse(namespacesNewestFirst);
        assertEquals(namespacesNewestFirst, texts.subList(texts.size() - namespacesNewestFirst.size(), texts.size()));
    }

    /** What undoes a step, as the docs say the journal keeps it: nothing inside a new namespace but the namespace. */
    private static List<String> undoOf(PlanStep step) {
        if (step instanceof PlanStep.CreateNamespace c) {
            return List.of("ip netns del " + c.name());
        }
        if (step instanceof PlanStep.CreateVeth v) {
            return Stream.of(v.end(), v.peer()).filter(e -> e.ns().isRestorer())
                    .map(e -> "ip link del " + e.name()).toList();
        }
        if (step instanceof PlanStep.CreateBridge b && b.bridge().ns().isRestorer()) {
            return List.of("ip link del " + b.bridge().name());
        }
        if (step instanceof PlanStep.AddAddress a && a.ns().isRestorer()) {
            return List.of("ip addr del " + a.address().cidr() + " dev " + a.device());
        }
        if (step instanceof PlanStep.AddRoute r && r.ns().isRestorer()) {
            return List.of("ip route del " + r.route().describe());
        }
        return List.of();
    }
}
