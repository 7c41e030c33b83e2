package io.netcr.model.image;

import io.netcr.model.Snapshot;
import java.io.IOException;
import java.nio.file.Path;

/**
 * TEMPORARY STAND-IN on branch native: the real .netcr writer (same class, same signature) replaces
 * this file at merge.
 */
public final class ImageWriter {

    private ImageWriter() {
    }

    public static void write(Snapshot s, Path file) throws IOException {
        throw new UnsupportedOperationException("writing .netcr images is not in this build yet");
    }
}
