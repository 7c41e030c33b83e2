package io.netcr.bridge.rtnl;

import io.netcr.bridge.sys.NativeException;
import java.util.Optional;

/** The kernel answered a request with NLMSG_ERROR: its errno and, with extended ack, its own sentence. */
public final class NetlinkErrorException extends NativeException {

    private static final long serialVersionUID = 1L;

    private final String kernelMessage;

    public NetlinkErrorException(String request, int errno, String kernelMessage) {
        super(request + (kernelMessage == null ? "" : " [kernel: " + kernelMessage + "]"), errno);
        this.kernelMessage = kernelMessage;
    }

    /** NLMSGERR_ATTR_MSG, if the kernel said one. */
    public Optional<String> kernelMessage() {
        return Optional.ofNullable(kernelMessage);
    }
}
