package io.netcr.app.gui;

import io.netcr.app.graph.SnapshotIndex;
import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The navigator: sources ("This host" first, then each connected host with its state, then each opened file),
 * their namespaces, devices and addresses. "This host" is there before it is read: picking it reads it; a host
 * that is connecting or lost is there too, and picking a lost one connects it again. Right-clicking a host offers
 * Refresh, Reconnect and Disconnect. It follows the shared selection and feeds it; a guard stops the two from
 * echoing each other.
 */
public final class NavigatorView extends TreeView<NavigatorView.Item> {

    /** Style classes of a host whose connection is not up. */
    static final String CONNECTING = "host-connecting";
    static final String LOST = "host-lost";

    /**
     * A tree entry: a source ({@code path} null; {@code document} null for a host not read yet) or an object.
     *
     * @param document the version of the source the entry was made from: an object's entry kept across a followed
     *                 host's updates names the version that first showed it (picking it activates the current one)
     * @param source the source the entry belongs to
     * @param state  a remote host's connection state, else null
     */
    public record Item(Document document, SubjectPath path, String text, WorkbenchSource source, ConnectionState state) {

        public Item(Document document, SubjectPath path, String text) {
            this(document, path, text, document == null ? WorkbenchSource.LIVE : document.source(), null);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final WorkbenchViewModel vm;
    /** The active document's namespace subtrees by the namespace's path: where a selected path's entry is. */
    private final Map<SubjectPath, Subtree> activeSubtrees = new HashMap<>();
    /**
     * The namespace subtrees of the last rebuild, by the namespace record itself (identity): a followed host's next
     * snapshot holds the namespaces that did not change as the same records, and their entries are taken over
     * rather than made again (a thousand namespaces' devices and addresses, twice per live update otherwise).
     * A namespace that changed is made again, taking over the entries of its devices that are as they were.
     */
    private Map<Namespace, Subtree> subtrees = new IdentityHashMap<>();
    private Map<Namespace, Subtree> nextSubtrees = new IdentityHashMap<>();
    /** The same subtrees by source and namespace path: the earlier version of a namespace that changed. */
    private Map<List<Object>, Subtree> byPath = new HashMap<>();
    private Map<List<Object>, Subtree> nextByPath = new HashMap<>();

    /** A namespace's entry, the source it was made for, every entry of it by path, and its devices' by ifindex. */
    private record Subtree(WorkbenchSource source, TreeItem<Item> item, Map<SubjectPath, TreeItem<Item>> paths,
                           Map<Integer, Shown> devices) {
    }

    /** A device's entry (its addresses' under it) and the device it shows. */
    private record Shown(Device device, TreeItem<Item> item, Map<SubjectPath, TreeItem<Item>> paths) {
    }

    private WorkbenchCommands commands;
    private boolean syncing;

    public NavigatorView(WorkbenchViewModel vm) {
        super(new TreeItem<>());
        this.vm = vm;
        setId(Styles.ID_NAVIGATOR);
        setShowRoot(false);
        setCellFactory(t -> new SourceCell());
        vm.documents().addListener((ListChangeListener<Document>) c -> rebuild());
        vm.activeProperty().addListener((o, was, now) -> rebuild());
        ObservableList<HostConnection> hosts = vm.hosts().remotes().connections();
        hosts.addListener((ListChangeListener<HostConnection>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(h -> h.stateProperty().addListener((o, was, now) -> rebuild()));
            }
            rebuild();
        });
        vm.selection().selectedProperty().addListener((o, was, now) -> follow(now));
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> lead(now));
        ContextMenu menu = new ContextMenu();
        menu.setId("navigator-menu");
        menu.setOnShowing(e -> {
            TreeItem<Item> picked = getSelectionModel().getSelectedItem();
            menu.getItems().setAll(commands == null || picked == null || picked.getValue().path() != null ? List.of()
                    : commands.hostMenu(picked.getValue().source()));
        });
        setContextMenu(menu);
    }

    /** The window's commands, for the hosts' menu and for connecting a lost host again. */
    void useCommands(WorkbenchCommands commands) {
        this.commands = commands;
    }

    private void rebuild() {
        syncing = true;
        try {
            getRoot().getChildren().clear();
            activeSubtrees.clear();
            Map<WorkbenchSource, Document> bySource = new HashMap<>();
            vm.documents().forEach(d -> bySource.put(d.source(), d));
            Document here = bySource.get(WorkbenchSource.LIVE);
            getRoot().getChildren().add(here != null ? source(here, here.title(), null)
                    : new TreeItem<>(new Item(null, null, WorkbenchSource.THIS_HOST)));
            for (HostConnection c : vm.hosts().remotes().connections()) {
                WorkbenchSource.Remote remote = new WorkbenchSource.Remote(c.label());
                Document d = bySource.get(remote);
                ConnectionState state = c.getState();
                String suffix = state == ConnectionState.CONNECTED ? "" : " — " + state.text();
                getRoot().getChildren().add(d != null ? source(d, d.title() + suffix, state)
                        : new TreeItem<>(new Item(null, null, c.label() + suffix, remote, state)));
            }
            for (Document d : vm.documents()) {
                if (!d.source().host()) {
                    getRoot().getChildren().add(source(d, d.title(), null));
                }
            }
        } finally {
            subtrees = nextSubtrees;
            nextSubtrees = new IdentityHashMap<>();
            byPath = nextByPath;
            nextByPath = new HashMap<>();
            syncing = false;
        }
        follow(vm.selection().getSelected());
    }

