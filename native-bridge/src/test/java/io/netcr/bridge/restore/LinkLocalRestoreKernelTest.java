package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.model.ReadMode;
import io.netcr.model.Snapshot;
import io.netcr.model.image.ImageReader;
import io.netcr.model.image.OlderImageTest;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §3 and §4 against the kernel: after a restore returns, every device's addresses are the image's,
 * IPv6 link-locals included and none tentative, round trip after round trip; an image of the format as it was
 * before devices had settings still restores.
 */
class LinkLocalRestoreKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    static final RestoreSweep SWEEP = new RestoreSweep();

    private static final int ROUND_TRIPS = 20;

    @TempDir
    Path dir;

    private static void in(String ns, String command) {
        RoundTrip.ip(TOPO, ns, command);
    }

    @Test
    void should_give_back_exactly_the_images_addresses_every_time() throws Exception {
        String a = TOPO.namespace();
        String b = TOPO.namespace();
        in(a, "link add va type veth peer name vb netns " + b);
        in(b, "link add br0 type bridge");
        in(b, "link add p0 type veth peer name p1");
        in(b, "link set p0 master br0");
        in(a, "addr add 10.250.11.1/24 dev va");
        in(a, "addr add fd00:250:11::1/64 dev va"); // with DAD, as an operator adds it
        in(b, "addr add fd00:250:11::2/64 dev vb");
        in(b, "addr add fd00:250:12::1/64 dev br0");
        for (String[] up : new String[][] {{a, "lo"}, {a, "va"}, {b, "vb"}, {b, "br0"}, {b, "p0"}, {b, "p1"}}) {
            in(up[0], "link set " + up[1] + " up");
        }
        Map<String, JsonNode> beforeA = RoundTrip.settled(TOPO, a);
        Map<String, JsonNode> beforeB = RoundTrip.settled(TOPO, b);
        assertTrue(beforeA.get("va").path("addr_info").toString().contains("fe80::"), "va has the kernel's link-local");
        Snapshot image = RestoreKernelTest.checkpoint(List.of(a, b), dir.resolve("ll.netcr"));

        for (int i = 1; i <= ROUND_TRIPS; i++) {
            RoundTrip.remove(TOPO, a);
            RoundTrip.remove(TOPO, b);

            RoundTrip.restore(image, RestoreOptions.none());

            int round = i;
            Map<String, JsonNode> afterA = RoundTrip.restoredState(TOPO, a, beforeA);
            Map<String, JsonNode> afterB = RoundTrip.restoredState(TOPO, b, beforeB);
            assertEquals("", IpStateOracle.differences(beforeA, afterA) + IpStateOracle.differences(beforeB, afterB),
                    () -> "round trip " + round + ": ip -d -j addr show before and after");
        }
    }

    @Test
    void should_restore_an_image_of_the_format_before_device_settings() throws Exception {
        var read = ImageReader.read(OlderImageTest.d59f8c2(), ReadMode.STRICT, "netcr-0.1.0-d59f8c2.netcr");
        Snapshot image = read.snapshot();
        assertNotNull(image, () -> read.diagnostics().toString());
        String prefix = SWEEP.prefix();

        RoundTrip.restore(image, new RestoreOptions(Map.of(), prefix));

        for (var ns : image.namespaces()) {
            if (ns.init()) {
                continue;
            }
            String name = prefix + ns.names().get(0);
            Map<String, JsonNode> state = IpStateOracle.state(TOPO, name);
            assertEquals(List.of(), IpStateOracle.tentative(state), name);
            for (var d : ns.devices()) {
                JsonNode link = state.get(d.name());
                assertNotNull(link, name + " has " + d.name());
                List<String> had = d.addresses().stream().map(x -> x.address() + "/" + x.prefixlen()).sorted().toList();
                List<String> has = new ArrayList<>();
                link.path("addr_info").forEach(x -> has.add(x.get("local").asText() + "/" + x.get("prefixlen").asInt()));
                assertEquals(had, has.stream().sorted().toList(), name + "/" + d.name() + ": the image's addresses");
            }
        }
    }
}
