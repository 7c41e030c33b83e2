package io.netcr.bridge.discovery;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Sys;
import java.util.HashMap;
import java.util.Map;

/**
 * What discovery keeps open per namespace between snapshots: a descriptor of the namespace (for
 * RTM_GETNSID NETNSA_FD and to keep its inode from being reused) and a netlink socket bound to it
 * (so a refresh needs no setns). Also remembers which namespace each of its nsids names.
 */
final class NamespaceHandle implements AutoCloseable {

    final long inode;
    final int nsFd;
    /** Null until the namespace is first read (or after its socket failed). */
    RtnlSocket socket;
    /** nsid (in this namespace) -> inode of the namespace it names; valid while both are held. */
    final Map<Integer, Long> nsidToInode = new HashMap<>();
    /** Messages its last dump returned: big namespaces are read first, so none is left alone at the end. */
    volatile int lastSize;

    NamespaceHandle(long inode, int nsFd) {
        this.inode = inode;
        this.nsFd = nsFd;
    }

    /** Drops a socket whose state is unknown; the next snapshot opens a fresh one. */
    void dropSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
        nsidToInode.clear();
    }

    @Override
    public void close() {
        dropSocket();
        Sys.closeQuietly(nsFd);
    }
}
