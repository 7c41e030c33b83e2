package io.netcr.app.gui;

import io.netcr.app.gui.canvas.GraphView;
import java.io.File;
import javafx.beans.binding.Bindings;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.geometry.Dimension2D;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/**
 * Puts the workbench together: menus and tool bar on top (and, not root, the line about netcr's agent), navigator
 * left, graph centre, properties right, diagnostics and the changes of a comparison in tabs below the graph, status bar at the bottom. Holds no state of its own.
 */
public final class WorkbenchWindow {

    private final GraphView graph;
    private final NavigatorView navigator;
    private final PropertiesView properties;
    private final DiagnosticsView diagnostics;
    private final ChangesView changes;
    private final TabPane bottom;
    private final WorkbenchToolBar toolBar;
    private final GraphContextMenu objectMenu;
    private final HelperBar helperBar;
    private final Scene scene;

    /** A window on this host: checkpoint and restore through the real services. */
    public WorkbenchWindow(Stage stage, WorkbenchViewModel vm) {
        this(stage, vm, actions -> new WorkbenchActions(stage, vm));
    }

    /** @param actions makes the window's checkpoint and restore dialogs (tests stand in engines without a kernel) */
    public WorkbenchWindow(Stage stage, WorkbenchViewModel vm,
                           Function<Stage, WorkbenchActions> actions) {
        graph = new GraphView(vm);
        vm.followed().holdThisHost(); // until the first graph is on the screen
        graph.whenFirstFrameShown(vm.followed()::release);
        graph.setId(Styles.ID_GRAPH);
        navigator = new NavigatorView(vm);
        properties = new PropertiesView(vm.selection());
        diagnostics = new DiagnosticsView(vm.selection());
        changes = new ChangesView(vm);
        WorkbenchCommands commands = new WorkbenchCommands(stage, vm, graph, actions.apply(stage));
        navigator.useCommands(commands);
        helperBar = new HelperBar(vm.hosts().thisHost(), commands::startAgent);
        WorkbenchMenus menus = new WorkbenchMenus(stage, commands);
        toolBar = new WorkbenchToolBar(commands);
        objectMenu = new GraphContextMenu(commands, navigator);
        graph.setOnObjectMenu((path, at) -> objectMenu.show(graph, path, at));

        Tab diagTab = new Tab("Diagnostics", diagnostics);
        diagTab.textProperty().bind(Bindings.size(diagnostics.getItems()).asString("Diagnostics (%d)"));
        Tab changeTab = new Tab("Changes", changes);
        changeTab.textProperty().bind(Bindings.when(vm.compare().comparisonProperty().isNull()).then("Changes")
                .otherwise(Bindings.size(changes.getItems()).asString("Changes (%d)")));
        Tab eventTab = new Tab("Events", new EventLogView(vm.followed().controls()));
        bottom = new TabPane(diagTab, changeTab, eventTab);
        bottom.setId(Styles.ID_BOTTOM_TABS);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a new comparison shows its changes; clearing it goes back to the diagnostics
        vm.compare().comparisonProperty().addListener((o, was, now) -> bottom.getSelectionModel().select(now == null ? diagTab
                : changeTab));
        SplitPane centre = new SplitPane(graph, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.76);
        Label nothing = new Label("Select a namespace, device or address");
        nothing.getStyleClass().add(Styles.PLACEHOLDER);
        nothing.visibleProperty().bind(Bindings.isEmpty(properties.getItems()));
        StackPane sheet = new StackPane(properties, nothing);
        StackPane.setAlignment(nothing, Pos.TOP_CENTER);
        SplitPane main = new SplitPane(titled("Navigator", navigator), centre, titled("Properties", sheet));
        main.setDividerPositions(0.16, 0.74);
        SplitPane.setResizableWithParent(main.getItems().get(0), false);
        SplitPane.setResizableWithParent(main.getItems().get(2), false);

        StatusBar status = new StatusBar();
        status.setId(Styles.ID_STATUS);
        status.textProperty().bind(vm.statusProperty());
        status.progressProperty().bind(vm.progressProperty());
        Label live = new Label();
        live.textProperty().bind(vm.followed().controls().status()); // the active host's "Live", "Live paused (...)"
        status.getRightItems().add(live);

        BorderPane root = new BorderPane(main);
        Preferences prefs = Theme.preferences();
        Scene[] self = new Scene[1];
        root.setTop(new VBox(menus.menuBar(this::focusSearch, prefs, t -> t.apply(self[0])), toolBar.node(),
                helperBar.node()));
        root.setBottom(status);
        Dimension2D size = WindowFit.size(Screen.getPrimary().getVisualBounds());
        scene = new Scene(root, size.getWidth(), size.getHeight());
        self[0] = scene;
        Theme.saved(prefs).apply(scene);
        WindowFit.setIcons(stage);
        scene.getStylesheets().add(WorkbenchWindow.class.getResource(Styles.STYLESHEET).toExternalForm());
        moreZoomKeys(commands);
        acceptDroppedFiles(vm);
    }

    /** Ctrl with = (plus without Shift), and the keypad's +, - and 0: the same zooms as the menu's keys. */
    private void moreZoomKeys(WorkbenchCommands commands) {
        WorkbenchCommands.ZOOM_IN_TOO.forEach(k -> scene.getAccelerators().put(k, commands::zoomIn));
        WorkbenchCommands.ZOOM_OUT_TOO.forEach(k -> scene.getAccelerators().put(k, commands::zoomOut));
        WorkbenchCommands.FIT_TOO.forEach(k -> scene.getAccelerators().put(k, commands::fit));
    }

    private void focusSearch() {
        Node field = scene.lookup("#" + Styles.ID_SEARCH);
        if (field != null) {
            field.requestFocus();
        }
    }

    private static VBox titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.PANE_TITLE);
        VBox box = new VBox(label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** Dropping a file on the window opens it. */
    private void acceptDroppedFiles(WorkbenchViewModel vm) {
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                for (File f : e.getDragboard().getFiles()) {
                    vm.open(f.toPath());
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    public Scene scene() {
        return scene;
    }

    public GraphView graph() {
        return graph;
    }

    public NavigatorView navigator() {
        return navigator;
    }

    public PropertiesView properties() {
        return properties;
    }

    public DiagnosticsView diagnostics() {
        return diagnostics;
    }

    public ChangesView changes() {
        return changes;
    }

    public TabPane bottomTabs() {
        return bottom;
    }

    public WorkbenchToolBar toolBar() {
        return toolBar;
    }

    /** The graph's context menu (its items are those of the object last right-clicked). */
    public ContextMenu objectMenu() {
        return objectMenu.menu();
    }
}
