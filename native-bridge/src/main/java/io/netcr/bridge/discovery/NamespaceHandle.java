package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.Pin;
import io.netcr.bridge.rtnl.RtnlSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * What discovery keeps open per namespace between snapshots: a descriptor of the namespace (for
 * RTM_GETNSID NETNSA_FD and to keep its inode from being reused) and a netlink socket bound to it
 * (so a refresh needs no setns). Both are held by the namespace's {@link Pin}, which closes them as soon
 * as the last holder netcr can see goes. Also remembers which namespace each of its nsids names.
 */
final class NamespaceHandle implements AutoCloseable {

    final long inode;
    final int nsFd;
    final Pin pin;
    /** Null until the namespace is first read (or after its socket failed). */
    RtnlSocket socket;
    /** nsid (in this namespace) -> inode of the namespace it names; valid while both are held. */
    final Map<Integer, Long> nsidToInode = new HashMap<>();
    /** Messages its last dump returned: big namespaces are read first, so none is left alone at the end. */
    volatile int lastSize;
    /** Whether the current snapshot is using the pin (entered it). */
    boolean inUse;

    NamespaceHandle(long inode, int nsFd, Pin pin) {
        this.inode = inode;
        this.nsFd = nsFd;
        this.pin = pin;
    }

    /** Keeps a socket opened inside the namespace; false (and closed) when the namespace is gone. */
    boolean keepSocket(RtnlSocket s) {
        if (pin.hold(s)) {
            socket = s;
            return true;
        }
        return false;
    }

    /** Drops a socket whose state is unknown; the next snapshot opens a fresh one. */
    void dropSocket() {
        if (socket != null) {
            pin.release(socket);
            socket = null;
        }
        nsidToInode.clear();
    }

    /** Ends the current snapshot's use: a namespace that went meanwhile is closed now. */
    void endUse() {
        if (inUse) {
            inUse = false;
            pin.exit();
        }
    }

    @Override
    public void close() {
        endUse();
        socket = null;
        pin.close();
    }
}
