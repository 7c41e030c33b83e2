package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;

/**
 * Checkpoint, remove, restore of namespaces a kernel test built, under their own names: the steps of the
 * kinds' and the link-locals' round trips.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /** {@code ip -n NS COMMAND}, the command's words split at spaces; fails the test when ip fails. */
    static void ip(KernelTopology topo, String ns, String command) {
        List<String> args = new ArrayList<>(List.of("-n", ns));
        args.addAll(List.of(command.split(" ")));
        topo.ip(args.toArray(String[]::new));
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

    /** The state of a topology just built, once the kernel's own link-locals have finished DAD (polled, with a deadline). */
    static Map<String, JsonNode> settled(KernelTopology topo, String ns) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Map<String, JsonNode> s = IpStateOracle.state(topo, ns);
            if (IpStateOracle.tentative(s).isEmpty()) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("addresses still tentative after 10 s: " + IpStateOracle.tentative(s));
            }
            Thread.onSpinWait();
        }
    }

    /**
     * The state after a restore: addresses as the restore returns (they must be the image's at once: none
     * tentative, every one there), the rest once the kernel's link watch has carried carrier to stacked devices
     * and set operstates (asynchronous work of its own, delayed up to a second): polled, with a deadline, until it
     * equals {@code before}. The caller compares what it returns.
     */
    static Map<String, JsonNode> restoredState(KernelTopology topo, String ns, Map<String, JsonNode> before)
            throws IOException {
        Map<String, JsonNode> at = IpStateOracle.state(topo, ns);
        assertEquals(List.of(), IpStateOracle.tentative(at), ns + ": no address is tentative when the restore returns");
        assertEquals(IpStateOracle.addresses(before), IpStateOracle.addresses(at),
                ns + ": every device's addresses are the image's when the restore returns");
        long deadline = System.nanoTime() + 5_000_000_000L;
        Map<String, JsonNode> after = at;
        while (!after.equals(before) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            after = IpStateOracle.state(topo, ns);
        }
        return after;
    }
}
