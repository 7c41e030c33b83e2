package io.netcr.app.gui;

import io.netcr.app.export.Exports;
import io.netcr.app.services.SnapshotSources;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The worker side of opening a source: reads it (a host through the window's {@link WorkbenchHosts}, a file
 * through {@link SnapshotSources}) and lays it out. Plain Java, called off the FX thread.
 */
final class SourceLoader {

    /** What a worker makes of a source: a document, or the diagnostics that say why there is none. */
    record Loaded(WorkbenchSource source, Document document, List<Diagnostic> problems) {
    }

    /** Reads a live source (worker thread). */
    private final Function<WorkbenchSource, ReadResult> hosts;
    private final Runnable closeHosts;

    SourceLoader(WorkbenchHosts hosts) {
        this(hosts::read, hosts::close);
    }

    private SourceLoader(Function<WorkbenchSource, ReadResult> hosts, Runnable closeHosts) {
        this.hosts = hosts;
        this.closeHosts = closeHosts;
    }

    /**
     * A loader whose live source is this host read through {@code live}, before the window and its hosts exist
     * ({@link FirstDocument}); the window that takes {@code live} over closes it, not this loader.
     */
    static SourceLoader before(LiveHost live) {
        return new SourceLoader(source -> live.read(), () -> { });
    }

    /** The snapshot of a source, with the reader's own diagnostics added to it; null snapshot on failure. */
    ReadResult read(WorkbenchSource source) {
        ReadResult r = source instanceof WorkbenchSource.File f ? SnapshotSources.open(f.path(), ReadMode.STRICT)
                : hosts.apply(source);
        if (r.snapshot() == null) {
            return r;
        }
        Snapshot s = r.snapshot();
        List<Diagnostic> extra = r.diagnostics().stream().filter(d -> !s.diagnostics().contains(d)).toList();
        return extra.isEmpty() ? r : new ReadResult(s.withDiagnostics(extra), r.diagnostics());
    }

    /** The source read and laid out: the window's {@link FirstDocument} when it is that, else read now. */
    Loaded load(WorkbenchSource source, boolean details) {
        Optional<Loaded> first = FirstDocument.take(source, details);
        return first.isPresent() ? first.get() : readAndLayOut(source, details);
    }

    /** The source read and laid out, here and now. */
    Loaded readAndLayOut(WorkbenchSource source, boolean details) {
        ReadResult r = read(source);
        if (r.snapshot() == null) {
            return new Loaded(source, null, r.diagnostics());
        }
        return new Loaded(source, Document.of(source, r.snapshot(), Exports.layout(r.snapshot(), details)), List.of());
    }

    void close() {
        closeHosts.run();
    }
}
