package io.netcr.bridge.rtnl;

import java.io.IOException;

/**
 * A reply that does not belong to the request (wrong sequence number, port id or sender), or that
 * could not be decoded. The socket's state is then unknown: its owner should close it.
 */
public final class NetlinkProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public NetlinkProtocolException(String message) {
        super(message);
    }

    public NetlinkProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
