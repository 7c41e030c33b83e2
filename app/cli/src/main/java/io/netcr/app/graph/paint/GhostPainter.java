package io.netcr.app.graph.paint;

import io.netcr.app.graph.GhostShapes;
import io.netcr.app.graph.NodeText;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.TextStyle;

/** Draws the ghost cards of a comparison: dashed red outlines on a pale red, under a caption. */
public final class GhostPainter {

    private GhostPainter() {
    }

    public static void paint(Painter p, GhostShapes ghosts, Rect visible, double scale) {
        if (ghosts.cards().isEmpty() || (visible != null && !visible.intersects(ghosts.bounds()))) {
            return;
        }
        boolean text = scale >= 0.22;
        if (text) {
            p.text(ghosts.title(), ghosts.at().x(), ghosts.at().y(), TextStyle.NAMESPACE, Palette.REMOVED);
        }
        for (GhostShapes.Card c : ghosts.cards()) {
            Rect r = c.bounds();
            if (visible != null && !visible.intersects(r)) {
                continue;
            }
            p.beginGroup(c.id().toString(), "only in the other source: " + c.label());
            p.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 10, Palette.REMOVED_FILL);
            p.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), 10, Palette.REMOVED, 1.6, true);
            if (text) {
                p.text("−  " + c.label(), r.x() + NodeText.PAD, r.y() + 22, TextStyle.NAME, Palette.REMOVED);
            }
            p.endGroup();
        }
    }
}
