package io.netcr.app.gui;

import io.netcr.app.export.ExportFormat;
import io.netcr.app.gui.hosts.ConnectDialog;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.canvas.GraphView;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window's commands, each once, with its shortcut: the menu bar, the tool bar and the graph's context menu
 * all call these, so a command does the same from every place and its tooltip names the same key.
 */
public final class WorkbenchCommands {

    /** The shortcuts, shown in the menus and in the tool bar's tooltips. */
    public static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    public static final KeyCombination CONNECT = KeyCombination.keyCombination("Shortcut+Shift+O");
    public static final KeyCombination REFRESH = KeyCombination.keyCombination("F5");
    public static final KeyCombination PAUSE_LIVE = KeyCombination.keyCombination("Shortcut+L");
    public static final KeyCombination CHECKPOINT = KeyCombination.keyCombination("Shortcut+K");
    public static final KeyCombination RESTORE = KeyCombination.keyCombination("Shortcut+R");
    public static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+E");
    public static final KeyCombination FIT = KeyCombination.keyCombination("Shortcut+0");
    public static final KeyCombination ZOOM_IN = KeyCombination.keyCombination("Shortcut+Plus");
    public static final KeyCombination ZOOM_OUT = KeyCombination.keyCombination("Shortcut+Minus");
    public static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    public static final KeyCombination FIND_NEXT = KeyCombination.keyCombination("F3");
    public static final KeyCombination FIND_PREVIOUS = KeyCombination.keyCombination("Shift+F3");
    /** Other keys for the same zooms: Ctrl with = (plus without Shift), and the keypad's +, - and 0. */
    static final List<KeyCombination> ZOOM_IN_TOO = List.of(KeyCombination.keyCombination("Shortcut+Equals"),
            KeyCombination.keyCombination("Shortcut+Add"));
    static final List<KeyCombination> ZOOM_OUT_TOO = List.of(KeyCombination.keyCombination("Shortcut+Subtract"));
    static final List<KeyCombination> FIT_TOO = List.of(KeyCombination.keyCombination("Shortcut+Numpad0"));
    private static final double ZOOM = 1.25;

    private final Stage stage;
    private final WorkbenchViewModel vm;
    private final GraphView graph;
    private final WorkbenchActions actions;

    public WorkbenchCommands(Stage stage, WorkbenchViewModel vm, GraphView graph, WorkbenchActions actions) {
        this.stage = stage;
        this.vm = vm;
        this.graph = graph;
        this.actions = actions;
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public void open() {
        chooser("Open snapshot").map(File::toPath).ifPresent(vm::open);
    }

    public void refresh() {
        vm.refresh();
    }

    /** File › Connect to host…: a host typed or picked from the recent ones. */
    public void connectToHost() {
        new ConnectDialog(stage, vm.hosts().remotes().recent(), this::connect).show();
    }

    /**
     * Connects to {@code destination} (again, when connected already) and reads it; once connected, a restore left
     * unfinished there is offered for recovery. Empty, or why the destination is not a host.
     */
    public Optional<String> connect(String destination) {
        return vm.connect(destination, c -> actions.offerRecovery(new WorkbenchSource.Remote(c.label())));
    }

    /** Ends the connection to a remote host and closes its document. */
    public void disconnect(HostConnection c) {
        vm.disconnect(c);
    }

    /**
     * Starts netcr's agent with the privilege helper (the window is not root); once it runs, this host is read
     * through it and a restore left unfinished here is offered for recovery.
     */
    public void startAgent() {
        vm.startAgent(actions::offerRecovery);
    }

    /** The navigator's menu of a host: read it again, connect again, disconnect; nothing for a file. */
    public List<MenuItem> hostMenu(WorkbenchSource source) {
        List<MenuItem> items = new ArrayList<>();
        if (source instanceof WorkbenchSource.Remote r) {
            Optional<HostConnection> c = vm.hosts().remotes().find(r.destination());
            boolean up = c.map(HostConnection::connected).orElse(false);
            MenuItem refresh = item("Refresh", REFRESH, () -> vm.open(source));
            refresh.setDisable(!up);
            items.add(refresh);
            MenuItem reconnect = item("Reconnect", null, () -> connect(r.destination()));
            reconnect.setId("menu-reconnect");
            items.add(reconnect);
            c.ifPresent(conn -> {
                MenuItem disconnect = item("Disconnect", null, () -> disconnect(conn));
                disconnect.setId("menu-disconnect");
                items.add(disconnect);
            });
            items.add(new SeparatorMenuItem());
            MenuItem checkpoint = item("Checkpoint…", CHECKPOINT, () -> {
                vm.documents().stream().filter(d -> d.source().equals(source)).findFirst().ifPresent(vm::activate);
                checkpoint();
            });
            checkpoint.setDisable(!up);
            items.add(checkpoint);
        } else if (source instanceof WorkbenchSource.Live) {
            items.add(item("Refresh", REFRESH, vm::openLive));
            ThisHost here = vm.hosts().thisHost();
            if (here.helper() != null) {
                MenuItem agent = item(here.throughAgent() ? "Restart netcr's agent" : "Start netcr's agent", null,
                        this::startAgent);
                agent.setId("menu-start-agent");
                items.add(agent);
            }
        }
        return items;
    }

    /** The checkpoint dialog, with the namespaces selected on the graph checked. */
    public void checkpoint() {
        checkpoint(selectedNamespaces());
    }

    /** The checkpoint dialog with these namespaces (of this host, by name) checked. */
    public void checkpoint(Set<String> namespaces) {
        actions.checkpointDialog(namespaces).show();
    }

    /** The restore dialog, on the active image or the one just checkpointed. */
    public void restore() {
        actions.restoreDialog().show();
    }

    /** The image Restore… starts with: the active one, or the one just checkpointed; empty: none. */
    public Optional<Path> defaultImage() {
        return actions.defaultImage();
    }

    public void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        for (ExportFormat f : ExportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), "*." + f.extension()));
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

    public void fit() {
        vm.fit();
    }

    public void zoomIn() {
        graph.zoom(ZOOM);
    }

    public void zoomOut() {
        graph.zoom(1 / ZOOM);
    }

    /** The compare menu's items: this host, each other open document, and a file chosen in a dialog. */
    public List<MenuItem> compareItems() {
        List<MenuItem> items = new ArrayList<>();
        Document current = vm.getActive();
        if (current == null || !current.live()) {
            items.add(item(WorkbenchSource.THIS_HOST, null, () -> vm.compare().compareWith(WorkbenchSource.LIVE)));
        }
        for (Document d : vm.documents()) {
            if (d != current && !d.live()) {
                items.add(item(d.title(), null, () -> vm.compare().compareWith(d.source())));
            }
        }
        items.add(new SeparatorMenuItem());
        items.add(item("File…", null, () -> chooser("Compare with").map(File::toPath).map(WorkbenchSource::file)
                .ifPresent(vm.compare()::compareWith)));
        return items;
    }

    /**
     * The namespaces selected on the graph, by the name the checkpoint knows them by: the selected namespace,
     * or the namespace of the selected device or address; only when the active document is a host read live
     * (an image's namespaces are no host's).
     */
    public Set<String> selectedNamespaces() {
        Document d = vm.getActive();
        if (d == null || !d.source().host()) {
            return Set.of();
        }
        return vm.selection().selectedNamespace().filter(ns -> !ns.init())
                .map(ns -> Set.of(ns.names().isEmpty() ? ns.id() : ns.names().get(0))).orElse(Set.of());
    }

    static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Optional<File> chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("netcr images and snapshots", "*.netcr", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(stage));
    }
}
