package io.netcr.model;

/** How a reader treats damage: refuse the whole source, or keep all that can be read. */
public enum ReadMode {
    /** Any error refuses the source; every diagnostic found is returned, not only the first. */
    STRICT,
    /** For investigating damage: all that could be read, plus diagnostics saying what was lost and where. */
    SALVAGE
}
