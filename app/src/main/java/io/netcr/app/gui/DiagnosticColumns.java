package io.netcr.app.gui;

import io.netcr.model.Diagnostic;
import javafx.scene.control.TableColumn;

/**
 * The columns a table of diagnostics shows, each formatted once: the code and the severity coloured by the
 * severity, the subject ("(snapshot)" for the whole one), the message with the kernel's own words, the phase.
 * The window's Diagnostics tab shows them all; the dialogs show code, subject and message.
 */
public final class DiagnosticColumns {

    private DiagnosticColumns() {
    }

    public static String subject(Diagnostic d) {
        return d.subject().isRoot() ? "(snapshot)" : d.subject().toString();
    }

    public static String message(Diagnostic d) {
        return d.kernelMessage() == null ? d.message() : d.message() + " (kernel: " + d.kernelMessage() + ")";
    }

    public static TableColumn<Diagnostic, Diagnostic> code(double width) {
        return StyledCells.column("Code", width, d -> d.code().name(), d -> Styles.of(d.severity()));
    }

    public static TableColumn<Diagnostic, Diagnostic> severity(double width) {
        return StyledCells.column("Severity", width, d -> d.severity().word(), d -> Styles.of(d.severity()));
    }

    public static TableColumn<Diagnostic, Diagnostic> subject(double width) {
        return StyledCells.column("Subject", width, DiagnosticColumns::subject);
    }

    public static TableColumn<Diagnostic, Diagnostic> message(double width) {
        return StyledCells.column("Message", width, DiagnosticColumns::message);
    }

    public static TableColumn<Diagnostic, Diagnostic> phase(double width) {
        return StyledCells.column("Phase", width, d -> d.phase().word());
    }
}
