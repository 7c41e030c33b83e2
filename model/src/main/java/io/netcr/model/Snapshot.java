package io.netcr.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What we know of one host at one moment, or of one image: its namespaces and its diagnostics. */
public record Snapshot(Source source, List<Namespace> namespaces, List<Diagnostic> diagnostics) {

    public Snapshot {
        Objects.requireNonNull(source, "source");
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }

    public Optional<Namespace> namespace(String id) {
        return namespaces.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The namespace with this name (or id, or label), if any. */
    public Optional<Namespace> namespaceNamed(String name) {
        return namespaces.stream()
                .filter(n -> n.names().contains(name) || n.id().equals(name) || n.label().equals(name))
                .findFirst();
    }

    public Optional<Namespace> initNamespace() {
        return namespaces.stream().filter(Namespace::init).findFirst();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public Snapshot withDiagnostics(List<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Snapshot(source, namespaces, all);
    }

    public Snapshot withSource(Source newSource) {
        return new Snapshot(newSource, namespaces, diagnostics);
    }

    public Snapshot withNamespaces(List<Namespace> newNamespaces) {
        return new Snapshot(source, newNamespaces, diagnostics);
    }
}
