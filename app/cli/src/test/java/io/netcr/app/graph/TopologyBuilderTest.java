package io.netcr.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.Fixtures;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import org.junit.jupiter.api.Test;

class TopologyBuilderTest {

    private final Snapshot demo = Fixtures.demo();
    private final Topology topology = TopologyBuilder.build(demo);

    private long count(EdgeKind kind) {
        return topology.edges().stream().filter(e -> e.kind() == kind).count();
    }

    private boolean has(String from, String to, EdgeKind kind) {
        return topology.edges().stream().anyMatch(e -> e.kind() == kind
                && e.from().equals(SubjectPath.parse(from)) && e.to().equals(SubjectPath.parse(to)));
    }

    @Test
    void should_draw_one_box_per_namespace_with_the_init_namespace_first() {
        assertEquals(demo.namespaces().size(), topology.boxes().size());
        assertTrue(topology.boxes().get(0).namespace().init());
    }

    @Test
    void should_draw_one_node_per_device() {
        int devices = demo.namespaces().stream().mapToInt(ns -> ns.devices().size()).sum();
        assertEquals(devices, topology.nodeCount() - topology.externals().size());
    }

    @Test
    void should_draw_one_edge_per_veth_pair_not_two() {
        // host/vh-web<->web/eth0, web/eth1<->lan/p-web, db/eth1<->lan/p-db, db/backup->outside
        assertEquals(4, count(EdgeKind.PEER));
    }

    @Test
    void should_tie_bridge_ports_to_their_bridge() {
        assertEquals(2, count(EdgeKind.BRIDGE_PORT));
        assertTrue(has("netns:lan/dev:p-web", "netns:lan/dev:br0", EdgeKind.BRIDGE_PORT));
        assertTrue(has("netns:lan/dev:p-db", "netns:lan/dev:br0", EdgeKind.BRIDGE_PORT));
    }

    @Test
    void should_link_macvlan_and_vxlan_to_their_parents() {
        assertTrue(has("netns:lan/dev:mv0", "netns:lan/dev:br0", EdgeKind.PARENT));
        assertTrue(has("netns:mon/dev:vx0", "netns:host/dev:eth0", EdgeKind.PARENT));
    }

    @Test
    void should_stand_a_stub_for_a_peer_outside_the_snapshot() {
        assertEquals(1, topology.externals().size());
        Topology.Node stub = topology.externals().get(0);
        assertEquals(NodeKind.EXTERNAL, stub.kind());
        assertEquals("bk-peer", stub.label());
        assertTrue(has("netns:db/dev:backup", stub.id().toString(), EdgeKind.PEER));
    }
}
