package io.netcr.bridge.restore;

import io.netcr.model.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * How a restore went.
 *
 * @param success        true when every step took effect; false when it was undone
 * @param diagnostics    the failure (phase RESTORE, naming the step) and any problem while undoing
 * @param namespaceNames image namespace id to the name it was restored under (empty after a failure)
 * @param stepsRun       steps that took effect (before an undo)
 * @param millis         wall-clock time of the execution
 * @param namespaceMillis of which creating the namespaces
 */
public record RestoreResult(boolean success, List<Diagnostic> diagnostics, Map<String, String> namespaceNames,
                            int stepsRun, double millis, double namespaceMillis) {

    public RestoreResult {
        diagnostics = List.copyOf(diagnostics);
        namespaceNames = Map.copyOf(namespaceNames);
    }
}
