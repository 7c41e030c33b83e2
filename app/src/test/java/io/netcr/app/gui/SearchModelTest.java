package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search field's model: what matches, "n of m", next and previous, without a window. */
class SearchModelTest {

    private Preferences prefs;
    private WorkbenchViewModel vm;
    private SearchModel search;

    @BeforeEach
    void open_the_sample() {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        vm = new WorkbenchViewModel(new CurrentThreadTaskExecutor(), new RecentFiles(prefs));
        vm.openAsSample(Fixtures.diagnosticsDemoFile(), Fixtures.SAMPLE_NOTE);
        search = vm.search();
    }

    @AfterEach
    void forget_prefs() throws Exception {
        prefs.removeNode();
    }

    private static SubjectPath p(String text) {
        return SubjectPath.parse(text);
    }

    private List<String> found(String query) {
        search.textProperty().set(query);
        return search.matches().stream().map(SubjectPath::toString).toList();
    }

    @Test
    void should_count_the_matches_then_say_which_one_the_user_is_at_and_wrap_around() {
        search.textProperty().set("eth1");
        assertEquals(List.of(p("netns:web/dev:eth1"), p("netns:db/dev:eth1")), search.matches());
        assertEquals("2 matches", search.positionProperty().get());
        assertTrue(search.next());
        assertEquals("1 of 2", search.positionProperty().get());
        assertEquals(p("netns:web/dev:eth1"), vm.selection().getSelected());
        search.next();
        assertEquals("2 of 2", search.positionProperty().get());
        assertEquals(p("netns:db/dev:eth1"), vm.selection().getSelected());
        search.next();
        assertEquals("1 of 2", search.positionProperty().get(), "past the last: the first again");
        search.previous();
        assertEquals("2 of 2", search.positionProperty().get(), "before the first: the last");
        assertTrue(vm.selection().focusProperty().get().zoom());
    }

    @Test
    void should_start_again_from_no_match_when_the_text_changes_and_say_when_nothing_matches() {
        search.textProperty().set("eth1");
        search.next();
        search.textProperty().set("br0");
        assertEquals("1 match", search.positionProperty().get());
        assertEquals(-1, search.currentProperty().get());
        search.textProperty().set("nothing-like-this");
        assertEquals("no match", search.positionProperty().get());
        assertFalse(search.next());
        search.textProperty().set("");
        assertEquals("", search.positionProperty().get());
    }

    @Test
    void should_find_the_addresses_inside_a_prefix_or_a_cidr_and_not_a_mere_substring() {
        assertEquals(List.of("netns:db/dev:lo"), found("10.250.99"));
        assertEquals(List.of("netns:db/dev:backup"), found("10.250.3.0/24"));
        List<String> all = found("10.250");
        assertTrue(all.containsAll(List.of("netns:host/dev:vh-web", "netns:web/dev:eth0", "netns:lan/dev:mv0",
                "netns:mon/dev:vx0")), all.toString());
        assertFalse(all.contains("netns:host/dev:eth0"), "192.168.122.20 is not in 10.250.0.0/16");
        assertEquals(List.of("netns:web/dev:eth1", "netns:db/dev:eth1", "netns:lan/dev:br0"),
                found("fd00:250:2::/48"));
        assertEquals(List.of(), found("10.25.0.0/16"));
    }

    @Test
    void should_find_a_mac_typed_either_way_and_devices_by_kind() {
        assertEquals(List.of("netns:lan/dev:br0"), found("CE:7A:10:3B:FF:01"));
        assertEquals(List.of("netns:lan/dev:br0"), found("ce-7a-10-3b-ff-01"));
        assertEquals(List.of("netns:mon/dev:vx0"), found("kind:vxlan"));
        assertEquals(List.of("netns:lan/dev:mv0"), found("kind:MACVLAN"));
        assertEquals(List.of(), found("kind:"));
    }

    @Test
    void should_find_an_exact_name_first() {
        assertEquals("netns:web", found("web").get(0));
    }
}
