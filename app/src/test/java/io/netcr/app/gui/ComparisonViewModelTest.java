package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.Change;
import io.netcr.model.diff.ChangeKind;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compare with…: the active document against an older file or the host, coloured and listed. */
class ComparisonViewModelTest {

    private Preferences prefs;
    private FakeHost host;
    private WorkbenchViewModel vm;

    @BeforeEach
    void open_the_sample() {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        host = new FakeHost(() -> new ReadResult(Fixtures.demo(), java.util.List.of()));
        vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), new RecentFiles(prefs), host);
        vm.open(Fixtures.diagnosticsDemoFile());
    }

    @AfterEach
    void forget_prefs() throws Exception {
        prefs.removeNode();
    }

    private static SubjectPath p(String text) {
        return SubjectPath.parse(text);
    }

    @Test
    void should_colour_added_and_changed_objects_and_list_removed_ones() {
        vm.compare().compareWith(WorkbenchSource.file(Fixtures.olderDemoFile()));
        Comparison c = vm.compare().comparisonProperty().get();
        assertNotNull(c);
        assertEquals(ChangeKind.ADDED, c.status().get(p("netns:mon")));
        assertEquals(ChangeKind.ADDED, c.status().get(p("netns:mon/dev:vx0")));
        assertEquals(ChangeKind.CHANGED, c.status().get(p("netns:db/dev:eth1")));
        assertEquals(ChangeKind.CHANGED, c.status().get(p("netns:db")));
        assertEquals(ChangeKind.CHANGED, c.status().get(p("netns:web")), "web lost a device");
        assertNull(c.status().get(p("netns:lan/dev:br0")), "unchanged objects are not coloured");

        Change mtu = vm.compare().changes().stream().filter(ch -> ch.field().equals("mtu")).findFirst().orElseThrow();
        assertEquals(p("netns:db/dev:eth1"), mtu.subject());
        assertEquals("1500", mtu.oldValue());
        assertEquals("9000", mtu.newValue());
        assertEquals("1500  ->  9000", Comparison.values(mtu));
        assertEquals(1, c.removed().size());
        assertEquals(p("netns:web/dev:old0"), c.removed().get(0).subject());
        assertEquals(1, c.ghosts().cards().size(), "the removed device is drawn as a ghost");
        assertEquals("web/old0", c.ghosts().cards().get(0).label());
        assertTrue(c.ghosts().bounds().y() > vm.getActive().drawing().bounds().maxY() - 1, "under the drawing");
        assertTrue(vm.statusProperty().get().startsWith("Compared with netcr-test-older-"), vm.statusProperty().get());
    }

    @Test
    void should_reveal_the_owner_of_an_object_that_exists_only_in_the_other_source() {
        vm.compare().compareWith(WorkbenchSource.file(Fixtures.olderDemoFile()));
        vm.selection().reveal(p("netns:web/dev:old0"));
        assertEquals(p("netns:web"), vm.selection().drawnSelectionProperty().get());
    }

    @Test
    void should_find_no_differences_with_the_same_snapshot_from_the_host() {
        vm.compare().compareWith(WorkbenchSource.LIVE);
        assertEquals(1, host.reads);
        assertTrue(vm.compare().comparisonProperty().get().report().isEmpty());
        assertTrue(vm.compare().changes().isEmpty());
        assertTrue(vm.compare().comparisonProperty().get().status().isEmpty());
    }

    @Test
    void should_clear_the_comparison() {
        vm.compare().compareWith(WorkbenchSource.file(Fixtures.olderDemoFile()));
        assertFalse(vm.compare().changes().isEmpty());
        vm.compare().clear();
        assertNull(vm.compare().comparisonProperty().get());
        assertTrue(vm.compare().changes().isEmpty());
    }

    @Test
    void should_compare_again_when_the_active_source_is_refreshed_and_drop_it_for_another_document() {
        vm.compare().compareWith(WorkbenchSource.file(Fixtures.olderDemoFile()));
        Comparison before = vm.compare().comparisonProperty().get();
        vm.refresh();
        assertNotNull(vm.compare().comparisonProperty().get());
        assertFalse(before == vm.compare().comparisonProperty().get(), "computed again for the new read");
        assertEquals(before.report(), vm.compare().comparisonProperty().get().report());
        vm.openLive();
        assertNull(vm.compare().comparisonProperty().get(), "it belonged to the file, not the host");
    }

    @Test
    void should_say_why_the_other_source_cannot_be_compared() {
        vm.compare().compareWith(WorkbenchSource.file(java.nio.file.Path.of("/nonexistent/x.json")));
        assertNull(vm.compare().comparisonProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Cannot compare: Cannot open x.json"), vm.statusProperty().get());
    }
}
