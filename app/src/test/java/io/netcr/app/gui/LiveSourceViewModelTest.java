package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live host as a source of the window, with a fake host: start-up, fallback, refresh, not root. */
class LiveSourceViewModelTest {

    private Preferences prefs;
    private FakeHost host;
    private WorkbenchViewModel vm;

    @BeforeEach
    void make_a_window_on_a_fake_host() {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        host = new FakeHost(() -> ok(Fixtures.demo()));
        vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), new RecentFiles(prefs), host);
    }

    @AfterEach
    void forget_prefs() throws Exception {
        prefs.removeNode();
    }

    private static ReadResult ok(Snapshot s) {
        return new ReadResult(s, s.diagnostics());
    }

    @Test
    void should_start_on_this_host_and_list_it_as_a_source() {
        vm.openLiveOrSample();
        assertTrue(vm.getActive().live());
        assertEquals(WorkbenchSource.LIVE, vm.getActive().source());
        assertEquals("This host (lab-01)", vm.getActive().title());
        assertTrue(vm.statusProperty().get().startsWith("Read This host (lab-01): 5 namespaces"),
                vm.statusProperty().get());
        assertTrue(vm.recentFiles().isEmpty(), "the host is not a recent file");
    }

    @Test
    void should_show_the_bundled_sample_and_say_why_when_the_host_cannot_be_read() {
        host.answer = () -> ReadResult.failed(List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.READ,
                "this host cannot be read: libc not found")));
        vm.openLiveOrSample();
        assertTrue(vm.getActive().sample());
        assertEquals("This host cannot be read (libc not found): showing the bundled sample",
                vm.statusProperty().get());
    }

    @Test
    void should_refresh_the_host_through_the_same_reader_and_replace_its_document() {
        vm.openLiveOrSample();
        Snapshot fewer = new Snapshot(Fixtures.demo().source(), Fixtures.demo().namespaces().subList(0, 2), List.of());
        host.answer = () -> ok(fewer);
        vm.refresh();
        assertEquals(2, host.reads);
        assertEquals(1, vm.documents().size(), "one document per source");
        assertEquals(2, vm.getActive().snapshot().namespaces().size());
        assertTrue(vm.getActive().live());
    }

    @Test
    void should_refresh_a_file_by_reading_the_file_again() {
        vm.open(Fixtures.diagnosticsDemoFile());
        Document first = vm.getActive();
        vm.refresh();
        assertEquals(0, host.reads);
        assertEquals(1, vm.documents().size());
        assertFalse(first == vm.getActive(), "read again");
    }

    @Test
    void should_say_in_one_line_what_needs_root_when_not_root() {
        Snapshot demo = Fixtures.demo();
        host.answer = () -> ok(demo.withDiagnostics(List.of(
                Diagnostic.warning(Errno.EPERM, SubjectPath.parse("netns:web"), Phase.SNAPSHOT,
                        "reading this namespace needs root (CAP_SYS_ADMIN): Operation not permitted"))));
        vm.openLive();
        assertTrue(vm.statusProperty().get().startsWith("Not root: only this process's namespace could be read"
                + " (1 more needs CAP_SYS_ADMIN); run as root to see all namespaces."), vm.statusProperty().get());
        assertTrue(vm.selection().diagnostics().stream().anyMatch(d -> d.code() == Errno.EPERM),
                "the refused namespace is in the table");
    }

    @Test
    void should_close_the_host_when_the_window_closes() {
        vm.openLive();
        vm.close();
        assertTrue(host.closed);
        assertNull(vm.compare().comparisonProperty().get());
    }
}
