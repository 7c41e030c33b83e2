package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A followed host's next drawing keeps what was on screen where it was (issue 14 §3): a state change only
 * repaints, a grown card moves nothing outside its box, a new namespace goes beside the rest, a removed one leaves
 * the rest in place.
 */
class StableLayoutTest {

    /** A hub joined by veths to {@code spokes} namespaces; {@code change} may alter spoke 3's eth0. */
    private static Snapshot star(int spokes, UnaryOperator<Device> change) {
        List<Namespace> nss = new ArrayList<>();
        List<Device> hub = new ArrayList<>();
        for (int i = 0; i < spokes; i++) {
            String id = "s" + i;
            hub.add(Device.builder(100 + i, "h" + i, "veth").up(true).operstate("up")
                    .peer(new DeviceRef(id, 2, "eth0")).addresses(List.of(Address.of("10.250." + i + ".1/24"))).build());
            Device eth0 = Device.builder(2, "eth0", "veth").up(true).operstate("up")
                    .peer(new DeviceRef("hub", 100 + i, "h" + i)).build();
            nss.add(new Namespace(id, List.of("nct" + i), false, List.of(
                    Device.builder(1, "lo", "loopback").up(true).build(), i == 3 ? change.apply(eth0) : eth0)));
        }
        nss.add(0, new Namespace("hub", List.of("hub"), true, hub));
        return new Snapshot(new Source("json", null, null, null, null, null), nss, List.of());
    }

    private static Snapshot star(int spokes) {
        return star(spokes, d -> d);
    }

    private static void assertSamePlaces(GraphDrawing before, GraphDrawing after, SubjectPath except) {
        assertSamePlaces(before, after, except, Set.of());
    }

    /** Every box of both but {@code moved} has its corner where it was; every device outside those and {@code except}. */
    private static void assertSamePlaces(GraphDrawing before, GraphDrawing after, SubjectPath except,
                                         Set<SubjectPath> moved) {
        for (BoxShape b : before.boxes()) {
            if (moved.contains(b.id())) {
                continue;
            }
            after.box(b.id()).ifPresent(now -> assertEquals(b.bounds().x(), now.bounds().x(), b.id() + " x"));
            after.box(b.id()).ifPresent(now -> assertEquals(b.bounds().y(), now.bounds().y(), b.id() + " y"));
        }
        for (NodeShape n : before.nodes()) {
            if (n.box() != null && (n.box().equals(except) || moved.contains(n.box()))) {
                continue;
            }
            after.node(n.id()).ifPresent(now -> assertEquals(n.bounds(), now.bounds(), n.id().toString()));
        }
    }

    private static void assertNoOverlap(GraphDrawing g) {
        for (int i = 0; i < g.boxes().size(); i++) {
            for (int j = i + 1; j < g.boxes().size(); j++) {
                assertFalse(g.boxes().get(i).bounds().intersects(g.boxes().get(j).bounds()),
                        g.boxes().get(i).id() + " over " + g.boxes().get(j).id());
            }
        }
    }

    @Test
    void should_only_repaint_when_a_device_changes_state() {
        GraphDrawing before = StableLayout.layout(null, star(12), false).drawing();
        Snapshot down = star(12, d -> Device.builder(2, "eth0", "veth").up(false).operstate("down")
                .peer(d.peer()).build());
        StableLayout.Result after = StableLayout.layout(before, down, false);

        assertEquals(StableLayout.Kind.REPAINTED, after.kind());
        assertSamePlaces(before, after.drawing(), null);
        assertEquals(before.edges(), after.drawing().edges());
        NodeShape eth0 = after.drawing().node(SubjectPath.parse("netns:nct3/dev:eth0")).orElseThrow();
        assertEquals("down", eth0.device().operstate(), "the new device is the one drawn");
        assertEquals(LinkState.of(eth0.device()), eth0.state());
    }