    private TreeItem<Item> source(Document d, String title, ConnectionState state) {
        TreeItem<Item> source = new TreeItem<>(new Item(d, null, title, d.source(), state));
        source.setExpanded(true);
        boolean active = d == vm.getActive();
        List<TreeItem<Item>> children = new ArrayList<>(d.snapshot().namespaces().size());
        for (Namespace ns : d.snapshot().namespaces()) {
            children.add(namespace(d, ns, active));
        }
        source.getChildren().setAll(children);
        return source;
    }

    /** A namespace's entry: the last rebuild's when the same record was shown for the same source, else a new one. */
    private TreeItem<Item> namespace(Document d, Namespace ns, boolean active) {
        Subtree was = subtrees.get(ns);
        SubjectPath nsPath = SubjectPath.of(ns);
        Subtree sub = was != null && was.source().equals(d.source()) && !nextSubtrees.containsKey(ns) ? was
                : made(d, ns, nsPath, byPath.get(List.of(d.source(), nsPath)));
        nextSubtrees.put(ns, sub);
        nextByPath.putIfAbsent(List.of(d.source(), nsPath), sub);
        sub.item().setExpanded(active); // as a new entry would be: open in the active document, devices closed
        sub.item().getChildren().forEach(dev -> dev.setExpanded(false));
        if (active) {
            activeSubtrees.put(nsPath, sub);
        }
        return sub.item();
    }

    /** A namespace's entry made again, with the entries of {@code before}'s devices that are as they were. */
    private Subtree made(Document d, Namespace ns, SubjectPath nsPath, Subtree before) {
        Map<SubjectPath, TreeItem<Item>> paths = new HashMap<>();
        TreeItem<Item> item = add(d, nsPath, ns.label() + (ns.init() ? "  (init)" : ""), paths);
        Map<Integer, Shown> shown = new HashMap<>();
        Set<Shown> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TreeItem<Item>> devices = new ArrayList<>(ns.devices().size());
        for (Device dev : ns.devices()) {
            Shown old = before == null || !before.source().equals(d.source()) ? null : before.devices().get(dev.ifindex());
            Shown now = old != null && old.device().equals(dev) && taken.add(old) ? old : device(d, ns, dev);
            shown.putIfAbsent(dev.ifindex(), now);
            paths.putAll(now.paths());
            devices.add(now.item());
        }
        item.getChildren().setAll(devices);
        return new Subtree(d.source(), item, paths, shown);
    }

    private Shown device(Document d, Namespace ns, Device dev) {
        Map<SubjectPath, TreeItem<Item>> paths = new HashMap<>();
        String kind = dev.kind().isEmpty() ? "" : "  · " + dev.kind();
        TreeItem<Item> devItem = add(d, SubjectPath.of(ns, dev), dev.name() + kind, paths);
        for (Address a : dev.addresses()) {
            devItem.getChildren().add(add(d, SnapshotIndex.addressPath(ns, dev, a), a.cidr(), paths));
        }
        return new Shown(dev, devItem, paths);
    }

    private static TreeItem<Item> add(Document d, SubjectPath path, String text, Map<SubjectPath, TreeItem<Item>> paths) {
        TreeItem<Item> item = new TreeItem<>(new Item(d, path, text, d.source(), null));
        paths.putIfAbsent(path, item);
        return item;
    }

    /** The active document's entry of {@code path}, if it has one. */
    private TreeItem<Item> activeItem(SubjectPath path) {
        if (path == null || path.segments().isEmpty()) {
            return null;
        }
        Subtree sub = activeSubtrees.get(new SubjectPath(List.of(path.segments().get(0))));
        return sub == null ? null : sub.paths().get(path);
    }

    /** Selects {@code path} (of the active document) here and in the whole window, scrolled to, with the focus. */
    public void show(SubjectPath path) {
        vm.selection().select(path);
        follow(path);
        requestFocus();
    }

    /** The shared selection changed: show it here. */
    private void follow(SubjectPath path) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            TreeItem<Item> item = activeItem(path);
            if (item == null) {
                getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<Item> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            getSelectionModel().select(item);
            int row = getRow(item);
            if (row >= 0) {
                scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /** The user picked an entry here: make it the shared selection. */
    private void lead(TreeItem<Item> item) {
        if (syncing || item == null || item.getValue() == null) {
            return;
        }
        Item it = item.getValue();
        if (it.document() == null) {
            if (it.source() instanceof WorkbenchSource.Remote r) {
                if (it.state() == ConnectionState.LOST && commands != null) {
                    commands.connect(r.destination()); // picking a lost host connects it again
                }
                return;
            }
            vm.openLive();
            return;
        }
        // an entry kept from an earlier version of its source (a followed host) activates the version shown now
        vm.activate(vm.documents().stream().filter(d -> d.source().equals(it.source())).findFirst()
                .orElse(it.document()));
        if (it.path() != null) {
            vm.selection().select(it.path());
        }
    }

    /** A row: the entry's text, greyed while its host connects, red when it is lost. */
    private static final class SourceCell extends TreeCell<Item> {
        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(CONNECTING, LOST);
            setText(empty || item == null ? null : item.text());
            if (!empty && item != null && item.state() != null) {
                if (item.state() == ConnectionState.CONNECTING) {
                    getStyleClass().add(CONNECTING);
                } else if (item.state() == ConnectionState.LOST || item.state() == ConnectionState.CLOSED) {
                    getStyleClass().add(LOST);
                }
            }
        }
    }
}
