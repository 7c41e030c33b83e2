package io.netcr.app.gui;

import static io.netcr.app.gui.WorkbenchCommands.item;

import io.netcr.app.Version;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** The menu bar: every item is one of the window's {@link WorkbenchCommands}, with its shortcut. */
final class WorkbenchMenus {

    /** View › Pause live updates. */
    static final String ID_PAUSE_LIVE = "menu-pause-live";

    private final Stage stage;
    private final WorkbenchCommands commands;
    private final WorkbenchViewModel vm;

    WorkbenchMenus(Stage stage, WorkbenchCommands commands) {
        this.stage = stage;
        this.commands = commands;
        this.vm = commands.viewModel();
    }

    /** @param focusSearch puts the keyboard in the search field (Ctrl+F) */
    MenuBar menuBar(Runnable focusSearch, Preferences prefs, Consumer<Theme> themeChanged) {
        Menu recent = new Menu("Open recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : vm.recentFiles()) {
                recent.getItems().add(item(p.toString(), null, () -> vm.open(p)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fillRecent.run();
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());

        Menu compare = new Menu("Compare with");
        compare.setId("compare-menu");
        compare.setOnShowing(e -> compare.getItems().setAll(commands.compareItems()));
        compare.getItems().setAll(commands.compareItems());
        compare.disableProperty().bind(vm.activeProperty().isNull());
        MenuItem clear = item("Clear comparison", null, vm.compare()::clear);
        clear.setId("clear-comparison");
        clear.disableProperty().bind(vm.compare().comparisonProperty().isNull());
        MenuItem connect = item("Connect to host…", WorkbenchCommands.CONNECT, commands::connectToHost);
        connect.setId("connect");
        MenuItem checkpoint = item("Checkpoint…", WorkbenchCommands.CHECKPOINT, commands::checkpoint);
        checkpoint.setId("checkpoint");
        MenuItem restore = item("Restore…", WorkbenchCommands.RESTORE, commands::restore);
        restore.setId("restore");
        Menu file = new Menu("File", null,
                item("Open image…", WorkbenchCommands.OPEN, commands::open), recent,
                item("Open this host", null, vm::openLive),
                connect,
                item("Export…", WorkbenchCommands.EXPORT, commands::export),
                new SeparatorMenuItem(), compare, clear,
                new SeparatorMenuItem(), checkpoint, restore,
                new SeparatorMenuItem(), item("Quit", KeyCombination.keyCombination("Shortcut+Q"), Platform::exit));
        CheckMenuItem details = new CheckMenuItem("Show MAC/MTU");
        details.selectedProperty().bindBidirectional(vm.showDetailsProperty());
        details.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        CheckMenuItem pause = new CheckMenuItem("Pause live updates");
        pause.setId(ID_PAUSE_LIVE);
        pause.selectedProperty().bindBidirectional(vm.followed().controls().paused()); // the active document's host
        pause.disableProperty().bind(vm.followed().controls().following().not());
        pause.setAccelerator(WorkbenchCommands.PAUSE_LIVE);
        Menu view = new Menu("View", null,
                item("Refresh", WorkbenchCommands.REFRESH, commands::refresh), pause, new SeparatorMenuItem(),
                item("Fit", WorkbenchCommands.FIT, commands::fit),
                item("Zoom in", WorkbenchCommands.ZOOM_IN, commands::zoomIn),
                item("Zoom out", WorkbenchCommands.ZOOM_OUT, commands::zoomOut), new SeparatorMenuItem(),
                item("Find", WorkbenchCommands.FIND, focusSearch),
                item("Find next", WorkbenchCommands.FIND_NEXT, vm.search()::next),
                item("Find previous", WorkbenchCommands.FIND_PREVIOUS, vm.search()::previous),
                new SeparatorMenuItem(), details, themes(prefs, themeChanged));
        Menu help = new Menu("Help", null, item("About netcr", null, this::about));
        return new MenuBar(file, view, help);
    }

    /** View ▸ Theme: follow the desktop, light, dark; the choice is kept. */
    private static Menu themes(Preferences prefs, Consumer<Theme> changed) {
        Menu menu = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        Theme now = Theme.saved(prefs);
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.text());
            item.setToggleGroup(group);
            item.setSelected(t == now);
            item.setOnAction(e -> {
                t.save(prefs);
                changed.accept(t);
            });
            menu.getItems().add(item);
        }
        return menu;
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
