package io.netcr.app.gui;

import io.netcr.model.diff.Change;
import io.netcr.model.diff.ChangeKind;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * The changes of a comparison: one row per difference (subject, field, old -> new); a double-click
 * reveals its subject (an object only in the other source reveals its nearest drawn owner).
 */
public final class ChangesView extends TableView<Change> {

    public ChangesView(WorkbenchViewModel vm) {
        super(vm.changes());
        setId(Styles.ID_CHANGES);
        Label none = new Label("No comparison: File › Compare with…");
        vm.comparisonProperty().addListener((o, was, now) -> none.setText(now == null
                ? "No comparison: File › Compare with…" : "No differences from " + now.otherTitle()));
        setPlaceholder(none);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<Change, String> kind = column("Change", 90, c -> c.kind().word());
        kind.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.CHANGE_ADDED, Styles.CHANGE_REMOVED, Styles.CHANGE_CHANGED);
                setText(empty ? null : item);
                if (!empty && item != null) {
                    ChangeKind k = ChangeKind.valueOf(item.toUpperCase(java.util.Locale.ROOT));
                    getStyleClass().add(k == ChangeKind.ADDED ? Styles.CHANGE_ADDED
                            : k == ChangeKind.REMOVED ? Styles.CHANGE_REMOVED : Styles.CHANGE_CHANGED);
                }
            }
        });
        getColumns().add(kind);
        getColumns().add(column("Subject", 280, c -> c.subject().toString()));
        getColumns().add(column("Field", 110, Change::field));
        getColumns().add(column("Old -> new", 560, Comparison::values));
        setRowFactory(t -> {
            TableRow<Change> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.selection().reveal(row.getItem().subject());
                }
            });
            return row;
        });
    }

    private static TableColumn<Change, String> column(String title, double width, Function<Change, String> value) {
        TableColumn<Change, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
