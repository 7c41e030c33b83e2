package io.netcr.app.testing;

import io.netcr.app.source.Samples;
import io.netcr.app.source.SnapshotSources;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;

/** Shared test data: the bundled demo snapshot. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Snapshot demo() {
        ReadResult r = SnapshotSources.open(Samples.demoFile(), ReadMode.STRICT);
        if (r.snapshot() == null) {
            throw new AssertionError("the demo does not read: " + r.diagnostics());
        }
        return r.snapshot();
    }
}
