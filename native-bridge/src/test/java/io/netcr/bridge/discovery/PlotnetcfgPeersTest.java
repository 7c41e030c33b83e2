package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Peer links against plotnetcfg, an independent implementation (C, RTM_GETNSID per namespace pair).
 * plotnetcfg only sees /run/netns namespaces and the root one when run in a fresh PID namespace.
 */
class PlotnetcfgPeersTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @Test
    void should_resolve_the_same_veth_peers_as_plotnetcfg() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/plotnetcfg")), "plotnetcfg is installed");
        LiveDiscoveryKernelTest.Built b = LiveDiscoveryKernelTest.build(TOPO);
        Snapshot s;
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            s = d.snapshot();
        }
        JsonNode plot = new ObjectMapper().readTree(KernelTopology.run(List.of("unshare", "--pid", "--fork",
                "--mount-proc", "/bin/sh", "-c", "plotnetcfg \"$@\"", "sh", "-f", "json"), true));

        // plotnetcfg's view: "ns/ifname" -> peer target, for our namespaces and our init-side device
        Set<String> ours = Set.of("", b.a(), b.b());
        Map<String, String> theirs = new HashMap<>();
        for (JsonNode ns : plot.get("namespaces")) {
            String name = ns.get("name").asText();
            if (!ours.contains(name)) {
                continue;
            }
            for (JsonNode i : ns.get("interfaces")) {
                boolean mine = !name.isEmpty() || i.get("name").asText().equals(b.hostEnd());
                if (mine && i.has("peer")) {
                    theirs.put(i.get("id").asText(), i.get("peer").get("target").asText());
                }
            }
        }
        Map<String, String> mine = new HashMap<>();
        for (Namespace ns : s.namespaces()) {
            String name = plotName(ns);
            if (name == null || !ours.contains(name)) {
                continue;
            }
            for (Device d : ns.devices()) {
                if (d.peer() == null || (name.isEmpty() && !d.name().equals(b.hostEnd()))) {
                    continue;
                }
                String target = s.namespace(d.peer().namespace()).map(PlotnetcfgPeersTest::plotName).orElse(null);
                if (target != null) { // plotnetcfg cannot see process-held namespaces
                    mine.put(name + "/" + d.name(), target + "/" + d.peer().name());
                }
            }
        }
        assertEquals(6, mine.size(), "the topology's veths are all there: " + mine);
        theirs.keySet().retainAll(mine.keySet());
        assertEquals(theirs, mine);
    }

    private static String plotName(Namespace ns) {
        return ns.init() ? "" : ns.names().isEmpty() ? null : ns.names().get(0);
    }
}
