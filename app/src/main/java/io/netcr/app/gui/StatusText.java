package io.netcr.app.gui;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Snapshot;
import java.util.List;

/** The status line's sentences, in one place so that the view-model reads as what happens, not wording. */
final class StatusText {

    private StatusText() {
    }

    /** Shown when the live host cannot be read at all and the bundled sample is shown instead. */
    static String sampleInstead(List<Diagnostic> why) {
        String first = why.isEmpty() ? "no reason given" : why.get(0).message();
        first = first.replaceFirst("^this host cannot be read: ", "");
        return "This host cannot be read (" + first + "): showing the bundled sample";
    }

    static String cannotOpen(WorkbenchSource source, List<Diagnostic> why) {
        String first = why.isEmpty() ? "unknown error" : why.get(0).message();
        return "Cannot open " + source.name() + ": " + first;
    }

    /** A host the window could not connect to, or lost: why, as its diagnostic says it. */
    static String notConnected(String host, Diagnostic why) {
        return "Not connected to " + host + ": " + why.message();
    }

    static String summary(Document d) {
        Snapshot s = d.snapshot();
        int devices = s.namespaces().stream().mapToInt(ns -> ns.devices().size()).sum();
        long errors = s.diagnostics().stream().filter(Diagnostic::isError).count();
        String text = (d.source().host() ? "Read " : "Opened ") + d.title() + ": " + s.namespaces().size() + " namespaces, "
                + devices + " devices, " + s.diagnostics().size() + " diagnostics (" + errors + " errors)";
        String root = d.live() ? notRoot(s) : null;
        return root == null ? text : root + ". " + text;
    }

    /**
     * The one-line explanation when discovery was refused namespaces (EPERM: not root), else null. The
     * namespaces themselves are listed with their EPERM diagnostics in the table.
     */
    static String notRoot(Snapshot s) {
        long refused = s.diagnostics().stream().filter(d -> d.code() == Errno.EPERM).count();
        if (refused == 0) {
            return null;
        }
        return "Not root: only this process's namespace could be read (" + refused + " more need"
                + (refused == 1 ? "s" : "") + " CAP_SYS_ADMIN); run as root to see all namespaces";
    }
}
