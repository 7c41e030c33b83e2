package io.netcr.app.gui;

import io.netcr.app.graph.GhostShapes;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.Change;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.diff.DiffOptions;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active document compared with another source. The other source is the old side of the diff and the
 * active one the new side: ADDED is only in the active document, REMOVED only in the other (so it is not
 * drawn and is listed instead), CHANGED in both with a field that differs. Immutable, made off the FX thread.
 *
 * @param base        the source of the active document it was computed for
 * @param other       the source compared with
 * @param otherTitle  what to call it
 * @param otherSnapshot its snapshot, kept to compare again when the active document is refreshed
 * @param report      the differences
 * @param status      how each drawn object of the active document is to be coloured (absent: the same)
 * @param ghosts      removed namespaces and devices as cards under the drawing
 */
public record Comparison(WorkbenchSource base, WorkbenchSource other, String otherTitle, Snapshot otherSnapshot,
                         DiffReport report, Map<SubjectPath, ChangeKind> status, GhostShapes ghosts) {

    public Comparison {
        status = Map.copyOf(status);
    }

    /** Compares {@code active} with {@code otherSnapshot} and works out the colour of every drawn object. */
    public static Comparison of(Document active, WorkbenchSource other, String otherTitle, Snapshot otherSnapshot) {
        DiffReport report = SnapshotDiff.compare(otherSnapshot, active.snapshot(), DiffOptions.DEFAULT);
        List<SubjectPath> gone = report.changes().stream().filter(c -> c.kind() == ChangeKind.REMOVED
                && (c.field().equals(Change.NETNS) || c.field().equals(Change.DEVICE))).map(Change::subject).toList();
        return new Comparison(active.source(), other, otherTitle, otherSnapshot, report,
                statusOfDrawn(active, report), GhostShapes.under(active.drawing(), "Only in " + otherTitle, gone));
    }

    /**
     * {@link DiffReport#statusOf} for every box and node, in one pass over the changes rather than one per
     * object (a thousand namespaces make thousands of both).
     */
    private static Map<SubjectPath, ChangeKind> statusOfDrawn(Document active, DiffReport report) {
        Map<SubjectPath, ChangeKind> whole = new HashMap<>();
        Map<SubjectPath, Boolean> touched = new HashMap<>();
        for (Change c : report.changes()) {
            if (c.isObjectChange()) {
                whole.putIfAbsent(c.subject(), c.kind());
            }
            for (SubjectPath p = c.subject(); !p.isRoot(); p = p.parent()) {
                if (touched.put(p, Boolean.TRUE) != null) {
                    break; // its owners are marked already
                }
            }
        }
        Map<SubjectPath, ChangeKind> status = new HashMap<>();
        active.drawing().boxes().forEach(b -> put(status, b.id(), whole, touched));
        active.drawing().nodes().forEach(n -> put(status, n.id(), whole, touched));
        return status;
    }

    private static void put(Map<SubjectPath, ChangeKind> status, SubjectPath id, Map<SubjectPath, ChangeKind> whole,
                            Map<SubjectPath, Boolean> touched) {
        for (SubjectPath p = id; !p.isRoot(); p = p.parent()) {
            ChangeKind k = whole.get(p);
            if (k != null) {
                status.put(id, k);
                return;
            }
        }
        if (touched.containsKey(id)) {
            status.put(id, ChangeKind.CHANGED);
        }
    }

    /** The same other source, compared with a new version of the active document. */
    public Comparison again(Document active) {
        return of(active, other, otherTitle, otherSnapshot);
    }

    public List<Change> changes() {
        return report.changes();
    }

    /** Whole objects only in the other source: not drawn, listed. */
    public List<Change> removed() {
        return report.changes().stream().filter(c -> c.kind() == ChangeKind.REMOVED).toList();
    }

    /** "old -> new" for a changed field; the object's one-line text for an added or removed one. */
    public static String values(Change c) {
        return switch (c.kind()) {
            case ADDED -> "only here: " + c.newValue();
            case REMOVED -> "only in the other source: " + c.oldValue();
            case CHANGED -> text(c.oldValue()) + "  ->  " + text(c.newValue());
        };
    }

    private static String text(String v) {
        return v == null ? "(none)" : v;
    }

    public String summary() {
        return "Compared with " + otherTitle + ": " + report.summary();
    }
}
