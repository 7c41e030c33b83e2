package io.netcr.app.gui;

import io.netcr.model.diff.Change;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * The changes of a comparison: one row per difference (subject, field, old -> new); a double-click
 * reveals its subject (an object only in the other source reveals its nearest drawn owner).
 */
public final class ChangesView extends TableView<Change> {

    public ChangesView(WorkbenchViewModel vm) {
        super(vm.compare().changes());
        setId(Styles.ID_CHANGES);
        Label none = new Label("No comparison: File › Compare with…");
        vm.compare().comparisonProperty().addListener((o, was, now) -> none.setText(now == null
                ? "No comparison: File › Compare with…" : "No differences from " + now.otherTitle()));
        setPlaceholder(none);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getColumns().add(StyledCells.column("Change", 90, c -> c.kind().word(), c -> Styles.of(c.kind())));
        getColumns().add(StyledCells.column("Subject", 280, c -> c.subject().toString()));
        getColumns().add(StyledCells.column("Field", 110, Change::field));
        getColumns().add(StyledCells.column("Old -> new", 560, Comparison::values));
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
}
