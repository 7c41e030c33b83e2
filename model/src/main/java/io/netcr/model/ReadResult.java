package io.netcr.model;

import java.util.List;
import java.util.Optional;

/**
 * What a reader returns instead of throwing: the snapshot when there is one, and every diagnostic.
 * In strict mode the snapshot is absent whenever a diagnostic is an error.
 */
public record ReadResult(Snapshot snapshot, List<Diagnostic> diagnostics) {

    public ReadResult {
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    public static ReadResult failed(List<Diagnostic> diagnostics) {
        return new ReadResult(null, diagnostics);
    }

    public Optional<Snapshot> maybeSnapshot() {
        return Optional.ofNullable(snapshot);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
