package io.netcr.app.gui.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.hosts.StepEvent;
import io.netcr.app.services.RestoreService;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The restore dialog's view-model, without a robot or a kernel: the host and the privileges are a seam. */
class RestoreViewModelTest {

    /** What the engine's apply does in a test: by default takes the lock at once and restores. */
    private interface Applier {
        RestoreOutcome apply(RestoreOptions options, Monitor monitor);
    }

    /**
     * A restore as a host runs it, told to the dialog's watch and cancellation the way {@link
     * io.netcr.app.hosts.LocalHost} tells them: who holds the lock, the lock taken (unless cancelled first), steps.
     */
    private record Monitor(RestoreWatch watch, Cancellation cancellation) {
        void heldBy(String holder) {
            watch.waiting(holder);
        }

        boolean cancelled() {
            return cancellation.isCancelled();
        }

        boolean begin() {
            if (!cancellation.begin()) {
                return false;
            }
            watch.begun();
            return true;
        }

        void on(StepEvent e) {
            watch.step(e);
        }
    }

    private Snapshot host = OpsFixtures.hostView();
    private Optional<Diagnostic> privilege = Optional.empty();
    private final List<RestoreOptions> applied = new ArrayList<>();
    private int refreshed;
    private Applier applier = (options, monitor) -> {
        assertTrue(monitor.begin());
        applied.add(options);
        RestoreResult r = new RestoreResult(true, List.of(), Map.of("a", options.prefix() + "a"), 9, 12.0, 3.0);
        return new RestoreOutcome(null, r, List.of(), false);
    };

    private final RestoreEngine engine = new RestoreEngine() {
        @Override
        public ReadResult readImage(Path file) {
            return new ReadResult(OpsFixtures.image(), List.of());
        }

        @Override
        public PlanSummary plan(Snapshot image, RestoreOptions options) {
            return PlanSummary.of(RestoreService.plan(image, host, options));
        }

        @Override
        public Optional<Diagnostic> checkPrivileges() {
            return privilege;
        }

        @Override
        public RestoreOutcome apply(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) {
            return applier.apply(request.options(), new Monitor(watch, cancellation));
        }
    };

    private RestoreViewModel opened() {
        RestoreViewModel vm = new RestoreViewModel(new CurrentThreadTaskExecutor(), engine, () -> refreshed++);
        vm.imageProperty().set(Path.of("/tmp/a.netcr"));
        return vm;
    }

    @Test
    void should_show_the_numbered_dry_run_and_offer_a_rename_row_per_name() {
        RestoreViewModel vm = opened();

        assertEquals("1. ip netns add a", vm.steps().get(0));
        assertTrue(vm.steps().stream().anyMatch(s -> s.contains("addr add 10.250.200.1/32 dev lo")), vm.steps().toString());
        assertEquals(List.of("dev:ha", "a"), vm.renames().stream().map(r -> r.fromProperty().get()).toList());
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertTrue(vm.canApplyProperty().get());
    }

    @Test
    void should_plan_again_when_the_prefix_or_a_rename_changes() {
        RestoreViewModel vm = opened();

        vm.prefixProperty().set("x-");
        assertEquals("1. ip netns add x-a", vm.steps().get(0));
        assertTrue(vm.steps().stream().anyMatch(s -> s.contains("peer name x-ha")), vm.steps().toString());

        vm.renames().get(1).toProperty().set("zed");
        vm.renames().get(0).toProperty().set("hz");
        assertEquals(new RestoreOptions(Map.of("a", "zed", "dev:ha", "hz"), "x-"), vm.options());
        assertEquals("1. ip netns add zed", vm.steps().get(0));
        assertTrue(vm.steps().stream().anyMatch(s -> s.contains("peer name hz")), vm.steps().toString());
    }

    @Test
    void should_enable_apply_only_when_the_plan_is_executable() {
        host = OpsFixtures.hostView("a"); // the name is taken
        RestoreViewModel vm = opened();

        assertTrue(vm.problems().stream().anyMatch(d -> d.code() == Errno.EEXIST), vm.problems().toString());
        assertFalse(vm.planProperty().get().isExecutable());
        assertFalse(vm.canApplyProperty().get());

        vm.prefixProperty().set("r-");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertTrue(vm.canApplyProperty().get());
    }

    @Test
    void should_show_eperm_and_keep_apply_disabled_when_not_privileged() {
        privilege = Optional.of(Diagnostic.error(Errno.EPERM, SubjectPath.ROOT, Phase.RESTORE,
                "restore needs root; run it as root"));
        RestoreViewModel vm = opened();

        assertTrue(vm.planProperty().get().isExecutable(), "the plan itself is fine");
        assertEquals(Errno.EPERM, vm.problems().get(0).code());
        assertFalse(vm.privilegedProperty().get());
        assertFalse(vm.canApplyProperty().get());
        assertFalse(vm.steps().isEmpty(), "the dry run is still shown");
    }

