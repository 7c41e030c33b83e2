package io.netcr.app.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.image.ImageReader;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/samples/demo.netcr is made from demo.json beside it, and the app bundles both. When this fails,
 * regenerate with {@code ./netcr convert docs/samples/demo.json -o docs/samples/demo.netcr}.
 */
class DemoSampleTest {

    private static final Path SAMPLES = Path.of(System.getProperty("netcr.repo", ".."), "docs", "samples");

    private static Snapshot fromJson() {
        ReadResult r = SnapshotJson.read(SAMPLES.resolve("demo.json"), ReadMode.STRICT);
        assertEquals(java.util.List.of(), r.diagnostics());
        return r.snapshot();
    }

    @Test
    void the_image_is_made_from_the_json_beside_it() throws IOException {
        byte[] expected = ImageWriter.toBytes(fromJson());
        assertArrayEquals(expected, Files.readAllBytes(SAMPLES.resolve("demo.netcr")),
                "demo.netcr drifted from demo.json: ./netcr convert docs/samples/demo.json -o docs/samples/demo.netcr");
    }

    @Test
    void the_image_reads_back_as_the_json() {
        ReadResult image = ImageReader.read(SAMPLES.resolve("demo.netcr"), ReadMode.STRICT);
        assertEquals(java.util.List.of(), image.diagnostics());
        assertEquals(fromJson().namespaces(), image.snapshot().namespaces());
        assertEquals(fromJson().diagnostics(), image.snapshot().diagnostics());
    }

    @Test
    void the_sample_is_the_realistic_small_host_it_claims_to_be() {
        Snapshot s = fromJson();
        assertTrue(s.namespaces().size() >= 4 && s.namespaces().size() <= 6);
        long veths = s.namespaces().stream().flatMap(n -> n.devices().stream()).filter(Device::isVeth).count();
        assertTrue(veths >= 6);
        Namespace init = s.initNamespace().orElseThrow();
        assertTrue(init.devices().stream().anyMatch(d -> d.isVeth() && d.peer() != null), "a veth to the init namespace");
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream())
                .filter(d -> d.master() != null && d.isVeth()).count() >= 2, "a bridge with two ports");
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream()).anyMatch(d -> !d.up()), "a device down");
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream()).anyMatch(d -> d.mtu() != 1500 && !d.isLoopback()));
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream())
                .anyMatch(d -> d.isLoopback() && d.addresses().stream().anyMatch(a -> !a.address().startsWith("127.")
                        && !a.address().equals("::1"))), "an extra loopback address");
        assertTrue(s.namespaces().stream().flatMap(n -> n.devices().stream()).flatMap(d -> d.addresses().stream())
                .anyMatch(a -> a.isInet6()), "IPv6");
        assertTrue(!s.diagnostics().isEmpty());
    }

    @Test
    void the_app_bundles_both_files() throws IOException {
        for (String name : new String[] {"demo.json", "demo.netcr"}) {
            try (InputStream in = DemoSampleTest.class.getResourceAsStream("/io/netcr/app/samples/" + name)) {
                assertNotNull(in, name + " is bundled");
                assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(name)), in.readAllBytes(), name);
            }
        }
    }
}
