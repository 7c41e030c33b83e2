package io.netcr.app.gui;

import io.netcr.app.graph.LinkState;
import io.netcr.app.graph.SnapshotIndex;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every field of a namespace, device or address as rows for the property sheet, in a reading order.
 * One category per object (ControlsFX shows categories as an accordion, one open at a time), plus
 * "More" for what the model keeps in its properties map. Plain Java.
 */
public final class PropertyRows {

    /** One line of the sheet. */
    public record Row(String category, String name, String value) {
    }

    private PropertyRows() {
    }

    public static List<Row> of(Object object, SnapshotIndex index) {
        List<Row> rows = new ArrayList<>();
        if (object instanceof Namespace ns) {
            namespace(ns, rows);
        } else if (object instanceof Device d) {
            device(d, index, rows);
        } else if (object instanceof Address a) {
            address(a, rows);
        }
        return rows;
    }

    private static void namespace(Namespace ns, List<Row> rows) {
        rows.add(new Row("Namespace", "label", ns.label()));
        rows.add(new Row("Namespace", "id", ns.id()));
        rows.add(new Row("Namespace", "names", String.join(", ", ns.names())));
        rows.add(new Row("Namespace", "init", Boolean.toString(ns.init())));
        rows.add(new Row("Namespace", "holders", ns.holders().stream()
                .map(h -> h.pid() + (h.command() == null ? "" : " (" + h.command() + ")"))
                .collect(Collectors.joining(", "))));
        rows.add(new Row("Namespace", "devices", Integer.toString(ns.devices().size())));
        rows.add(new Row("Namespace", "routes", Integer.toString(ns.routes().size())));
        ns.properties().forEach((k, v) -> rows.add(new Row("More", k, v)));
    }

    private static void device(Device d, SnapshotIndex index, List<Row> rows) {
        rows.add(new Row("Device", "name", d.name()));
        rows.add(new Row("Device", "ifindex", Integer.toString(d.ifindex())));
        rows.add(new Row("Device", "kind", d.kind().isEmpty() ? "(none)" : d.kind()));
        rows.add(new Row("Device", "skipped", Boolean.toString(d.skipped())));
        rows.add(new Row("Device", "mac", d.mac() == null ? "" : d.mac()));
        rows.add(new Row("Device", "mtu", Integer.toString(d.mtu())));
        rows.add(new Row("Device", "up", Boolean.toString(d.up())));
        rows.add(new Row("Device", "operstate", d.operstate()));
        rows.add(new Row("Device", "state", LinkState.of(d).word()));
        rows.add(new Row("Device", "master", d.master() == null ? "" : d.master()));
        rows.add(new Row("Device", "peer", index.describe(d.peer())));
        rows.add(new Row("Device", "parent", index.describe(d.parent())));
        rows.add(new Row("Device", "addresses", d.addresses().stream().map(Address::cidr)
                .collect(Collectors.joining(", "))));
        d.properties().forEach((k, v) -> rows.add(new Row("More", k, v)));
    }

    private static void address(Address a, List<Row> rows) {
        rows.add(new Row("Address", "address", a.address()));
        rows.add(new Row("Address", "prefixlen", Integer.toString(a.prefixlen())));
        rows.add(new Row("Address", "family", a.family()));
        rows.add(new Row("Address", "scope", a.scope()));
        rows.add(new Row("Address", "flags", String.join(", ", a.flags())));
        rows.add(new Row("Address", "label", a.label() == null ? "" : a.label()));
    }

}
