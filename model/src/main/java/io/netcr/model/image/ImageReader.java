package io.netcr.model.image;

import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import java.nio.file.Path;

/** Temporary stand-in until the image-format work lands. */
public final class ImageReader {
    private ImageReader() {
    }

    public static ReadResult read(Path file, ReadMode mode) {
        throw new UnsupportedOperationException("image reader not merged yet");
    }

    public static ReadResult read(byte[] bytes, ReadMode mode, String origin) {
        throw new UnsupportedOperationException("image reader not merged yet");
    }

    public static boolean looksLikeImage(byte[] firstBytes) {
        return false;
    }
}
