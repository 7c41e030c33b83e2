package io.netcr.model;

import java.time.Instant;

/**
 * Where a snapshot came from.
 *
 * @param kind   "live", "image", "json" or "criu"
 * @param host   host name (of the live host, or the one that made the image), or null
 * @param kernel kernel release, or null
 * @param time   when it was taken, or null
 * @param path   the file or directory it was read from, or null for a live host
 * @param tool   what made it ("netcr 0.1.0", "criu"), or null
 */
public record Source(String kind, String host, String kernel, Instant time, String path, String tool) {

    public static final String LIVE = "live";
    public static final String IMAGE = "image";
    public static final String JSON = "json";
    public static final String CRIU = "criu";

    public Source withPath(String kindNow, String pathNow) {
        return new Source(kindNow, host, kernel, time, pathNow, tool);
    }
}
