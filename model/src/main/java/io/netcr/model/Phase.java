package io.netcr.model;

import java.util.Locale;
/** When a diagnostic arose: reading a file, taking a live snapshot, checkpointing or restoring. */
public enum Phase {
    READ, SNAPSHOT, CHECKPOINT, RESTORE, DIFF;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
