package io.netcr.app.graph;

import io.netcr.model.Diagnostic;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts each diagnostic on the object that carries its badge: its subject when that is drawn, else the
 * nearest drawn owner (an address's device, a route's namespace). Diagnostics about the whole snapshot,
 * or about something with no drawn owner ({@code record:...}, {@code file:...}), sit on nothing: the
 * table still lists them.
 */
public final class DiagnosticPlacement {

    private DiagnosticPlacement() {
    }

    public static Map<SubjectPath, List<Diagnostic>> place(List<Diagnostic> diagnostics, Predicate<SubjectPath> drawn) {
        Map<SubjectPath, List<Diagnostic>> badges = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            for (SubjectPath p = d.subject(); !p.isRoot(); p = p.parent()) {
                if (drawn.test(p)) {
                    badges.computeIfAbsent(p, k -> new ArrayList<>()).add(d);
                    break;
                }
            }
        }
        return badges;
    }
}
