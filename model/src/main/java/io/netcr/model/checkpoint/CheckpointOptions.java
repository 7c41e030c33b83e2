package io.netcr.model.checkpoint;

/**
 * What the operator asked of a checkpoint.
 *
 * @param skipUnsupported record devices of kinds that cannot be restored as skipped (with a warning kept
 *                        in the image) instead of refusing the checkpoint
 * @param maxAddresses    more addresses than this on one device is E2BIG, as the seed asks
 */
public record CheckpointOptions(boolean skipUnsupported, int maxAddresses) {

    /** Generous: real hosts carry a handful per device; a runaway script thousands. */
    public static final int DEFAULT_MAX_ADDRESSES = 4096;

    public static CheckpointOptions defaults() {
        return new CheckpointOptions(false, DEFAULT_MAX_ADDRESSES);
    }
}
