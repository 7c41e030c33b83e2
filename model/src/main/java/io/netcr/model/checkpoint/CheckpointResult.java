package io.netcr.model.checkpoint;

import io.netcr.model.Diagnostic;
import io.netcr.model.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot an image will hold, or none when the checkpoint is refused; and every problem found.
 *
 * @param image       what to write, null when an error refuses the checkpoint
 * @param diagnostics all problems at once, not only the first
 */
public record CheckpointResult(Snapshot image, List<Diagnostic> diagnostics) {

    public CheckpointResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The same result with more warnings, kept in the image too (so {@code netcr inspect} shows them). */
    public CheckpointResult withWarnings(List<Diagnostic> warnings) {
        if (warnings.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(warnings);
        return new CheckpointResult(image == null ? null : image.withDiagnostics(warnings), all);
    }
}
