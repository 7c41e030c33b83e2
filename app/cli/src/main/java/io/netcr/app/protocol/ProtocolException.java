package io.netcr.app.protocol;

import io.netcr.model.Errno;

/**
 * A message that breaks the protocol: not JSON, a missing or wrong field, too long, out of order. It carries
 * the errno-like code the answer gives (EBADMSG, EMSGSIZE, EPROTO, ...) and the request id when one could be
 * read (0 when not).
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Errno code;
    private final long id;

    public ProtocolException(Errno code, String message) {
        this(code, 0, message);
    }

    public ProtocolException(Errno code, long id, String message) {
        super(message);
        this.code = code;
        this.id = id;
    }

    public Errno code() {
        return code;
    }

    /** The request the message belonged to, or 0. */
    public long id() {
        return id;
    }

    public ProtocolException withId(long requestId) {
        return new ProtocolException(code, requestId, getMessage());
    }
}
