package io.netcr.model.checkpoint;

import io.netcr.model.Diagnostic;
import io.netcr.model.Snapshot;
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
}
