package io.netcr.model.image;

import io.netcr.model.Errno;

/**
 * Thrown inside the reader when a record body cannot be decoded; caught at the record boundary and
 * turned into a diagnostic. It never leaves the package.
 */
final class ImageDamage extends Exception {

    private static final long serialVersionUID = 1L;

    private final Errno code;

    ImageDamage(Errno code, String message) {
        super(message, null, false, false); // no stack trace: damage is expected input, not a bug
        this.code = code;
    }

    Errno code() {
        return code;
    }
}
