package io.netcr.app.gui;

import io.netcr.app.graph.SnapshotIndex;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The navigator: sources ("This host" first, then each opened file), their namespaces, devices and
 * addresses. "This host" is there before it is read: picking it reads it. It follows
 * the shared selection and feeds it; a guard stops the two from echoing each other.
 */
public final class NavigatorView extends TreeView<NavigatorView.Item> {

    /** A tree entry: a source ({@code path} null; {@code document} null for the unread host) or an object. */
    public record Item(Document document, SubjectPath path, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final WorkbenchViewModel vm;
    private final Map<SubjectPath, TreeItem<Item>> activeItems = new HashMap<>();
    private boolean syncing;

    public NavigatorView(WorkbenchViewModel vm) {
        super(new TreeItem<>());
        this.vm = vm;
        setId(Styles.ID_NAVIGATOR);
        setShowRoot(false);
        vm.documents().addListener((ListChangeListener<Document>) c -> rebuild());
        vm.activeProperty().addListener((o, was, now) -> rebuild());
        vm.selection().selectedProperty().addListener((o, was, now) -> follow(now));
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> lead(now));
    }

    private void rebuild() {
        syncing = true;
        try {
            getRoot().getChildren().clear();
            activeItems.clear();
            if (vm.documents().stream().noneMatch(Document::live)) {
                getRoot().getChildren().add(new TreeItem<>(new Item(null, null, WorkbenchSource.THIS_HOST)));
            }
            List<Document> docs = new ArrayList<>(vm.documents());
            docs.sort(Comparator.comparing(d -> !d.live())); // the live host first
            for (Document d : docs) {
                TreeItem<Item> source = new TreeItem<>(new Item(d, null, d.title()));
                source.setExpanded(true);
                boolean active = d == vm.getActive();
                for (Namespace ns : d.snapshot().namespaces()) {
                    source.getChildren().add(namespace(d, ns, active));
                }
                getRoot().getChildren().add(source);
            }
        } finally {
            syncing = false;
        }
        follow(vm.selection().getSelected());
    }

    private TreeItem<Item> namespace(Document d, Namespace ns, boolean active) {
        SubjectPath nsPath = SubjectPath.of(ns);
        TreeItem<Item> item = add(d, nsPath, ns.label() + (ns.init() ? "  (init)" : ""), active);
        item.setExpanded(active);
        for (Device dev : ns.devices()) {
            SubjectPath devPath = SubjectPath.of(ns, dev);
            String kind = dev.kind().isEmpty() ? "" : "  · " + dev.kind();
            TreeItem<Item> devItem = add(d, devPath, dev.name() + kind, active);
            for (Address a : dev.addresses()) {
                devItem.getChildren().add(add(d, SnapshotIndex.addressPath(ns, dev, a), a.cidr(), active));
            }
            item.getChildren().add(devItem);
        }
        return item;
    }

    private TreeItem<Item> add(Document d, SubjectPath path, String text, boolean active) {
        TreeItem<Item> item = new TreeItem<>(new Item(d, path, text));
        if (active) {
            activeItems.put(path, item);
        }
        return item;
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
            TreeItem<Item> item = path == null ? null : activeItems.get(path);
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
            vm.openLive();
            return;
        }
        vm.activate(it.document());
        if (it.path() != null) {
            vm.selection().select(it.path());
        }
    }
}
