package io.netcr.bridge.netns;

import io.netcr.bridge.sys.NativeException;

/** Creating one named namespace failed: which one, and the errno of the call that failed. */
public final class NamespaceCreateException extends NativeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    NamespaceCreateException(String name, NativeException cause) {
        super("ip netns add " + name + ": " + cause.getMessage(), cause.errnoNumber());
        this.name = name;
        initCause(cause);
    }

    public String name() {
        return name;
    }
}
