package io.netcr.app.hosts;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.List;

/**
 * A host could not be asked: it is unreachable, refused the login, has no netcr, speaks another protocol, or the
 * connection was lost. It carries diagnostics (subject {@code host:NAME}) that say what happened and what to do.
 */
public final class HostException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public HostException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "the host could not be asked" : diagnostics.get(0).toString());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public HostException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** An error about host {@code label}. */
    public static HostException of(Errno code, String label, Phase phase, String message) {
        return new HostException(Diagnostic.error(code, subject(label), phase, message));
    }

    /** The subject path of a host: {@code host:web2}; none (the root) for this host, as before there were others. */
    public static SubjectPath subject(String label) {
        return LocalHost.LABEL.equals(label) ? SubjectPath.ROOT : SubjectPath.of("host", label);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first diagnostic's code. */
    public Errno code() {
        return diagnostics.isEmpty() ? Errno.EIO : diagnostics.get(0).code();
    }
}
