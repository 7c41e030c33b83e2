package io.netcr.app.gui.ops;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import io.netcr.app.hosts.LocalHost;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** File ▸ Checkpoint…: a thin view of {@link CheckpointViewModel}. */
public final class CheckpointDialog {

    private final Stage stage;
    private final CheckpointViewModel vm;

    /**
     * @param openInWorkbench opens the written image in the window
     * @param restore         opens the restore dialog on the written image
     */
    public CheckpointDialog(Window owner, CheckpointViewModel vm, Consumer<Path> openInWorkbench,
                            Consumer<Path> restore) {
        this.vm = vm;
        VBox boxes = new VBox(4);
        boxes.setId("checkpoint-namespaces");
        boxes.setPadding(new Insets(6, 8, 6, 8));
        Runnable fill = () -> boxes.getChildren().setAll(vm.namespaces().stream().map(CheckpointDialog::box).toList());
        vm.namespaces().addListener((ListChangeListener<NamespaceChoice>) c -> {
            while (c.next()) {
                if (!c.wasUpdated()) {
                    fill.run();
                    return;
                }
            }
        });
        fill.run();
        ScrollPane list = new ScrollPane(boxes);
        list.setFitToWidth(true);
        list.setPrefHeight(150);
        Hyperlink all = new Hyperlink("Select all");
        all.setOnAction(e -> vm.selectAll(true));
        Hyperlink none = new Hyperlink("None");
        none.setOnAction(e -> vm.selectAll(false));
        HBox nsTitle = new HBox(6, DialogParts.section("Namespaces"), DialogParts.spring(), all, none);
        nsTitle.setAlignment(Pos.CENTER_LEFT);

        CheckBox skip = new CheckBox("Skip unsupported devices (record them as skipped instead of refusing)");
        skip.setId("checkpoint-skip");
        skip.selectedProperty().bindBidirectional(vm.skipUnsupportedProperty());
        Spinner<Integer> max = new Spinner<>(1, 1_000_000, vm.maxAddressesProperty().get(), 16);
        max.setId("checkpoint-max-addrs");
        max.setEditable(true);
        max.setPrefWidth(110);
        max.valueProperty().addListener((o, was, now) -> vm.maxAddressesProperty().set(now));
        TextField out = new TextField();
        out.setId("checkpoint-output");
        out.setEditable(false);
        out.setFocusTraversable(false);
        out.textProperty().bind(Bindings.createStringBinding(() -> vm.outputProperty().get() == null ? ""
                : vm.outputProperty().get().toString(), vm.outputProperty()));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseOutput());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Max addresses per device"), max);
        form.add(skip, 0, 1, 2, 1);
        HBox outRow = new HBox(6, out, browse);
        HBox.setHgrow(out, Priority.ALWAYS);
        form.addRow(2, new Label("Image file"), outRow);
        GridPane.setHgrow(outRow, Priority.ALWAYS);

        DiagnosticTable problems = new DiagnosticTable(vm.diagnostics(), "No problems");
        problems.setId("checkpoint-diagnostics");
        problems.setPrefHeight(130);
        ProgressIndicator progress = new ProgressIndicator(-1);
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("checkpoint-status");
        status.getStyleClass().add(DialogParts.STATUS);
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Button open = withWritten("Open in workbench", "checkpoint-open", openInWorkbench);
        Button restoreIt = withWritten("Restore…", "checkpoint-restore", restore);
        Button close = new Button();
        close.setId("checkpoint-cancel");
        close.textProperty().bind(Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Close"));
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
            } else {
                stage().close();
            }
        });
        Button run = new Button("Checkpoint");
        run.setId("checkpoint-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.checkpoint());
        HBox buttons = new HBox(8, open, restoreIt, DialogParts.spring(), close, run);
        buttons.getStyleClass().add("dialog-buttons");

        VBox body = new VBox(10, nsTitle, list, DialogParts.section("Options"), form,
                DialogParts.section("Result"), statusRow, problems);
        VBox.setVgrow(problems, Priority.ALWAYS);
        body.setPadding(new Insets(12, 16, 12, 16));
        BorderPane root = new BorderPane(body);
        String where = LocalHost.LABEL.equals(vm.hostLabel()) ? "" : " of " + vm.hostLabel();
        root.setTop(DialogParts.header("Checkpoint network namespaces" + where, "Records every device, address and route of "
                + "the chosen namespaces in a .netcr image. Veths whose peer is outside the set keep that outside half."));
        root.setBottom(buttons);
        root.setId("checkpoint-dialog");
        stage = DialogParts.stage(owner, "Checkpoint" + where, root, 680, 620);
    }

    /** A button shown once an image is written: it hands the image on and closes the dialog. */
    private Button withWritten(String text, String id, Consumer<Path> then) {
        Button b = new Button(text);
        b.setId(id);
        b.visibleProperty().bind(vm.writtenProperty().isNotNull());
        b.setOnAction(e -> {
            vm.openWritten(then);
            stage().close();
        });
        return b;
    }

    private static CheckBox box(NamespaceChoice n) {
        CheckBox b = new CheckBox(n.text());
        b.setId("ns-" + n.spec().replace(':', '-'));
        b.setDisable(!n.selectable());
        b.selectedProperty().bindBidirectional(n.selectedProperty());
        return b;
    }

    private void chooseOutput() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Write the image to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("netcr images", "*.netcr"));
        Path now = vm.outputProperty().get();
        if (now != null && now.getParent() != null && now.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(now.getParent().toFile());
        }
        chooser.setInitialFileName(now == null ? vm.defaultFileName() : now.getFileName().toString());
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            vm.outputProperty().set(f.toPath());
        }
    }

    /** The view-model: where tests set what a native file chooser would. */
    public CheckpointViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
