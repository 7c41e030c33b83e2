package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.Fixtures;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
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

    @Test
    void should_lay_out_empty_namespaces_stubs_and_many_boxes_without_overlap() {
        List<Namespace> nss = new ArrayList<>();
        List<Device> hostDevices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "ns" + i;
            hostDevices.add(Device.builder(100 + i, "h" + i, "veth").up(true).operstate("up")
                    .peer(new DeviceRef(id, 2, "eth0")).addresses(List.of(Address.of("10.250." + i + ".1/24"))).build());
            nss.add(new Namespace(id, List.of("c" + i), false, List.of(
                    Device.builder(1, "lo", "loopback").up(true).build(),
                    Device.builder(2, "eth0", "veth").up(true).peer(new DeviceRef("host", 100 + i, "h" + i)).build())));
        }
        nss.add(new Namespace("empty", List.of("empty"), false, List.of()));
        nss.add(new Namespace("lonely", List.of("lonely"), false, List.of(
                Device.builder(2, "x0", "veth").peer(new DeviceRef(null, 9, null)).build())));
        nss.add(0, new Namespace("host", List.of("host"), true, hostDevices));
        Snapshot big = new Snapshot(new Source("json", null, null, null, null, null), nss, List.of());
        GraphDrawing g = GraphLayout.layout(TopologyBuilder.build(big), true);
        assertEquals(43, g.boxes().size());
        assertEquals(40, g.edges().stream().filter(e -> e.kind() == EdgeKind.PEER && !e.to().toString().startsWith("external")
                && !e.from().toString().startsWith("external")).count());
        assertTrue(g.node(SubjectPath.parse("external:? #9")).isPresent());
        for (int i = 0; i < g.boxes().size(); i++) {
            for (int j = i + 1; j < g.boxes().size(); j++) {
                assertFalse(g.boxes().get(i).bounds().intersects(g.boxes().get(j).bounds()));
            }
        }
    }
}
