package io.netcr.app.gui;

import io.netcr.app.testing.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.services.Samples;
import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's logic without a window: selection sync, search, diagnostics placement (search: SearchModelTest). */
class WorkbenchViewModelTest {

    private Preferences prefs;
    private WorkbenchViewModel vm;
    private SelectionModel sel;

    @BeforeEach
    void open_the_sample() throws Exception {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), new RecentFiles(prefs));
        sel = vm.selection();
        vm.openAsSample(Fixtures.diagnosticsDemoFile(), Fixtures.SAMPLE_NOTE);
    }

    @AfterEach
    void forget_prefs() throws Exception {
        prefs.removeNode();
    }

    private static SubjectPath p(String text) {
        return SubjectPath.parse(text);
    }

    private String property(String name) {
        return sel.properties().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void should_open_the_sample_and_say_why() {
        assertNotNull(vm.getActive());
        assertEquals(Fixtures.SAMPLE_NOTE, vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.recentFiles().isEmpty(), "the sample is not a recent file");
    }

    @Test
    void should_highlight_the_peer_of_a_selected_veth_and_show_its_fields() {
        sel.select(p("netns:web/dev:eth0"));
        assertEquals(p("netns:web/dev:eth0"), sel.drawnSelectionProperty().get());
        assertEquals(java.util.Set.of(p("netns:host/dev:vh-web")), sel.highlighted());
        assertEquals("ce:7a:10:3b:00:02", property("mac"));
        assertEquals("host/vh-web", property("peer"));
    }

    @Test
    void should_show_an_address_on_its_device_without_lighting_the_peer() {
        sel.select(p("netns:web/dev:eth0/addr:10.250.0.2/30"));
        assertEquals(p("netns:web/dev:eth0"), sel.drawnSelectionProperty().get());
        assertTrue(sel.highlighted().isEmpty());
        assertEquals("10.250.0.2", property("address"));
    }

    @Test
    void should_select_the_device_of_a_searched_address_and_ask_to_zoom_to_it() {
        vm.search().textProperty().set("10.250.2.20");
        assertTrue(vm.search().next());
        assertEquals(p("netns:db/dev:eth1"), sel.getSelected());
        assertEquals(p("netns:db/dev:eth1"), sel.focusProperty().get().path());
        assertTrue(sel.focusProperty().get().zoom(), "a search hit is zoomed to");
    }

    @Test
    void should_place_diagnostics_on_the_nearest_drawn_owner() {
        List<Diagnostic> onBridge = sel.diagnosticsOn(p("netns:lan/dev:br0"));
        assertEquals(1, onBridge.size());
        assertEquals(Severity.ERROR, onBridge.get(0).severity());
        // the warning names an address, which is not drawn: it sits on the address's device
        List<Diagnostic> onEth0 = sel.diagnosticsOn(p("netns:web/dev:eth0"));
        assertEquals(1, onEth0.size());
        assertEquals(Severity.WARNING, onEth0.get(0).severity());
        assertEquals(2, sel.diagnostics().size());
        assertEquals(2, vm.getActive().badges().size());
    }

    @Test
    void should_reveal_the_subject_of_a_diagnostic() {
        Diagnostic warning = sel.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING)
                .findFirst().orElseThrow();
        sel.reveal(warning.subject());
        assertEquals(warning.subject(), sel.getSelected());
        assertEquals(p("netns:web/dev:eth0"), sel.focusProperty().get().path());
    }

    @Test
    void should_keep_telling_listeners_after_garbage_collection() {
        // regression: read-only list views made per call were collected, and the property sheet went blank
        List<Integer> changes = new java.util.ArrayList<>();
        sel.properties().addListener((javafx.collections.ListChangeListener<PropertyRows.Row>) c -> changes.add(1));
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        sel.select(p("netns:db/dev:eth1"));
        assertFalse(changes.isEmpty());
    }

    @Test
    void should_keep_the_selection_when_details_are_toggled() {
        sel.select(p("netns:db/dev:eth1"));
        vm.showDetailsProperty().set(true);
        assertTrue(vm.getActive().drawing().showDetails());
        assertEquals(p("netns:db/dev:eth1"), sel.getSelected());
    }

    @Test
    void should_remember_opened_files(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("copy.json");
        java.nio.file.Files.copy(Samples.demoFile(), copy);
        vm.open(copy);
        assertEquals(List.of(copy.toAbsolutePath().normalize()), vm.recentFiles());
        assertEquals(2, vm.documents().size());
        assertEquals(List.of(copy.toAbsolutePath().normalize()), new RecentFiles(prefs).load());
    }

    @Test
    void should_list_why_a_file_cannot_be_opened(@TempDir Path tmp) {
        vm.open(tmp.resolve("missing.json"));
        assertTrue(vm.statusProperty().get().startsWith("Cannot open missing.json"), vm.statusProperty().get());
        assertEquals(1, sel.diagnostics().size());
        assertNull(sel.getSelected());
    }
}
