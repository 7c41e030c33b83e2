package io.netcr.app.graph;

import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects that a compared source has and the drawing does not (removed namespaces and devices), as ghost
 * cards in rows under the drawing, so that a comparison shows what is gone as well as what is new.
 *
 * @param title  the caption over the cards ("Only in X")
 * @param at     where the caption's baseline starts
 * @param cards  one per removed object
 * @param bounds everything, caption included; empty when there are no cards
 */
public record GhostShapes(String title, Point at, List<Card> cards, Rect bounds) {

    public static final double WIDTH = 190;
    public static final double HEIGHT = 34;
    private static final double GAP = 14;
    private static final double TOP = 40;

    public static final GhostShapes NONE = new GhostShapes("", new Point(0, 0), List.of(), Rect.EMPTY);

    /** A removed object: its path and what to call it ("web/old0", "netns mon"). */
    public record Card(SubjectPath id, String label, Rect bounds) {
    }

    /** Cards for {@code removed} (namespace or device paths), in rows as wide as the drawing. */
    public static GhostShapes under(GraphDrawing g, String title, List<SubjectPath> removed) {
        if (removed.isEmpty()) {
            return NONE;
        }
        Rect d = g.bounds();
        double x0 = d.x() + GraphDrawing.MARGIN;
        double y = d.maxY() + TOP;
        int perRow = Math.max(1, (int) ((d.w() - 2 * GraphDrawing.MARGIN + GAP) / (WIDTH + GAP)));
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < removed.size(); i++) {
            SubjectPath p = removed.get(i);
            Rect r = new Rect(x0 + (i % perRow) * (WIDTH + GAP), y + (i / perRow) * (HEIGHT + GAP), WIDTH, HEIGHT);
            cards.add(new Card(p, label(p), r));
        }
        Rect all = new Rect(x0, d.maxY() + TOP - 26, WIDTH, 26);
        for (Card c : cards) {
            all = all.union(c.bounds());
        }
        return new GhostShapes(title, new Point(x0, d.maxY() + TOP - 10), cards, all.grow(GraphDrawing.MARGIN / 2));
    }

    private static String label(SubjectPath p) {
        String text = p.toString().replace("netns:", "").replace("/dev:", "/");
        return p.parent().isRoot() ? "namespace " + text : text;
    }
}
