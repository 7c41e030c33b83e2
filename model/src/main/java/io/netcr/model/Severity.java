package io.netcr.model;

import java.util.Locale;
/** How bad a diagnostic is. An image with an {@link #ERROR} is refused in strict mode. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in JSON and on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