    @Test
    void should_apply_with_the_options_show_the_new_names_and_refresh_the_host() {
        RestoreViewModel vm = opened();
        vm.prefixProperty().set("r-");

        vm.apply();

        assertEquals(List.of(new RestoreOptions(Map.of(), "r-")), applied);
        assertEquals(Map.of("a", "r-a"), vm.restoredProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Restored 1 namespace") && vm.statusProperty().get()
                .endsWith("r-a"), vm.statusProperty().get());
        assertEquals(1, refreshed);
        assertFalse(vm.applyingProperty().get());
        assertFalse(vm.canApplyProperty().get(), "the same plan is not offered twice");
        vm.prefixProperty().set("s-");
        assertTrue(vm.canApplyProperty().get(), "new options, new plan");
    }

    @Test
    void should_show_the_diagnostics_of_a_rolled_back_restore() {
        Diagnostic failure = Diagnostic.error(Errno.EEXIST, SubjectPath.parse("netns:init/dev:ha"), Phase.RESTORE,
                "restore failed at step 2 of 9; everything the restore had done was undone");
        applier = (options, monitor) -> new RestoreOutcome(null,
                new RestoreResult(false, List.of(failure), Map.of(), 1, 2, 1), List.of(failure), false);
        RestoreViewModel vm = opened();

        vm.apply();

        assertEquals(List.of(failure), vm.problems());
        assertNull(vm.restoredProperty().get());
        assertTrue(vm.statusProperty().get().contains("rolled back"), vm.statusProperty().get());
        assertFalse(vm.canApplyProperty().get());
        assertEquals(0, refreshed);
        assertNotNull(vm.imageSnapshotProperty().get());
    }

    @Test
    void should_fill_the_bar_step_by_step_and_keep_the_last_step_on_screen() {
        RestoreViewModel vm = opened();
        RestoreProgressModel progress = vm.progress();
        List<PlanSummary.Step> steps = vm.planProperty().get().steps();
        List<Double> seen = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        applier = (options, monitor) -> {
            assertTrue(monitor.begin());
            assertEquals(RestoreProgressModel.INDETERMINATE, progress.progressProperty().get(), "planning again");
            for (int i = 0; i < steps.size(); i++) {
                monitor.on(new StepEvent(false, i + 1, steps.size(), steps.get(i).equivalent()));
                seen.add(progress.progressProperty().get());
                texts.add(progress.stepTextProperty().get());
            }
            return new RestoreOutcome(null, new RestoreResult(true, List.of(), Map.of("a", "a"), 9, 1, 1),
                    List.of(), false);
        };

        vm.apply();

        assertEquals("step 2 of " + steps.size() + ": " + steps.get(1).equivalent(), texts.get(1));
        assertEquals(steps.size(), seen.size());
        assertEquals(1.0 / steps.size(), seen.get(0), 1e-9);
        assertEquals(1.0, seen.get(seen.size() - 1), 1e-9);
        assertEquals(1.0, progress.progressProperty().get(), 1e-9);
        assertEquals("step " + steps.size() + " of " + steps.size() + ": " + steps.get(steps.size() - 1).equivalent(),
                progress.stepTextProperty().get());
        assertNull(progress.holderProperty().get());
        vm.prefixProperty().set("x-");
        assertEquals("", progress.stepTextProperty().get(), "new options: the last run is cleared");
    }

    @Test
    void should_shrink_the_bar_and_say_rolling_back_while_a_failed_restore_is_undone() {
        Diagnostic failure = Diagnostic.error(Errno.EEXIST, SubjectPath.parse("netns:init/dev:ha"), Phase.RESTORE,
                "restore failed at step 4 of 8; everything the restore had done was undone");
        RestoreViewModel vm = opened();
        RestoreProgressModel progress = vm.progress();
        List<PlanSummary.Step> steps = vm.planProperty().get().steps();
        List<String> texts = new ArrayList<>();
        List<Double> bars = new ArrayList<>();
        applier = (options, monitor) -> {
            assertTrue(monitor.begin());
            for (int i = 0; i < 4; i++) {
                monitor.on(new StepEvent(false, i + 1, 8, steps.get(i).equivalent()));
            }
            monitor.on(new StepEvent(true, 1, 2, "ip link del ha"));
            texts.add(progress.stepTextProperty().get());
            bars.add(progress.progressProperty().get());
            monitor.on(new StepEvent(true, 2, 2, "ip netns del a"));
            texts.add(progress.stepTextProperty().get());
            bars.add(progress.progressProperty().get());
            return new RestoreOutcome(null, new RestoreResult(false, List.of(failure), Map.of(), 3, 2, 1),
                    List.of(failure), false);
        };

        vm.apply();

        assertEquals(List.of("rolling back: ip link del ha (1 of 2)", "rolling back: ip netns del a (2 of 2)"), texts);
        assertEquals(List.of(0.5 * 4 / 8, 0.0), bars, "from where the steps got down to nothing");
        assertEquals(0.0, progress.progressProperty().get());
        assertTrue(vm.statusProperty().get().contains("rolled back"), vm.statusProperty().get());
    }

