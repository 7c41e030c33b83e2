package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.Fixtures;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    private final Snapshot demo = Fixtures.demo();
    private final GraphDrawing drawing = GraphLayout.layout(TopologyBuilder.build(demo), false);

    @Test
    void should_put_every_device_inside_its_namespace_box() {
        for (NodeShape n : drawing.nodes()) {
            if (!n.external()) {
                Rect box = drawing.box(n.box()).orElseThrow().bounds();
                assertTrue(box.containsRect(n.bounds()), n.id() + " " + n.bounds() + " outside " + box);
            }
        }
    }

    @Test
    void should_not_overlap_boxes_or_nodes() {
        List<BoxShape> boxes = drawing.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).bounds().intersects(boxes.get(j).bounds()),
                        boxes.get(i).id() + " overlaps " + boxes.get(j).id());
            }
        }
        List<NodeShape> nodes = drawing.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(nodes.get(i).bounds().intersects(nodes.get(j).bounds()),
                        nodes.get(i).id() + " overlaps " + nodes.get(j).id());
            }
        }
    }

    @Test
    void should_route_cross_namespace_edges_from_node_to_node() {
        EdgeShape e = drawing.edges().stream()
                .filter(x -> x.touches(SubjectPath.parse("netns:host/dev:vh-web"))).findFirst().orElseThrow();
        assertEquals(EdgeKind.PEER, e.kind());
        Rect from = drawing.node(e.from()).orElseThrow().bounds().grow(1);
        Rect to = drawing.node(e.to()).orElseThrow().bounds().grow(1);
        Point first = e.points().get(0);
        Point last = e.points().get(e.points().size() - 1);
        assertTrue(from.contains(first.x(), first.y()), "starts at " + first + ", node at " + from);
        assertTrue(to.contains(last.x(), last.y()), "ends at " + last + ", node at " + to);
    }
}
