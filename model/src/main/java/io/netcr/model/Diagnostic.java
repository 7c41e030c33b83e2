package io.netcr.model;

import java.util.Objects;

/**
 * A problem found while reading, snapshotting, checkpointing or restoring: the descendant of the
 * kernel's {@code ckpt_err}. It names its object by a {@link SubjectPath} so that the workbench can
 * show it on that object, and says what to do in {@code message}.
 *
 * @param code          errno-like code (E2BIG, ENOSYS, EINVAL, EEXIST, ...)
 * @param severity      error, warning or info
 * @param subject       the object concerned ({@link SubjectPath#ROOT} for the whole snapshot)
 * @param phase         when it arose
 * @param message       a sentence a person can act on
 * @param kernelMessage the kernel's own text (netlink extended ack) when it said something, else null
 */
public record Diagnostic(Errno code, Severity severity, SubjectPath subject, Phase phase, String message,
                         String kernelMessage) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(Errno code, SubjectPath subject, Phase phase, String message) {
        return new Diagnostic(code, Severity.ERROR, subject, phase, message, null);
    }

    public static Diagnostic warning(Errno code, SubjectPath subject, Phase phase, String message) {
        return new Diagnostic(code, Severity.WARNING, subject, phase, message, null);
    }

    public static Diagnostic info(Errno code, SubjectPath subject, Phase phase, String message) {
        return new Diagnostic(code, Severity.INFO, subject, phase, message, null);
    }

    public Diagnostic withKernelMessage(String text) {
        return new Diagnostic(code, severity, subject, phase, message, text);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The subject as tables and lines show it: its path, or {@code (snapshot)} for the whole snapshot. */
    public String where() {
        return subject.isRoot() ? "(snapshot)" : subject.toString();
    }

    /** The message, followed by the kernel's own text when it said something: {@code ... (kernel: ...)}. */
    public String text() {
        return kernelMessage == null || kernelMessage.isBlank() ? message : message + " (kernel: " + kernelMessage + ")";
    }

    /** The one line every place shows (command line, logs, tables that want one column): {@code CODE subject: message}. */
    public String describe() {
        return code.name() + " " + where() + ": " + text();
    }

    @Override
    public String toString() {
        return describe();
    }
}
