package io.netcr.app.gui;

import io.netcr.app.Version;
import io.netcr.app.export.ExportFormat;
import io.netcr.app.gui.canvas.GraphView;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.textfield.TextFields;

/** The menu bar and the tool bar; every action goes straight to the view-model or the graph view. */
final class WorkbenchMenus {

    private final Stage stage;
    private final WorkbenchViewModel vm;
    private final GraphView graph;

    WorkbenchMenus(Stage stage, WorkbenchViewModel vm, GraphView graph) {
        this.stage = stage;
        this.vm = vm;
        this.graph = graph;
    }

    MenuBar menuBar() {
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                MenuItem item = new MenuItem(p.toString());
                item.setOnAction(e -> vm.open(p));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fillRecent.run();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());

        Menu compare = new Menu("Compare with");
        compare.setId("compare-menu");
        compare.setOnShowing(e -> fillCompare(compare));
        fillCompare(compare);
        compare.disableProperty().bind(vm.activeProperty().isNull());
        MenuItem clear = item("Clear comparison", null, vm::clearComparison);
        clear.setId("clear-comparison");
        clear.disableProperty().bind(vm.comparisonProperty().isNull());
        WorkbenchActions actions = new WorkbenchActions(stage, vm);
        MenuItem checkpoint = item("Checkpoint…", "Shortcut+K", () -> actions.checkpointDialog().show());
        checkpoint.setId("checkpoint");
        MenuItem restore = item("Restore…", "Shortcut+R", () -> actions.restoreDialog().show());
        restore.setId("restore");
        Menu file = new Menu("File", null,
                item("Open image…", "Shortcut+O", this::openDialog), recent,
                item("Open this host", null, vm::openLive),
                item("Export…", "Shortcut+E", this::exportDialog),
                new SeparatorMenuItem(), compare, clear,
                new SeparatorMenuItem(), checkpoint, restore,
                new SeparatorMenuItem(), item("Quit", "Shortcut+Q", Platform::exit));
        CheckMenuItem details = new CheckMenuItem("Show MAC/MTU");
        details.selectedProperty().bindBidirectional(vm.showDetailsProperty());
        details.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        Menu view = new Menu("View", null,
                item("Refresh", "F5", vm::refresh), new SeparatorMenuItem(),
                item("Fit", "Shortcut+0", vm::fit), item("Zoom in", "Shortcut+Plus", () -> graph.zoom(1.25)),
                item("Zoom out", "Shortcut+Minus", () -> graph.zoom(0.8)), new SeparatorMenuItem(), details);
        Menu help = new Menu("Help", null, item("About netcr", null, this::about));
        return new MenuBar(file, view, help);
    }

    ToolBar toolBar() {
        Button open = button("Open", "Open a snapshot or image", this::openDialog);
        Button refresh = button("Refresh", "Read the current source again (F5)", vm::refresh);
        refresh.setId("refresh");
        refresh.disableProperty().bind(vm.activeProperty().isNull());
        Button fit = button("Fit", "Fit the graph to the window", vm::fit);
        TextField search = TextFields.createClearableTextField();
        search.setId(Styles.ID_SEARCH);
        search.setPromptText("Search name, address, MAC");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(vm.selection().searchTextProperty());
        search.setOnAction(e -> vm.selection().searchFirst());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(open, refresh, fit, spring, search);
    }

    /** This host, each other open document, and a file chosen in a dialog. */
    private void fillCompare(Menu compare) {
        compare.getItems().clear();
        Document current = vm.getActive();
        if (current == null || !current.live()) {
            compare.getItems().add(item(WorkbenchSource.THIS_HOST, null, () -> vm.compareWith(WorkbenchSource.LIVE)));
        }
        for (Document d : vm.documents()) {
            if (d != current && !d.live()) {
                compare.getItems().add(item(d.title(), null, () -> vm.compareWith(d.source())));
            }
        }
        compare.getItems().add(new SeparatorMenuItem());
        compare.getItems().add(item("File…", null, this::compareDialog));
    }

    private void compareDialog() {
        chooser("Compare with").map(File::toPath).map(WorkbenchSource::file).ifPresent(vm::compareWith);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void openDialog() {
        chooser("Open snapshot").map(File::toPath).ifPresent(vm::open);
    }

    private Optional<File> chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("netcr images and snapshots", "*.netcr", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(stage));
    }

    private void exportDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        for (ExportFormat f : ExportFormat.values()) {
            chooser.getExtensionFilters().add(
                    new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
        }
        chooser.setInitialFileName("netcr.png");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path file = chosen.toPath();
        ExportFormat format = ExportFormat.ofFile(file).orElseGet(() -> ExportFormat.values()[
                Math.max(0, chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter()))]);
        vm.export(file, format);
    }

    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(stage);
        about.setTitle("About netcr");
        about.setHeaderText(Version.tool());
        about.setContentText("A workbench for Linux network namespaces: graph, checkpoint, restore, compare.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
        about.show();
    }
}
