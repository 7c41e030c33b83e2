package io.netcr.model.diff;

import java.util.Locale;

/** What happened to an object or a field between the left (old) and the right (new) snapshot. */
public enum ChangeKind {
    /** Only in the right snapshot. */
    ADDED('+'),
    /** Only in the left snapshot. */
    REMOVED('-'),
    /** In both, with a field that differs. */
    CHANGED('~');

    private final char sign;

    ChangeKind(char sign) {
        this.sign = sign;
    }

    /** {@code +}, {@code -} or {@code ~}, as the command line prints it. */
    public char sign() {
        return sign;
    }

    /** The lower-case word used in JSON. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
