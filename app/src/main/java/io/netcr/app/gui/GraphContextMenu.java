package io.netcr.app.gui;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The menu of a namespace or device on the graph: checkpoint this namespace, restore the image as…, compare,
 * copy its name, address or MAC, and show it in the navigator. Items that cannot apply are disabled, not
 * hidden, so the menu reads the same every time (checkpointing needs this host's document; restoring, an image).
 */
final class GraphContextMenu {

    private final WorkbenchCommands commands;
    private final NavigatorView navigator;
    private final ContextMenu menu = new ContextMenu();

    GraphContextMenu(WorkbenchCommands commands, NavigatorView navigator) {
        this.commands = commands;
        this.navigator = navigator;
        menu.setId("graph-menu");
    }

    /** Shows the menu of {@code at} (a drawn namespace or device) at a screen point. */
    void show(Node owner, SubjectPath at, Point2D screen) {
        Document doc = commands.viewModel().getActive();
        if (doc == null) {
            return;
        }
        Optional<Namespace> ns = commands.viewModel().selection().selectedNamespace();
        Object object = doc.index().find(at).orElse(null);
        menu.getItems().setAll(items(doc, at, ns.orElse(null), object));
        menu.show(owner, screen.getX(), screen.getY());
    }

    ContextMenu menu() {
        return menu;
    }

    private List<MenuItem> items(Document doc, SubjectPath at, Namespace ns, Object object) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem checkpoint = WorkbenchCommands.item("Checkpoint this namespace…", null, () ->
                commands.checkpoint(Set.of(ns.names().isEmpty() ? ns.id() : ns.names().get(0))));
        checkpoint.setId("menu-checkpoint");
        checkpoint.setDisable(ns == null || ns.init() || !doc.source().host());
        MenuItem restore = WorkbenchCommands.item("Restore the image as…", null, commands::restore);
        restore.setId("menu-restore");
        restore.setDisable(commands.defaultImage().isEmpty());
        Menu compare = new Menu("Compare with");
        compare.setId("menu-compare");
        compare.getItems().setAll(commands.compareItems());
        items.add(checkpoint);
        items.add(restore);
        items.add(compare);
        items.add(new SeparatorMenuItem());
        String name = object instanceof Device d ? d.name() : ns != null ? ns.label() : null;
        MenuItem copyName = WorkbenchCommands.item("Copy name", null, () -> copy(name));
        copyName.setId("menu-copy-name");
        copyName.setDisable(name == null);
        items.add(copyName);
        if (object instanceof Device d) {
            if (d.addresses().size() <= 1) {
                MenuItem copyAddress = WorkbenchCommands.item("Copy address", null,
                        () -> copy(d.addresses().get(0).address()));
                copyAddress.setDisable(d.addresses().isEmpty());
                copyAddress.setId("menu-copy-address");
                items.add(copyAddress);
            } else {
                Menu addresses = new Menu("Copy address");
                addresses.setId("menu-copy-address");
                for (Address a : d.addresses()) {
                    addresses.getItems().add(WorkbenchCommands.item(a.cidr(), null, () -> copy(a.address())));
                }
                items.add(addresses);
            }
            MenuItem mac = WorkbenchCommands.item("Copy MAC", null, () -> copy(d.mac()));
            mac.setId("menu-copy-mac");
            mac.setDisable(d.mac() == null);
            items.add(mac);
        }
        items.add(new SeparatorMenuItem());
        MenuItem show = WorkbenchCommands.item("Show in navigator", null, () -> navigator.show(at));
        show.setId("menu-show-in-navigator");
        items.add(show);
        return items;
    }

    private static void copy(String text) {
        if (text != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }
}
