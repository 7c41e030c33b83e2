package io.netcr.model.validate;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one validation run, all in the same phase. */
final class Findings {

    private final Phase phase;
    private final List<Diagnostic> list = new ArrayList<>();

    Findings(Phase phase) {
        this.phase = phase;
    }

    void error(Errno code, SubjectPath subject, String message) {
        list.add(Diagnostic.error(code, subject, phase, message));
    }

    void warning(Errno code, SubjectPath subject, String message) {
        list.add(Diagnostic.warning(code, subject, phase, message));
    }

    List<Diagnostic> list() {
        return List.copyOf(list);
    }
}
