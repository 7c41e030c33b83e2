package io.netcr.app.graph;

import io.netcr.model.Address;
import io.netcr.model.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a device node shows and the geometry that follows from it. Layout sizes nodes with it and
 * every painter draws with it, so the text always fits the box it was measured for.
 */
public final class NodeText {

    public static final double PAD = 9;
    public static final double HEADER = 25;
    public static final double LINE = 16;
    public static final double GLYPH = 14;
    public static final double BADGE = 16;
    public static final double MIN_WIDTH = 132;
    public static final double EXTERNAL_HEIGHT = 40;

    private NodeText() {
    }

    /** Address lines: {@code 10.250.0.1/24}, IPv4 first as the kernel lists them. */
    public static List<String> addressLines(Device d) {
        List<String> lines = new ArrayList<>();
        for (Address a : d.addresses()) {
            lines.add(a.cidr());
        }
        return lines;
    }

    /** The MAC / MTU line shown on demand. */
    public static String detailLine(Device d) {
        return (d.mac() == null ? "no mac" : d.mac()) + "  mtu " + d.mtu();
    }

    public static double width(Device d, boolean details) {
        double w = PAD + GLYPH + 7 + TextStyle.NAME.width(d.name()) + BADGE + PAD;
        for (String line : addressLines(d)) {
            w = Math.max(w, 2 * PAD + TextStyle.MONO.width(line));
        }
        if (details) {
            w = Math.max(w, 2 * PAD + TextStyle.MONO.width(detailLine(d)));
        }
        return Math.ceil(Math.max(MIN_WIDTH, w));
    }

    public static double height(Device d, boolean details) {
        int lines = d.addresses().size() + (details ? 1 : 0);
        return HEADER + lines * LINE + (lines > 0 ? 6 : 2);
    }

    public static String externalCaption() {
        return "outside the snapshot";
    }

    public static double externalWidth(String label) {
        return Math.ceil(Math.max(TextStyle.CAPTION.width(externalCaption()),
                GLYPH + 6 + TextStyle.NAME.width(label)) + 2 * PAD);
    }
}
