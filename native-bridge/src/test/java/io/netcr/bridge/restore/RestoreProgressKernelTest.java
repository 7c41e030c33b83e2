package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events of real restores (root): every step as it starts, in plan order, on the restoring thread,
 * namespaces made by several threads included; a listener that fails. The events of a failed restore are
 * checked by {@link RestoreKernelTest}'s rollback test, at every step. What a test makes is removed.
 */
class RestoreProgressKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    static final RestoreSweep SWEEP = new RestoreSweep();

    @TempDir
    Path dir;

    @Test
    void should_report_every_step_in_plan_order_as_it_starts_on_the_restoring_thread() throws Exception {
        Snapshot image = RestoreKernelTest.checkpointedTopology(TOPO, dir).image();
        RestorePlan plan = RestoreKernelTest.prefixedPlan(image, SWEEP.prefix());
        List<RestoreEvent> events = new ArrayList<>();
        Thread restoring = Thread.currentThread();
        List<Thread> heardOn = new ArrayList<>();

        RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults(), e -> {
            events.add(e);
            heardOn.add(Thread.currentThread());
        });

        assertTrue(r.success(), () -> r.diagnostics().toString());
        RestoreEventChecks.assertEveryStepInOrder(plan, events);
        assertEquals(List.of(restoring), heardOn.stream().distinct().toList());
    }

    @Test
    void should_report_namespaces_in_plan_order_when_several_threads_create_them() throws Exception {
        int count = 40; // more than 16 per thread: NamedNamespaces shares them among its threads
        RestorePlan plan = RestoreKernelTest.prefixedPlan(namespacesWithLoopbackUp(count), SWEEP.prefix());
        List<RestoreEvent> events = new ArrayList<>();
        Thread restoring = Thread.currentThread();
        List<Thread> heardOn = new ArrayList<>();

        RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults(), e -> {
            events.add(e);
            heardOn.add(Thread.currentThread());
        });

        assertTrue(r.success(), () -> r.diagnostics().toString());
        assertTrue(plan.steps().subList(0, count).stream().allMatch(st -> st instanceof PlanStep.CreateNamespace));
        RestoreEventChecks.assertEveryStepInOrder(plan, events);
        assertEquals(List.of(restoring), heardOn.stream().distinct().toList());
        assertEquals(count, HostView.namedNamespaces(Path.of("/run/netns")).stream()
                .filter(n -> n.startsWith(SWEEP.prefix())).count());
    }

    @Test
    void should_go_on_restoring_when_the_listener_fails() throws Exception {
        RestorePlan plan = RestoreKernelTest.prefixedPlan(namespacesWithLoopbackUp(1), SWEEP.prefix());
        List<RestoreEvent> events = new ArrayList<>();

        RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults(), e -> {
            events.add(e);
            throw new IllegalStateException("a listener with a bug");
        });

        assertTrue(r.success(), () -> r.diagnostics().toString());
        assertEquals(1, events.size(), "not called again once it failed");
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).message().contains("a listener with a bug"), r.diagnostics().toString());
        assertTrue(HostView.namedNamespaces(Path.of("/run/netns")).contains(SWEEP.prefix() + "n0"));
    }

    /** An image of namespaces n0, n1, ... with their loopback up: a plan of namespaces, then "link set lo up"s. */
    private static Snapshot namespacesWithLoopbackUp(int count) {
        List<Namespace> namespaces = new ArrayList<>();
        namespaces.add(new Namespace("init", List.of(), true, List.of()));
        for (int i = 0; i < count; i++) {
            namespaces.add(new Namespace("n" + i, List.of("n" + i), false, List.of(Device.builder(1, "lo",
                    Device.LOOPBACK).mtu(65536).up(true).build())));
        }
        return new Snapshot(new Source("json", null, null, null, null, "test"), namespaces, List.of());
    }
}
