package io.netcr.app.gui;

import io.netcr.app.graph.DiagnosticPlacement;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.SnapshotIndex;
import io.netcr.model.Diagnostic;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Map;

/**
 * One opened snapshot with everything derived from it (index, layout, badges). Immutable: it is made
 * on a worker thread and handed to the FX thread whole.
 *
 * @param source where it was read from, and what Refresh reads again
 */
public record Document(WorkbenchSource source, Snapshot snapshot, SnapshotIndex index, GraphDrawing drawing,
                       Map<SubjectPath, List<Diagnostic>> badges) {

    public static Document of(WorkbenchSource source, Snapshot snapshot, GraphDrawing drawing) {
        return new Document(source, snapshot, new SnapshotIndex(snapshot), drawing,
                DiagnosticPlacement.place(snapshot.diagnostics(), drawing::isDrawn));
    }

    public Document withDrawing(GraphDrawing d) {
        return of(source, snapshot, d);
    }

    /** True for the bundled sample. */
    public boolean sample() {
        return source instanceof WorkbenchSource.File f && f.sample();
    }

    /** True for the live host. */
    public boolean live() {
        return source instanceof WorkbenchSource.Live;
    }

    /** True for another host, read live through its agent. */
    public boolean remote() {
        return source instanceof WorkbenchSource.Remote;
    }

    public String title() {
        if (sample()) {
            return "sample (" + snapshot.source().host() + ")";
        }
        if (source.host()) {
            String host = snapshot.source().host();
            boolean same = host == null || host.isBlank() || host.equals(source.name());
            return source.name() + (same ? "" : " (" + host + ")");
        }
        return source.name();
    }
}
