package io.netcr.app.gui;

import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
        TableColumn<Diagnostic, String> severity = column("Severity", 90, d -> d.severity().word());
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SEVERITY_ERROR, Styles.SEVERITY_WARNING, Styles.SEVERITY_INFO);
                setText(empty ? null : item);
                if (!empty && item != null) {
                    Severity s = Severity.fromWord(item);
                    getStyleClass().add(s == Severity.ERROR ? Styles.SEVERITY_ERROR
                            : s == Severity.WARNING ? Styles.SEVERITY_WARNING : Styles.SEVERITY_INFO);
                }
            }
        });
        getColumns().add(column("Code", 130, d -> d.code().name()));
        getColumns().add(severity);
        getColumns().add(column("Subject", 260, d -> d.subject().isRoot() ? "(snapshot)" : d.subject().toString()));
        getColumns().add(column("Message", 560, d -> d.kernelMessage() == null ? d.message()
                : d.message() + " (kernel: " + d.kernelMessage() + ")"));
        getColumns().add(column("Phase", 100, d -> d.phase().word()));
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

    private static TableColumn<Diagnostic, String> column(String title, double width,
                                                          Function<Diagnostic, String> value) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
