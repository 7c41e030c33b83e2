package io.netcr.app.gui;

import io.netcr.app.graph.DiagnosticPlacement;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.SnapshotIndex;
import io.netcr.model.Diagnostic;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One opened snapshot with everything derived from it (index, layout, badges). Immutable: it is made
 * on a worker thread and handed to the FX thread whole.
 *
 * @param file   where it was read from
 * @param sample true for the bundled sample (not remembered in recent files)
 */
public record Document(Path file, boolean sample, Snapshot snapshot, SnapshotIndex index, GraphDrawing drawing,
                       Map<SubjectPath, List<Diagnostic>> badges) {

    public static Document of(Path file, boolean sample, Snapshot snapshot, GraphDrawing drawing) {
        return new Document(file, sample, snapshot, new SnapshotIndex(snapshot), drawing,
                DiagnosticPlacement.place(snapshot.diagnostics(), drawing::isDrawn));
    }

    public Document withDrawing(GraphDrawing d) {
        return of(file, sample, snapshot, d);
    }

    public String title() {
        return sample ? "sample (" + snapshot.source().host() + ")" : file.getFileName().toString();
    }
}
