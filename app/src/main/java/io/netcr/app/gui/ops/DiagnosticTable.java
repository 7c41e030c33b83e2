package io.netcr.app.gui.ops;

import io.netcr.app.gui.DiagnosticColumns;
import io.netcr.model.Diagnostic;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The diagnostics of a dialog: code (coloured by severity), subject, message ({@link DiagnosticColumns}). */
final class DiagnosticTable extends TableView<Diagnostic> {

    DiagnosticTable(ObservableList<Diagnostic> items, String empty) {
        super(items);
        setPlaceholder(new Label(empty));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Diagnostic, Diagnostic> code = DiagnosticColumns.code(90);
        code.setMaxWidth(110);
        getColumns().add(code);
        getColumns().add(DiagnosticColumns.subject(200));
        getColumns().add(DiagnosticColumns.message(520));
    }
}
