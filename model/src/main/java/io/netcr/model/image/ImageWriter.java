package io.netcr.model.image;

import io.netcr.model.Snapshot;
import java.io.IOException;
import java.nio.file.Path;

/** Temporary stand-in until the image-format work lands. */
public final class ImageWriter {
    private ImageWriter() {
    }

    public static byte[] toBytes(Snapshot s) {
        throw new UnsupportedOperationException("image writer not merged yet");
    }

    public static void write(Snapshot s, Path file) throws IOException {
        throw new UnsupportedOperationException("image writer not merged yet");
    }
}
