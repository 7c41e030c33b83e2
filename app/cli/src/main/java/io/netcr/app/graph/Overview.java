package io.netcr.app.graph;

import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drawing as the overview shows it, zoomed out below readable device text (semantic zoom): each namespace
 * one card in its box's place (its devices counted, their state summed up in one colour), and the links
 * between namespaces bundled, one line per pair of namespaces (or namespace and outside stub) with the number
 * of links it stands for. Made once per drawing, with it.
 *
 * @param cards   per namespace box
 * @param bundles one per pair of boxes (or box and stub) joined by at least one link
 */
public record Overview(Map<SubjectPath, Card> cards, List<Bundle> bundles) {

    /** A namespace as a card: how many devices it holds, and the state it is coloured by. */
    public record Card(SubjectPath id, int devices, LinkState state) {
    }

    /** The links between two drawn things (boxes, or a box and a stub), as one line between their borders. */
    public record Bundle(SubjectPath a, SubjectPath b, int links, Point from, Point to) {

        public boolean touches(SubjectPath id) {
            return a.equals(id) || b.equals(id);
        }

        public Rect bounds() {
            return new Rect(Math.min(from.x(), to.x()), Math.min(from.y(), to.y()), Math.abs(to.x() - from.x()),
                    Math.abs(to.y() - from.y()));
        }
    }

    public Overview {
        cards = Map.copyOf(cards);
        bundles = List.copyOf(bundles);
    }

    static Overview of(List<BoxShape> boxes, List<NodeShape> nodes, List<EdgeShape> edges) {
        Map<SubjectPath, Rect> ends = new HashMap<>();
        Map<SubjectPath, SubjectPath> ownerOf = new HashMap<>();
        Map<SubjectPath, Card> cards = new LinkedHashMap<>();
        for (BoxShape b : boxes) {
            ends.put(b.id(), b.bounds());
            cards.put(b.id(), new Card(b.id(), b.namespace().devices().size(), state(b)));
        }
        for (NodeShape n : nodes) {
            SubjectPath owner = n.external() ? n.id() : n.box();
            ownerOf.put(n.id(), owner);
            if (n.external()) {
                ends.put(n.id(), n.bounds());
            }
        }
        Map<List<SubjectPath>, int[]> pairs = new LinkedHashMap<>();
        for (EdgeShape e : edges) {
            SubjectPath a = ownerOf.get(e.from());
            SubjectPath b = ownerOf.get(e.to());
            if (a != null && b != null && !a.equals(b)) {
                List<SubjectPath> key = a.toString().compareTo(b.toString()) <= 0 ? List.of(a, b) : List.of(b, a);
                pairs.computeIfAbsent(key, k -> new int[1])[0]++;
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        pairs.forEach((k, count) -> {
            Rect ra = ends.get(k.get(0));
            Rect rb = ends.get(k.get(1));
            bundles.add(new Bundle(k.get(0), k.get(1), count[0], border(ra, rb), border(rb, ra)));
        });
        return new Overview(cards, bundles);
    }

    /** Up when every device is up; down when none is; else amber (some down or without carrier). */
    private static LinkState state(BoxShape b) {
        int up = 0;
        int n = b.namespace().devices().size();
        for (var d : b.namespace().devices()) {
            if (LinkState.of(d) == LinkState.UP) {
                up++;
            }
        }
        return up == n && n > 0 ? LinkState.UP : up == 0 ? LinkState.DOWN : LinkState.NO_CARRIER;
    }

    /** Where the line from the centre of {@code r} towards the centre of {@code other} leaves {@code r}. */
    static Point border(Rect r, Rect other) {
        double dx = other.centerX() - r.centerX();
        double dy = other.centerY() - r.centerY();
        if (dx == 0 && dy == 0) {
            return new Point(r.centerX(), r.centerY());
        }
        double tx = dx == 0 ? Double.MAX_VALUE : (r.w() / 2) / Math.abs(dx);
        double ty = dy == 0 ? Double.MAX_VALUE : (r.h() / 2) / Math.abs(dy);
        double t = Math.min(tx, ty);
        return new Point(r.centerX() + dx * t, r.centerY() + dy * t);
    }
}