    @Test
    void should_say_who_holds_the_lock_and_change_nothing_when_cancelled_while_waiting() {
        RestoreViewModel vm = opened();
        RestoreProgressModel progress = vm.progress();
        List<String> shown = new ArrayList<>();
        applier = (options, monitor) -> {
            assertFalse(progress.cancellableProperty().get(), "no Cancel before the lock is found held");
            monitor.heldBy("pid 42 (netcr restore other.netcr) since 2025-06-01T10:00:00.5Z");
            shown.add(vm.statusProperty().get());
            shown.add(progress.stepTextProperty().get());
            assertTrue(progress.cancellableProperty().get());
            assertFalse(monitor.cancelled());
            vm.cancel(); // what the Cancel button does, while the restoring thread waits
            shown.add(vm.statusProperty().get());
            assertTrue(monitor.cancelled(), "the wait hears it");
            assertFalse(monitor.begin(), "and the restore does not go on");
            return new RestoreOutcome(null, null, List.of(), true);
        };

        vm.apply();

        assertEquals("Waiting for another restore to finish; Cancel leaves this host as it is", shown.get(0));
        assertTrue(shown.get(1).startsWith("waiting for another restore (pid 42: netcr restore other.netcr, since ")
                && shown.get(1).endsWith(") to finish"), shown.get(1));
        assertEquals("Cancelling…", shown.get(2));
        assertEquals("Cancelled while waiting for another restore; nothing was changed", vm.statusProperty().get());
        assertFalse(vm.applyingProperty().get());
        assertFalse(progress.cancellableProperty().get());
        assertNull(vm.restoredProperty().get());
        assertEquals("", progress.stepTextProperty().get());
        assertEquals(0, refreshed);
        assertTrue(vm.canApplyProperty().get(), "the same plan can be applied again");
    }

    @Test
    void should_go_on_once_the_lock_is_free_and_no_longer_hear_cancel() {
        RestoreViewModel vm = opened();
        RestoreProgressModel progress = vm.progress();
        List<String> shown = new ArrayList<>();
        Monitor[] kept = new Monitor[1];
        applier = (options, monitor) -> {
            kept[0] = monitor;
            monitor.heldBy("a process that has not said who it is");
            shown.add(vm.statusProperty().get());
            shown.add(progress.stepTextProperty().get());
            assertTrue(monitor.begin(), "the lock is free now");
            shown.add(vm.statusProperty().get());
            shown.add(progress.stepTextProperty().get());
            assertFalse(progress.cancellableProperty().get());
            vm.cancel();
            assertFalse(monitor.cancelled(), "too late: the restore has begun");
            return new RestoreOutcome(null, new RestoreResult(true, List.of(), Map.of("a", "a"), 9, 1, 1),
                    List.of(), false);
        };

        vm.apply();

        assertEquals(List.of("Waiting for another restore to finish; Cancel leaves this host as it is",
                "waiting for another restore (a process that has not said who it is) to finish",
                "Restoring 1 namespace(s)…", ""), shown);
        assertEquals(Map.of("a", "a"), vm.restoredProperty().get());
        String text = progress.stepTextProperty().get();
        kept[0].on(new StepEvent(true, 1, 1, "ip netns del a"));
        assertEquals(text, progress.stepTextProperty().get(), "a run that has ended is not heard");
    }

    @Test
    void should_let_the_window_close_while_waiting_but_not_once_the_restore_runs() {
        RestoreViewModel vm = opened();
        assertTrue(vm.mayClose(), "nothing runs: the window closes");
        List<Boolean> answers = new ArrayList<>();
        List<Boolean> cancelledByClose = new ArrayList<>();
        applier = (options, monitor) -> {
            monitor.heldBy("pid 42 (netcr restore other.netcr)");
            answers.add(vm.mayClose()); // while waiting: closes, and cancels the wait
            cancelledByClose.add(monitor.cancelled());
            return new RestoreOutcome(null, null, List.of(), true);
        };
        vm.apply();
        assertEquals(List.of(true), answers);
        assertEquals(List.of(true), cancelledByClose);

        answers.clear();
        applier = (options, monitor) -> {
            assertTrue(monitor.begin());
            answers.add(vm.mayClose()); // past the lock: it cannot stop half-way, so the window stays
            answers.add(monitor.cancelled());
            return new RestoreOutcome(null, new RestoreResult(true, List.of(), Map.of("a", "a"), 9, 1, 1),
                    List.of(), false);
        };
        vm.apply();
        assertEquals(List.of(false, false), answers);
        assertEquals(Map.of("a", "a"), vm.restoredProperty().get(), "the restore went on to its end");
        assertTrue(vm.mayClose(), "and then the window closes");
    }
}
