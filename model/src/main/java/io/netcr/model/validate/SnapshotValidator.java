package io.netcr.model.validate;

import io.netcr.model.Diagnostic;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import java.util.List;

/** Temporary stand-in until the image-format work lands. */
public final class SnapshotValidator {
    private SnapshotValidator() {
    }

    public static List<Diagnostic> validate(Snapshot s, Phase phase, Limits limits) {
        return List.of();
    }
}
