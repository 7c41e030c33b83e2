package io.netcr.app.gui.ops;

import io.netcr.app.gui.Styles;
import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The diagnostics of a dialog: code (coloured by severity), subject, message. */
final class DiagnosticTable extends TableView<Diagnostic> {

    DiagnosticTable(ObservableList<Diagnostic> items, String empty) {
        super(items);
        setPlaceholder(new Label(empty));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Diagnostic, Diagnostic> code = new TableColumn<>("Code");
        code.setPrefWidth(90);
        code.setMaxWidth(110);
        code.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        code.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Diagnostic d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll(Styles.SEVERITY_ERROR, Styles.SEVERITY_WARNING, Styles.SEVERITY_INFO);
                setText(empty || d == null ? null : d.code().name());
                if (!empty && d != null) {
                    getStyleClass().add(d.severity() == Severity.ERROR ? Styles.SEVERITY_ERROR
                            : d.severity() == Severity.WARNING ? Styles.SEVERITY_WARNING : Styles.SEVERITY_INFO);
                }
            }
        });
        getColumns().add(code);
        getColumns().add(column("Subject", 200, d -> d.subject().isRoot() ? "(snapshot)" : d.subject().toString()));
        getColumns().add(column("Message", 520, d -> d.kernelMessage() == null ? d.message()
                : d.message() + " (kernel: " + d.kernelMessage() + ")"));
    }

    private static javafx.scene.control.Tooltip wrapping(String text) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    private static TableColumn<Diagnostic, String> column(String title, double width, Function<Diagnostic, String> v) {
        TableColumn<Diagnostic, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(v.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() { // the whole text on hover: long messages are cut
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : wrapping(text));
            }
        });
        return c;
    }
}
