package io.netcr.app.graph.paint;

import io.netcr.app.graph.LinkState;
import io.netcr.model.Severity;
import io.netcr.model.diff.ChangeKind;

/** The colours of the drawing (ARGB), in one place so the window and the exports agree. */
public final class Palette {

    public static final int BACKGROUND = 0xFFF7F8FA;
    public static final int BOX_FILL = 0xFFEEF1F5;
    public static final int BOX_STROKE = 0xFFC5CCD6;
    public static final int INIT_FILL = 0xFFE8F0FC;
    public static final int INIT_STROKE = 0xFF8EB0E0;
    public static final int BOX_LABEL = 0xFF25303C;
    public static final int CAPTION = 0xFF6A7582;
    public static final int NODE_FILL = 0xFFFFFFFF;
    public static final int NODE_FILL_DOWN = 0xFFF1F2F4;
    public static final int NODE_STROKE = 0xFFB9C1CB;
    public static final int NAME = 0xFF1B2430;
    public static final int NAME_DOWN = 0xFF7C8591;
    public static final int ADDRESS = 0xFF36424F;
    public static final int DETAIL = 0xFF6A7582;
    public static final int GLYPH = 0xFF4A5663;
    public static final int EDGE = 0xFF5F6B78;
    public static final int EDGE_PARENT = 0xFF8A78B8;
    public static final int SELECT = 0xFF1F6FEB;
    public static final int SELECT_FILL = 0xFFDCE9FD;
    public static final int PEER_FILL = 0xFFEDF4FF;
    public static final int MATCH = 0xFFE3A800;
    public static final int MATCH_FILL = 0xFFFFF6D5;
    public static final int UP = 0xFF2E9D5B;
    public static final int NO_CARRIER = 0xFFE0A100;
    public static final int DOWN = 0xFFC9473D;
    public static final int ERROR = 0xFFD93025;
    public static final int WARNING = 0xFFE39B00;
    public static final int INFO = 0xFF3B7DD8;
    public static final int WHITE = 0xFFFFFFFF;
    /** Comparison: only in the active source (green), only in the other (red), in both but different (amber). */
    public static final int ADDED = 0xFF2E9D5B;
    public static final int ADDED_FILL = 0xFFE6F6EC;
    public static final int ADDED_BOX_FILL = 0xFFEEF8F1;
    public static final int REMOVED = 0xFFC9473D;
    public static final int REMOVED_FILL = 0xFFFBECEA;
    public static final int CHANGED = 0xFFD98E04;
    public static final int CHANGED_FILL = 0xFFFFF3DC;
    public static final int CHANGED_BOX_FILL = 0xFFFDF7EA;

    private Palette() {
    }

    public static int state(LinkState s) {
        return switch (s) {
            case UP -> UP;
            case NO_CARRIER -> NO_CARRIER;
            case DOWN -> DOWN;
        };
    }

    public static int severity(Severity s) {
        return switch (s) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case INFO -> INFO;
        };
    }

    /** The outline of an object that differs from the compared source. */
    public static int change(ChangeKind k) {
        return switch (k) {
            case ADDED -> ADDED;
            case REMOVED -> REMOVED;
            case CHANGED -> CHANGED;
        };
    }

    /** The tint of a device that differs from the compared source. */
    public static int changeFill(ChangeKind k) {
        return switch (k) {
            case ADDED -> ADDED_FILL;
            case REMOVED -> REMOVED_FILL;
            case CHANGED -> CHANGED_FILL;
        };
    }

    /** "#rrggbb" for SVG and CSS. */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
