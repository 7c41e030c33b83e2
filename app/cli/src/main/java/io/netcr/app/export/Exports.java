package io.netcr.app.export;

import io.netcr.app.graph.DiagnosticPlacement;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.GraphLayout;
import io.netcr.app.graph.TopologyBuilder;
import io.netcr.app.graph.paint.RenderState;
import io.netcr.model.AtomicFiles;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Every export, for the command line and the window alike. Plain Java: runs with no display. */
public final class Exports {

    private Exports() {
    }

    public static GraphDrawing layout(Snapshot snapshot, boolean details) {
        return GraphLayout.layout(TopologyBuilder.build(snapshot), details);
    }

    /**
     * The drawing as Fit shows it in a {@code width x height} window, as a PNG: the overview of a big host, for
     * reports and for tests of the overview.
     */
    public static byte[] fittedPng(Snapshot snapshot, GraphDrawing drawing, int width, int height) {
        return PngExport.encode(PngExport.fitted(drawing, plain(snapshot, drawing), width, height));
    }

    public static void writeFittedPng(Snapshot snapshot, GraphDrawing drawing, int width, int height, Path file)
            throws IOException {
        AtomicFiles.write(file, fittedPng(snapshot, drawing, width, height));
    }

    private static RenderState plain(Snapshot snapshot, GraphDrawing drawing) {
        return RenderState.plain(DiagnosticPlacement.place(snapshot.diagnostics(), drawing::isDrawn));
    }

    /** The bytes of the export; {@code drawing} must be the layout of {@code snapshot}. */
    public static byte[] render(ExportFormat format, Snapshot snapshot, GraphDrawing drawing) {
        RenderState plain = plain(snapshot, drawing);
        String title = "netcr: " + (snapshot.source().host() == null ? "snapshot" : snapshot.source().host());
        return switch (format) {
            case PNG -> PngExport.png(drawing, plain, 1.5);
            case SVG -> utf8(SvgExport.svg(drawing, plain, title));
            case DOT -> utf8(DotExport.dot(drawing, plain.badges()));
            case JSON -> utf8(SnapshotJson.toJson(snapshot));
        };
    }

    /** Writes the export atomically: a reader sees the old file or the whole new one. */
    public static void write(ExportFormat format, Snapshot snapshot, GraphDrawing drawing, Path file)
            throws IOException {
        AtomicFiles.write(file, render(format, snapshot, drawing));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
