package io.netcr.app.gui.ops;

import io.netcr.app.hosts.LocalHost;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A restore did not finish: Undo, Finish or Later. A thin view of {@link RecoveryViewModel}. */
public final class RecoveryDialog {

    private final Stage stage;
    private final RecoveryViewModel vm;

    public RecoveryDialog(Window owner, RecoveryViewModel vm) {
        this.vm = vm;
        Label summary = new Label();
        summary.setId("recovery-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        String where = LocalHost.LABEL.equals(vm.hostLabel()) ? "" : " on " + vm.hostLabel();
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.leftoverProperty().get() == null ? ""
                : "Left unfinished" + where + ": the restore of " + vm.leftoverProperty().get(), vm.leftoverProperty()));
        ListView<String> preview = new ListView<>(vm.preview());
        preview.setId("recovery-preview");
        preview.getStyleClass().add(DialogParts.MONO);
        preview.setPlaceholder(new Label("Checking what the restore made…"));
        DiagnosticTable problems = new DiagnosticTable(vm.problems(), "No problems");
        problems.setId("recovery-problems");
        SplitPane middle = new SplitPane(DialogParts.grow(DialogParts.section("What the restore made"), preview),
                DialogParts.grow(DialogParts.section("Problems"), problems));
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.6);

        ProgressIndicator working = new ProgressIndicator(-1);
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(vm.workingProperty());
        working.managedProperty().bind(working.visibleProperty());
        Label status = new Label();
        status.setId("recovery-status");
        status.getStyleClass().add(DialogParts.STATUS);
        status.textProperty().bind(vm.statusProperty());
        Button later = new Button();
        later.setId("recovery-later");
        later.textProperty().bind(Bindings.when(vm.recoveredProperty()).then("Close").otherwise("Later"));
        later.setCancelButton(true);
        later.disableProperty().bind(vm.actingProperty());
        later.setOnAction(e -> stage().close());
        Button finish = new Button("Finish it");
        finish.setId("recovery-finish");
        finish.disableProperty().bind(vm.canActProperty().not());
        finish.setOnAction(e -> vm.finish());
        Button undo = new Button("Undo it");
        undo.setId("recovery-undo");
        undo.setDefaultButton(true);
        undo.disableProperty().bind(vm.canActProperty().not());
        undo.setOnAction(e -> vm.undo());
        for (Button b : new Button[] {later, finish, undo}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, working, status, DialogParts.spring(), later, finish, undo);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("dialog-buttons");

        VBox body = new VBox(10, summary, middle);
        VBox.setVgrow(middle, Priority.ALWAYS);
        body.setPadding(new Insets(12, 16, 12, 16));
        BorderPane root = new BorderPane(body);
        root.setTop(DialogParts.header("A restore did not finish" + where, "It was stopped half-way (killed, or its machine "
                + "or connection went away). Undo removes exactly what it made, and nothing else; Finish completes it "
                + "from the plan in its journal. Until then, a new restore is refused."));
        root.setBottom(buttons);
        root.setId("recovery-dialog");
        stage = DialogParts.stage(owner, "Recover a restore" + where, root, 760, 520);
        stage.setOnCloseRequest(e -> {
            if (vm.actingProperty().get()) {
                e.consume(); // an undo or finish runs: it cannot stop half-way
            }
        });
    }

    public RecoveryViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
