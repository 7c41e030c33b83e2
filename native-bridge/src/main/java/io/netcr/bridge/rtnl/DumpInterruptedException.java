package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.NetlinkMessage;
import java.io.IOException;
import java.util.List;

/**
 * A dump came back with NLM_F_DUMP_INTR: the kernel's list changed while it was being read, so the
 * result may miss or repeat entries. Callers retry (a bounded number of times); the partial result is
 * kept for the last attempt.
 */
public final class DumpInterruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient List<NetlinkMessage> partial;

    public DumpInterruptedException(String request, List<NetlinkMessage> partial) {
        super(request + ": the kernel's list changed during the dump (NLM_F_DUMP_INTR)");
        this.partial = List.copyOf(partial);
    }

    /** What the interrupted dump returned: possibly inconsistent. */
    public List<NetlinkMessage> partial() {
        return partial;
    }
}
