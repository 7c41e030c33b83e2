package io.netcr.app.graph.paint;

import io.netcr.app.graph.NodeKind;

/** The small vector icons (14 x 14) that tell device kinds apart. */
final class Glyphs {

    private Glyphs() {
    }

    static void draw(Painter p, NodeKind kind, double x, double y, int c) {
        switch (kind) {
            case LOOPBACK -> {
                // a circle that comes back to itself
                p.strokeOval(x + 1.5, y + 1.5, 11, 11, c, 1.6);
                p.fillPolygon(new double[] {x + 9, x + 14, x + 10.5}, new double[] {y + 0.5, y + 2.5, y + 6}, c);
            }
            case VETH -> {
                // two ends of one cable
                p.fillOval(x, y + 4.5, 5, 5, c);
                p.fillOval(x + 9, y + 4.5, 5, 5, c);
                p.polyline(new double[] {x + 4, x + 10}, new double[] {y + 7, y + 7}, c, 1.8, false);
            }
            case BRIDGE -> {
                // a bar with ports hanging from it
                p.polyline(new double[] {x, x + 14}, new double[] {y + 3.5, y + 3.5}, c, 2.2, false);
                for (double dx : new double[] {1.5, 7, 12.5}) {
                    p.polyline(new double[] {x + dx, x + dx}, new double[] {y + 3.5, y + 10}, c, 1.4, false);
                    p.fillOval(x + dx - 2, y + 9.5, 4, 4, c);
                }
            }
            case EXTERNAL -> {
                p.strokeRoundRect(x + 1, y + 1, 12, 12, 12, c, 1.3, true);
                p.fillOval(x + 5, y + 5, 4, 4, c);
            }
            default -> {
                // a network card with its pins
                p.strokeRoundRect(x + 0.5, y + 2, 13, 8, 2, c, 1.4, false);
                for (double dx : new double[] {3, 6, 9}) {
                    p.polyline(new double[] {x + dx + 1, x + dx + 1}, new double[] {y + 10, y + 13}, c, 1.4, false);
                }
            }
        }
    }
}
