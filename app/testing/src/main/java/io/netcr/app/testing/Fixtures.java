package io.netcr.app.testing;

import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Shared test data: a sample made for the workbench tests, with an error and a warning on known objects,
 * a macvlan, a vxlan and a peer outside the snapshot (the bundled demo carries only warnings).
 */
public final class Fixtures {

    /** The status note the tests open their sample with. */
    public static final String SAMPLE_NOTE = "This host cannot be read (test): showing the bundled sample";

    private static final String DIAGNOSTICS_DEMO = "/io/netcr/app/testing/diagnostics-demo.json";

    private Fixtures() {
    }

    public static Path diagnosticsDemoFile() {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIAGNOSTICS_DEMO)) {
            Path tmp = Files.createTempFile("netcr-test-demo-", ".json");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test sample as it was "before": db/eth1 had MTU 1500 (now 9000), web had a device old0 (now gone),
     * and namespace mon did not exist yet. Compared with it, the sample has one changed device, one
     * removed device and one added namespace.
     */
    public static Path olderDemoFile() {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIAGNOSTICS_DEMO)) {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
            com.fasterxml.jackson.databind.node.ArrayNode nss = (com.fasterxml.jackson.databind.node.ArrayNode)
                    root.get("namespaces");
            com.fasterxml.jackson.databind.node.ObjectNode vx0 =
                    (com.fasterxml.jackson.databind.node.ObjectNode) nss.get(4).get("devices").get(1).deepCopy();
            nss.remove(4); // mon
            vx0.put("ifindex", 99).put("name", "old0").putNull("parent");
            ((com.fasterxml.jackson.databind.node.ArrayNode) nss.get(1).get("devices")).add(vx0); // web/old0
            ((com.fasterxml.jackson.databind.node.ObjectNode) nss.get(2).get("devices").get(1)).put("mtu", 1500);
            root.putArray("diagnostics");
            Path tmp = Files.createTempFile("netcr-test-older-", ".json");
            tmp.toFile().deleteOnExit();
            json.writeValue(tmp.toFile(), root);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot demo() {
        ReadResult r = SnapshotJson.read(diagnosticsDemoFile(), ReadMode.STRICT);
        if (r.snapshot() == null) {
            throw new AssertionError("the test sample does not read: " + r.diagnostics());
        }
        return r.snapshot();
    }
}
