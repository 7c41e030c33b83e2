package io.netcr.app.testing;

import io.netcr.app.source.SnapshotSources;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
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

    public static Snapshot demo() {
        ReadResult r = SnapshotSources.open(diagnosticsDemoFile(), ReadMode.STRICT);
        if (r.snapshot() == null) {
            throw new AssertionError("the test sample does not read: " + r.diagnostics());
        }
        return r.snapshot();
    }
}
