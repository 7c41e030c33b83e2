package io.netcr.app.gui;

import io.netcr.app.export.Exports;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.util.List;

/**
 * The worker side of opening a source: reads it (a host through the window's {@link WorkbenchHosts}, a file
 * through {@link SnapshotSources}) and lays it out. Plain Java, called off the FX thread.
 */
final class SourceLoader {

    /** What a worker makes of a source: a document, or the diagnostics that say why there is none. */
    record Loaded(WorkbenchSource source, Document document, List<Diagnostic> problems) {
    }

    private final WorkbenchHosts hosts;

    SourceLoader(WorkbenchHosts hosts) {
        this.hosts = hosts;
    }

    /** The snapshot of a source, with the reader's own diagnostics added to it; null snapshot on failure. */
    ReadResult read(WorkbenchSource source) {
        ReadResult r = source instanceof WorkbenchSource.File f ? SnapshotSources.open(f.path(), ReadMode.STRICT)
                : hosts.read(source);
        if (r.snapshot() == null) {
            return r;
        }
        Snapshot s = r.snapshot();
        List<Diagnostic> extra = r.diagnostics().stream().filter(d -> !s.diagnostics().contains(d)).toList();
        return extra.isEmpty() ? r : new ReadResult(s.withDiagnostics(extra), r.diagnostics());
    }

    Loaded load(WorkbenchSource source, boolean details) {
        ReadResult r = read(source);
        if (r.snapshot() == null) {
            return new Loaded(source, null, r.diagnostics());
        }
        return new Loaded(source, Document.of(source, r.snapshot(), Exports.layout(r.snapshot(), details)), List.of());
    }

    void close() {
        hosts.close();
    }
}
