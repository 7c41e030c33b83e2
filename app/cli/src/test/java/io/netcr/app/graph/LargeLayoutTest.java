package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Big hosts: boxes of one shape laid out once and copied, and packed instead of ELK layered above SHELVES. */
class LargeLayoutTest {

    @Test
    void should_place_five_hundred_namespaces_in_rows_without_overlap_and_join_every_link() {
        Snapshot mesh = BenchSnapshots.mesh(GraphLayout.SHELVES + 100);
        GraphDrawing g = Exports.layout(mesh, false);
        assertEquals(mesh.namespaces().size(), g.boxes().size());
        List<BoxShape> boxes = g.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).bounds().intersects(boxes.get(j).bounds()),
                        boxes.get(i).id() + " overlaps " + boxes.get(j).id());
            }
        }
        for (NodeShape n : g.nodes()) {
            Rect box = g.box(n.box()).orElseThrow().bounds();
            assertTrue(box.contains(n.bounds().centerX(), n.bounds().centerY()), n.id() + " outside its box");
        }
        assertTrue(g.edges().stream().allMatch(e -> e.points().size() >= 2), "every link is routed");
        assertTrue(g.bounds().w() < 3 * g.bounds().h(), "rows, not one long line: " + g.bounds());
    }

    @Test
    void should_give_boxes_of_one_shape_the_same_inside() {
        GraphDrawing g = Exports.layout(BenchSnapshots.star(30), false);
        // (spoke1's IPv6 address is shorter: fd00:250::2/64, then fd00:250:1::2/64, fd00:250:2::2/64, ...)
        Rect a = g.box(SubjectPath.parse("netns:spoke2")).orElseThrow().bounds();
        Rect b = g.box(SubjectPath.parse("netns:spoke3")).orElseThrow().bounds();
        Rect a0 = g.node(SubjectPath.parse("netns:spoke2/dev:eth0")).orElseThrow().bounds();
        Rect b0 = g.node(SubjectPath.parse("netns:spoke3/dev:eth0")).orElseThrow().bounds();
        assertEquals(a.w(), b.w(), 1e-9);
        assertEquals(a.h(), b.h(), 1e-9);
        assertEquals(a0.x() - a.x(), b0.x() - b.x(), 1e-9);
        assertEquals(a0.y() - a.y(), b0.y() - b.y(), 1e-9);
    }
}
