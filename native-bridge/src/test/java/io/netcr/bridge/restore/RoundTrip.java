package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checkpoint, remove, restore of namespaces a kernel test built, under their own names: the steps of the
 * kinds' and the link-locals' round trips.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /**
     * Removes a namespace the test built, its devices first, newest first (a macvlan before its parent): a
     * deleted namespace is torn down by the kernel later, and a device still there then (a macvtap's character
     * device, a macvlan's address on a host parent) would clash with the one the restore makes.
     */
    static void remove(KernelTopology topo, String ns) throws IOException {
        List<JsonNode> links = new ArrayList<>();
        topo.ipJson(ns, "link", "show").forEach(links::add);
        links.sort(Comparator.comparingInt((JsonNode l) -> l.get("ifindex").asInt()).reversed());
        for (JsonNode l : links) {
            if (!l.path("flags").toString().contains("LOOPBACK")) {
                // a veth's peer goes with it, a macvlan with its parent: some are gone already
                KernelTopology.run(List.of("ip", "-n", ns, "link", "del", l.get("ifname").asText()), false);
            }
        }
        topo.ip("netns", "del", ns);
    }

    /** Restores an image with these options; the plan must be executable and the restore succeed. */
    static RestoreResult restore(Snapshot image, RestoreOptions options) throws Exception {
        RestorePlan plan = RestoreKernelTest.plan(image, options);
        assertTrue(plan.isExecutable(), () -> "plan: " + plan.diagnostics());
        RestoreResult result = PlanExecutor.execute(plan, PlanExecutor.Options.defaults());
        assertTrue(result.success(), () -> "restore: " + result.diagnostics());
        return result;
    }
}
