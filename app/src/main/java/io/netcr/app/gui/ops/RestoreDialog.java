package io.netcr.app.gui.ops;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** File ▸ Restore…: a thin view of {@link RestoreViewModel}. */
public final class RestoreDialog {

    private final Stage stage;
    private final RestoreViewModel vm;

    public RestoreDialog(Window owner, RestoreViewModel vm) {
        this.vm = vm;
        TextField image = new ImagePathField(vm.imageProperty()).node();
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseImage());
        ComboBox<String> target = new ComboBox<>(vm.targets());
        target.setId("restore-target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.disableProperty().bind(vm.applyingProperty());
        target.setTooltip(new Tooltip("The host to restore on: this one, or a connected host (the image goes there; "
                + "the plan is made there)"));
        Label on = new Label("on");
        on.visibleProperty().bind(Bindings.size(vm.targets()).greaterThan(1));
        on.managedProperty().bind(on.visibleProperty());
        target.visibleProperty().bind(on.visibleProperty());
        target.managedProperty().bind(on.visibleProperty());
        HBox imageRow = new HBox(8, new Label("Image"), image, browse, on, target);
        imageRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(image, Priority.ALWAYS);

        TableView<RenameRow> renames = new TableView<>(vm.renames());
        renames.setId("restore-renames");
        renames.setEditable(true);
        renames.setPlaceholder(new Label("Nothing to rename"));
        renames.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        renames.getColumns().add(editable("In the image", RenameRow::fromProperty));
        renames.getColumns().add(editable("Restore as", RenameRow::toProperty));
        Button add = new Button("Add rename");
        add.setOnAction(e -> vm.renames().add(new RenameRow("", "")));
        TextField prefix = new TextField();
        prefix.setId("restore-prefix");
        prefix.setPromptText("e.g. test-");
        prefix.textProperty().bindBidirectional(vm.prefixProperty());
        HBox prefixRow = new HBox(8, new Label("Prefix"), prefix, DialogParts.spring(), add);
        prefixRow.setAlignment(Pos.CENTER_LEFT);
        Label renameHint = new Label("Leave \"Restore as\" empty to keep a name (with the prefix). "
                + "dev:NAME is a veth's outside half, made in this namespace.");
        renameHint.getStyleClass().add(DialogParts.HEADER_TEXT);
        renameHint.setWrapText(true);
        renameHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = DialogParts.grow(DialogParts.section("Names"), prefixRow, renameHint, renames);

        ListView<String> steps = new ListView<>(vm.steps());
        steps.setId("restore-steps");
        steps.getStyleClass().add(DialogParts.MONO);
        Label noSteps = new Label();
        noSteps.textProperty().bind(Bindings.when(vm.planProperty().isNull()).then("No plan yet")
                .otherwise("No steps: the preflight found problems (below); rename or set a prefix"));
        steps.setPlaceholder(noSteps);
        VBox right = DialogParts.grow(DialogParts.section("Plan (dry run; iproute2 equivalents)"), steps);
        SplitPane top = new SplitPane(left, right);
        top.setDividerPositions(0.36);

        DiagnosticTable problems = new DiagnosticTable(vm.problems(), "Preflight: no problems found");
        problems.setId("restore-problems");
        VBox bottom = DialogParts.grow(DialogParts.section("Preflight"), problems);
        SplitPane middle = new SplitPane(top, bottom);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.66);

        ProgressIndicator planning = new ProgressIndicator(-1);
        planning.setPrefSize(18, 18);
        planning.visibleProperty().bind(vm.planningProperty());
        planning.managedProperty().bind(planning.visibleProperty());
        Label status = new Label();
        status.setId("restore-status");
        status.getStyleClass().add(DialogParts.STATUS);
        status.textProperty().bind(vm.statusProperty());
        Tooltip statusWhole = new Tooltip();
        statusWhole.textProperty().bind(status.textProperty()); // a long status is cut short beside the buttons
        status.setTooltip(statusWhole);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.disableProperty().bind(vm.applyingProperty());
        close.setOnAction(e -> stage().close());
        Button apply = new Button("Apply");
        apply.setId("restore-apply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> vm.apply());
        Button cancel = new Button("Cancel");
        cancel.setId("restore-cancel");
        cancel.visibleProperty().bind(vm.progress().cancellableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        for (Button b : new Button[] {cancel, close, apply}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the status gives way, never the buttons
        }
        HBox buttons = new HBox(8, planning, status, DialogParts.spring(), cancel, close, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("dialog-buttons");

        VBox body = new VBox(10, imageRow, middle, progressRow());
        VBox.setVgrow(middle, Priority.ALWAYS);
        body.setPadding(new Insets(12, 16, 12, 16));
        BorderPane root = new BorderPane(body);
        root.setTop(DialogParts.header("Restore network namespaces", "Recreates the namespaces of an image in new "
                + "named namespaces, all or nothing. Every name is checked against the host before anything changes."));
        root.setBottom(buttons);
        root.setId("restore-dialog");
        ImagePathField.acceptDrops(root, vm.imageProperty());
        stage = DialogParts.stage(owner, "Restore", root, 980, 680);
        // closed while it waits for another restore: nobody would see it go on later, so it stops waiting;
        // while a restore runs past the lock, the window stays until it ends (see mayClose)
        stage.setOnCloseRequest(e -> {
            if (!vm.mayClose()) {
                e.consume();
            }
        });
    }

    /** The running restore: a bar (indeterminate while it waits or plans) and the step it is at. */
    private HBox progressRow() {
        RestoreProgressModel p = vm.progress();
        ProgressBar bar = new ProgressBar();
        bar.setId("restore-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(p.progressProperty());
        Label step = new Label();
        step.setId("restore-step");
        step.getStyleClass().add(DialogParts.MONO);
        step.textProperty().bind(p.stepTextProperty());
        step.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(step.textProperty()); // a long step is cut short in the row
        step.setTooltip(whole);
        HBox row = new HBox(8, bar, step);
        row.setId("restore-progress-row");
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(step, Priority.ALWAYS);
        row.visibleProperty().bind(vm.applyingProperty().or(p.stepTextProperty().isNotEmpty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static TableColumn<RenameRow, String> editable(String title,
            Function<RenameRow, javafx.beans.property.StringProperty> property) {
        TableColumn<RenameRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> property.apply(f.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> property.apply(e.getRowValue()).set(e.getNewValue() == null ? "" : e.getNewValue()));
        return c;
    }

    private void chooseImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Restore image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("netcr images and snapshots", "*.netcr", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path now = vm.imageProperty().get();
        if (now != null && now.getParent() != null && now.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(now.getParent().toFile());
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            vm.imageProperty().set(f.toPath());
        }
    }

    /** The view-model: where tests set what a native file chooser would. */
    public RestoreViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
