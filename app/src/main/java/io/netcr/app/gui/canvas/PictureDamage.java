package io.netcr.app.gui.canvas;

import io.netcr.app.graph.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-pixel rectangles of a cached picture to paint again when parts of the world change, or none
 * (null) when painting all of it is the better deal. Each rectangle is repainted on its own under a clip, at a
 * price of one pass over the drawing's shapes (culling) plus what it holds; so neighbours are merged when
 * their union is not much bigger than the two, and too many rectangles, or too much of the picture, give up
 * on patching. Plain math, no JavaFX.
 */
final class PictureDamage {

    /** More rectangles than this cost more in culling passes than they save: paint the picture. */
    static final int MAX_RECTS = 24;
    /** Patches covering more than this share of the picture are no cheaper than painting all of it. */
    static final double MAX_SHARE = 0.35;
    /** Pixels a merge may add for each rectangle it saves (one culling pass is worth about this much painting). */
    private static final long MERGE_SLACK = 96 * 96;
    /** Before merging (cubic at worst): a change this scattered is not worth sorting out. */
    private static final int MAX_INPUT = 256;

    /** A rectangle of picture pixels, whole and within the picture. */
    record Px(int x, int y, int w, int h) {

        long area() {
            return (long) w * h;
        }

        Px union(Px o) {
            int nx = Math.min(x, o.x);
            int ny = Math.min(y, o.y);
            return new Px(nx, ny, Math.max(x + w, o.x + o.w) - nx, Math.max(y + h, o.y + o.h) - ny);
        }
    }

    private PictureDamage() {
    }

    /** The rectangles of {@code picture} that the world rectangles {@code changed} touch, merged; null: paint all. */
    static List<Px> of(List<Rect> changed, PanCache.Picture picture) {
        if (changed.size() > MAX_INPUT) {
            return null;
        }
        List<Px> rects = new ArrayList<>();
        for (Rect r : changed) {
            int x0 = (int) Math.max(0, Math.floor(r.x() * picture.scale() + picture.originX()));
            int y0 = (int) Math.max(0, Math.floor(r.y() * picture.scale() + picture.originY()));
            int x1 = (int) Math.min(picture.w(), Math.ceil(r.maxX() * picture.scale() + picture.originX()));
            int y1 = (int) Math.min(picture.h(), Math.ceil(r.maxY() * picture.scale() + picture.originY()));
            if (x1 > x0 && y1 > y0) {
                rects.add(new Px(x0, y0, x1 - x0, y1 - y0));
            }
        }
        merge(rects);
        long area = rects.stream().mapToLong(Px::area).sum();
        if (rects.size() > MAX_RECTS || area > MAX_SHARE * picture.w() * picture.h()) {
            return null;
        }
        return rects;
    }

    /** Merges pairs whose union costs less than painting both plus a culling pass, until none does. */
    private static void merge(List<Px> rects) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < rects.size() && !merged; i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    Px u = rects.get(i).union(rects.get(j));
                    if (u.area() <= rects.get(i).area() + rects.get(j).area() + MERGE_SLACK) {
                        rects.set(i, u);
                        rects.remove(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
    }
}
