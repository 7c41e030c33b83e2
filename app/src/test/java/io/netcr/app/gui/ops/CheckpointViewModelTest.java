package io.netcr.app.gui.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.checkpoint.CheckpointSelector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint dialog's view-model, without a robot or a kernel. */
class CheckpointViewModelTest {

    private final List<Snapshot> written = new ArrayList<>();
    /** Warnings the engine adds, as the real one does for rules and tables an image leaves out. */
    private final List<Diagnostic> routingWarnings = new ArrayList<>();
    private final CheckpointEngine engine = new CheckpointEngine() {
        @Override
        public Snapshot readHost() {
            return OpsFixtures.host();
        }

        @Override
        public CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) {
            return CheckpointSelector.select(OpsFixtures.host(), specs, false, options).withWarnings(routingWarnings);
        }

        @Override
        public void write(Snapshot image, Path output) {
            written.add(image);
        }
    };

    private CheckpointViewModel model(TaskExecutor executor) {
        return new CheckpointViewModel(executor, engine, OpsFixtures.host(), Path.of("/tmp"), LocalDate.of(2026, 11, 29));
    }

    @Test
    void should_list_the_namespaces_with_init_not_selectable_and_propose_host_date_file() {
        CheckpointViewModel vm = model(new CurrentThreadTaskExecutor());

        assertEquals(List.of("nsfs:1", "a", "b"), vm.namespaces().stream().map(NamespaceChoice::spec).toList());
        assertFalse(vm.namespaces().get(0).selectable());
        vm.selectAll(true);
        assertFalse(vm.namespaces().get(0).isSelected(), "init is never selected");
        assertEquals(Path.of("/tmp/box-2026-11-29.netcr"), vm.outputProperty().get());
        vm.selectAll(false);
        assertFalse(vm.canRunProperty().get(), "nothing selected");
    }

    @Test
    void should_turn_the_selection_and_options_into_a_checkpoint_request_and_write_the_image() {
        CheckpointViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.namespaces().get(1).setSelected(true);
        vm.skipUnsupportedProperty().set(true);
        vm.maxAddressesProperty().set(8);
        vm.outputProperty().set(Path.of("/tmp/x.netcr"));
        assertTrue(vm.canRunProperty().get());

        vm.checkpoint();

        assertEquals(new CheckpointViewModel.Request(List.of("a"), new CheckpointOptions(true, 8), Path.of("/tmp/x.netcr")),
                vm.lastRequest());
        assertEquals(1, written.size());
        assertEquals(List.of("a"), written.get(0).namespaces().stream().filter(n -> !n.init())
                .map(Namespace::label).toList());
        assertEquals(Path.of("/tmp/x.netcr"), vm.writtenProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Checkpointed 1 namespace"), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void should_show_the_engines_warnings_and_write_them_into_the_image() {
        CheckpointViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.namespaces().get(1).setSelected(true);
        Diagnostic unsaved = Diagnostic.warning(Errno.ENOSYS, SubjectPath.parse("netns:a"), Phase.CHECKPOINT,
                "1 route in table 100 is not checkpointed");
        routingWarnings.add(unsaved);

        vm.checkpoint();

        assertEquals(List.of(unsaved), List.copyOf(vm.diagnostics()));
        assertEquals(List.of(unsaved), written.get(0).diagnostics());
        assertTrue(vm.statusProperty().get().endsWith("1 warning(s) below"), vm.statusProperty().get());
    }

    @Test
    void should_show_every_diagnostic_and_write_nothing_when_refused() {
        CheckpointViewModel vm = model(new CurrentThreadTaskExecutor());
        vm.namespaces().get(2).setSelected(true);
        vm.maxAddressesProperty().set(1); // b's lo has two

        vm.checkpoint();

        assertTrue(vm.diagnostics().stream().anyMatch(d -> d.code() == Errno.E2BIG), vm.diagnostics().toString());
        assertTrue(written.isEmpty());
        assertNull(vm.writtenProperty().get());
        assertTrue(vm.statusProperty().get().contains("nothing was written"), vm.statusProperty().get());
    }

    @Test
    void should_write_nothing_when_cancelled_before_the_write() {
        List<BackgroundTask<?>> queued = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void execute(BackgroundTask<T> task) {
                queued.add(task);
            }

            @Override
            public void runOnUiThread(Runnable action) {
                action.run();
            }
        };
        CheckpointViewModel vm = model(later);
        vm.namespaces().get(1).setSelected(true);

        vm.checkpoint();
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.canRunProperty().get(), "one run at a time");
        vm.cancel();
        new CurrentThreadTaskExecutor().execute(queued.get(0));

        assertTrue(written.isEmpty(), "nothing written after cancel");
        assertEquals("Cancelled; nothing was written", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
    }
}
