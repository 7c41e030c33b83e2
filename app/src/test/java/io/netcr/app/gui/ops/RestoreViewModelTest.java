package io.netcr.app.gui.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.ops.RestoreService;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The restore dialog's view-model, without a robot or a kernel: the host and the privileges are a seam. */
class RestoreViewModelTest {

    private Snapshot host = OpsFixtures.hostView();
    private Optional<Diagnostic> privilege = Optional.empty();
    private final List<RestoreOptions> applied = new ArrayList<>();
    private int refreshed;

    private final RestoreEngine engine = new RestoreEngine() {
        @Override
        public ReadResult readImage(Path file) {
            return new ReadResult(OpsFixtures.image(), List.of());
        }

        @Override
        public Snapshot hostView() {
            return host;
        }

        @Override
        public Optional<Diagnostic> checkPrivileges() {
            return privilege;
        }

        @Override
        public RestoreService.Applied apply(Snapshot image, RestoreOptions options, String holder) {
            applied.add(options);
            RestoreResult r = new RestoreResult(true, List.of(), Map.of("a", options.prefix() + "a"), 9, 12.0, 3.0);
            return new RestoreService.Applied(null, r, List.of());
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
        RestoreEngine failing = new RestoreEngine() {
            @Override
            public ReadResult readImage(Path file) {
                return engine.readImage(file);
            }

            @Override
            public Snapshot hostView() {
                return host;
            }

            @Override
            public Optional<Diagnostic> checkPrivileges() {
                return Optional.empty();
            }

            @Override
            public RestoreService.Applied apply(Snapshot image, RestoreOptions options, String holder) {
                return new RestoreService.Applied(null, new RestoreResult(false, List.of(failure), Map.of(), 1, 2, 1),
                        List.of(failure));
            }
        };
        RestoreViewModel vm = new RestoreViewModel(new CurrentThreadTaskExecutor(), failing, () -> refreshed++);
        vm.imageProperty().set(Path.of("/tmp/a.netcr"));

        vm.apply();

        assertEquals(List.of(failure), vm.problems());
        assertNull(vm.restoredProperty().get());
        assertTrue(vm.statusProperty().get().contains("rolled back"), vm.statusProperty().get());
        assertFalse(vm.canApplyProperty().get());
        assertEquals(0, refreshed);
        assertNotNull(vm.imageSnapshotProperty().get());
    }
}
