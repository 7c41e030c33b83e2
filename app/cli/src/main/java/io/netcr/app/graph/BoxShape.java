package io.netcr.app.graph;

import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;

/** A laid-out namespace box. */
public record BoxShape(SubjectPath id, Namespace namespace, Rect bounds) {

    public static final double HEADER = 32;

    public String label() {
        return namespace.label();
    }

    public boolean init() {
        return namespace.init();
    }

    /** The grey text after the label: what kind of namespace, and who holds it. */
    public String caption() {
        String held = namespace.holders().isEmpty() ? "" : "pid " + namespace.holders().get(0).pid()
                + (namespace.holders().size() > 1 ? " +" + (namespace.holders().size() - 1) : "");
        if (namespace.init()) {
            return held.isEmpty() ? "init namespace" : "init namespace · " + held;
        }
        return held;
    }
}
