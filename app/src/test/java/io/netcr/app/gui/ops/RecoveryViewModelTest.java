package io.netcr.app.gui.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recovery dialog's view-model, without a robot or a kernel. */
class RecoveryViewModelTest {

    private final FakeRecoveryEngine engine = new FakeRecoveryEngine();
    private int shown;
    private int refreshed;
    private final RecoveryViewModel vm = new RecoveryViewModel(new CurrentThreadTaskExecutor(), engine,
            () -> refreshed++);

    @Test
    void should_show_nothing_when_no_restore_was_left_unfinished() {
        engine.leftoverThere = false;

        vm.check(() -> shown++);

        assertEquals(0, shown);
        assertFalse(vm.canActProperty().get());
        assertEquals(List.of(), engine.calls, "not even a dry run");
    }

    @Test
    void should_offer_a_leftover_with_what_undo_would_remove() {
        vm.check(() -> shown++);

        assertEquals(1, shown);
        assertTrue(vm.leftoverProperty().get().contains("pid 4242 (netcr restore three.netcr)")
                && vm.leftoverProperty().get().contains("1 of 3 steps done, up to 2 more may have been"),
                vm.leftoverProperty().get());
        assertEquals("Undo it, finish it, or leave it for later", vm.statusProperty().get());
        assertEquals(List.of(new FakeRecoveryEngine.Call(false, true)), engine.calls, "one dry run, changing nothing");
        assertEquals(List.of("Undo removes: ip netns del a (nsfs 4:4026532001)"), vm.preview());
        assertTrue(vm.canActProperty().get());
    }

    @Test
    void should_undo_once_and_refresh_the_live_host() {
        vm.check(() -> shown++);

        vm.undo();
        vm.undo(); // a second click after it is done does nothing

        assertEquals(List.of(new FakeRecoveryEngine.Call(false, true), new FakeRecoveryEngine.Call(false, false)),
                engine.calls);
        assertTrue(vm.recoveredProperty().get());
        assertFalse(vm.canActProperty().get());
        assertEquals(1, refreshed);
        assertEquals("Undone: the host is as it was before that restore", vm.statusProperty().get());
        assertEquals(List.of("Removed: ip netns del a (nsfs 4:4026532001)"), vm.preview());
    }

    @Test
    void should_keep_both_ways_open_when_a_finish_fails() {
        Diagnostic refused = Diagnostic.error(Errno.EEXIST, SubjectPath.of(SubjectPath.NETNS, "b"), Phase.RESTORE,
                "/run/netns/b is not the namespace the restore made; the restore cannot be finished");
        engine.failWith = List.of(refused);
        vm.check(() -> shown++);

        vm.finish();

        assertEquals(new FakeRecoveryEngine.Call(true, false), engine.calls.get(1));
        assertFalse(vm.recoveredProperty().get());
        assertTrue(vm.canActProperty().get(), "Undo is still there");
        assertEquals(List.of(refused), vm.problems());
        assertEquals(0, refreshed);
        assertTrue(vm.statusProperty().get().startsWith("The restore could not be finished"), vm.statusProperty().get());
    }

    @Test
    void should_say_when_the_journal_cannot_be_read_and_offer_nothing_it_cannot_do() {
        engine.unreadable = new IOException("/run/netcr/restore.journal line 3: not JSON");

        vm.check(() -> shown++);

        assertEquals(1, shown);
        assertFalse(vm.canActProperty().get());
        assertEquals(Errno.EBADMSG, vm.problems().get(0).code());
        assertTrue(vm.problems().get(0).message().contains("line 3") && vm.problems().get(0).message()
                .contains("netcr recover"), vm.problems().get(0).message());
    }
}
