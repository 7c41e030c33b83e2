package io.netcr.bridge.netlink;

/**
 * Bytes that are not a well-formed netlink message: says what is wrong and at which byte offset of the
 * stream being parsed. Unchecked, so that stream decoders can be used from lambdas; callers reading the
 * kernel wrap it into an IOException.
 */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    public MalformedMessageException(String what, int offset) {
        super(what + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Offset in the parsed buffer where the problem was found. */
    public int offset() {
        return offset;
    }
}