    @Test
    void should_only_repaint_when_a_device_goes_down_and_loses_its_link_local_line_and_when_it_comes_back() {
        UnaryOperator<Device> upWithLinkLocal = d -> Device.builder(2, "eth0", "veth").up(true).operstate("up")
                .peer(d.peer()).addresses(List.of(Address.of("10.250.3.2/24"), Address.of("fe80::3:2/64"))).build();
        GraphDrawing before = StableLayout.layout(null, star(12, upWithLinkLocal), false).drawing();
        Snapshot down = star(12, d -> Device.builder(2, "eth0", "veth").up(false).operstate("down").peer(d.peer())
                .addresses(List.of(Address.of("10.250.3.2/24"))).build());
        StableLayout.Result after = StableLayout.layout(before, down, false);

        assertEquals(StableLayout.Kind.REPAINTED, after.kind(), "a card whose content shrank keeps its size");
        assertSamePlaces(before, after.drawing(), null);
        SubjectPath eth0 = SubjectPath.parse("netns:nct3/dev:eth0");
        NodeShape shown = after.drawing().node(eth0).orElseThrow();
        assertEquals(1, shown.device().addresses().size(), "the new device is the one drawn");
        assertTrue(shown.bounds().h() > NodeText.height(shown.device(), false), "a blank line at its foot");

        StableLayout.Result back = StableLayout.layout(after.drawing(), star(12, upWithLinkLocal), false);
        assertEquals(StableLayout.Kind.REPAINTED, back.kind(), "the line it lost fits again");
        assertSamePlaces(before, back.drawing(), null);
        assertEquals(before.node(eth0).orElseThrow().bounds(), back.drawing().node(eth0).orElseThrow().bounds());
    }

    @Test
    void should_keep_every_other_namespace_in_place_when_a_card_grows() {
        GraphDrawing before = StableLayout.layout(null, star(12), false).drawing();
        Snapshot more = star(12, d -> Device.builder(2, "eth0", "veth").up(true).operstate("up").peer(d.peer())
                .addresses(List.of(Address.of("10.250.3.2/24"), Address.of("fd00:250::3:2/64"))).build());
        StableLayout.Result after = StableLayout.layout(before, more, false);

        assertNotEquals(StableLayout.Kind.FRESH, after.kind());
        assertSamePlaces(before, after.drawing(), SubjectPath.parse("netns:nct3"));
        assertNoOverlap(after.drawing());
    }

    @Test
    void should_place_a_new_namespace_without_moving_the_rest_and_leave_the_rest_when_one_goes() {
        GraphDrawing before = StableLayout.layout(null, star(12), false).drawing();
        StableLayout.Result grown = StableLayout.layout(before, star(13), false);

        assertEquals(StableLayout.Kind.ANCHORED, grown.kind());
        // The hub grew by a card: it alone may move (when it grew into a spoke), every spoke stays.
        Set<SubjectPath> moved = Set.of(SubjectPath.parse("netns:hub"));
        assertSamePlaces(before, grown.drawing(), SubjectPath.parse("netns:hub"), moved);
        assertTrue(grown.drawing().isDrawn(SubjectPath.parse("netns:nct12")));
        assertNoOverlap(grown.drawing());
        for (EdgeShape e : grown.drawing().edges()) {
            Rect from = grown.drawing().node(e.from()).orElseThrow().bounds().grow(2);
            Rect to = grown.drawing().node(e.to()).orElseThrow().bounds().grow(2);
            Point first = e.points().get(0);
            Point last = e.points().get(e.points().size() - 1);
            assertTrue(from.contains(first.x(), first.y()) && to.contains(last.x(), last.y()),
                    e.from() + " -> " + e.to() + " joins its nodes: " + e.points());
        }

        StableLayout.Result same = StableLayout.layout(grown.drawing(), star(13), false);
        assertEquals(StableLayout.Kind.REPAINTED, same.kind(), "an update that changes nothing drawn only repaints");
        assertEquals(grown.drawing().edges(), same.drawing().edges());

        StableLayout.Result shrunk = StableLayout.layout(grown.drawing(), star(11), false);
        assertNotEquals(StableLayout.Kind.REPAINTED, shrunk.kind());
        assertFalse(shrunk.drawing().isDrawn(SubjectPath.parse("netns:nct11")));
        assertEquals(StableLayout.Kind.ANCHORED, shrunk.kind());
        assertSamePlaces(grown.drawing(), shrunk.drawing(), SubjectPath.parse("netns:hub"), moved);
        assertNoOverlap(shrunk.drawing());
    }

    @Test
    void should_only_repaint_the_test_sample_when_an_mtu_changes() {
        Snapshot demo = io.netcr.app.testing.Fixtures.demo();
        GraphDrawing before = StableLayout.layout(null, demo, false).drawing();
        StableLayout.Result again = StableLayout.layout(before, demo, false);
        assertEquals(StableLayout.Kind.REPAINTED, again.kind(), "edges drawn against their direction are the same edges");
        assertSamePlaces(before, again.drawing(), null);
    }

    @Test
    void should_lay_out_afresh_when_the_details_setting_changes() {
        GraphDrawing before = StableLayout.layout(null, star(4), false).drawing();
        assertEquals(StableLayout.Kind.FRESH, StableLayout.layout(before, star(4), true).kind());
    }
}
