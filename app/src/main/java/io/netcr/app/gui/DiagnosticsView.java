package io.netcr.app.gui;

import io.netcr.model.Diagnostic;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/** The diagnostics table; a double-click on a row reveals its subject in the graph. */
public final class DiagnosticsView extends TableView<Diagnostic> {

    public DiagnosticsView(SelectionModel selection) {
        super(selection.diagnostics());
        setId(Styles.ID_DIAGNOSTICS);
        setPlaceholder(new Label("No diagnostics"));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getColumns().add(DiagnosticColumns.code(130));
        getColumns().add(DiagnosticColumns.severity(90));
        getColumns().add(DiagnosticColumns.subject(260));
        getColumns().add(DiagnosticColumns.message(560));
        getColumns().add(DiagnosticColumns.phase(100));
        setRowFactory(t -> {
            TableRow<Diagnostic> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    selection.reveal(row.getItem().subject());
                }
            });
            return row;
        });
    }
}
