package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.FoundNamespace;
import io.netcr.bridge.lifetime.Pin;
import io.netcr.bridge.rtnl.RtnlEventSocket;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.PolicyRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One namespace the monitor follows: its descriptor and two sockets (one listening, one for dumps and
 * nsid questions), all held by its {@link Pin}, so that the namespace registry closes them the moment the
 * last holder netcr sees goes; the kernel state kept from notifications ({@link RawState}); and the model
 * last published for it. Used on the monitor's thread only.
 */
final class WatchedNamespace {

    final long inode;
    /** What epoll reports for its listening socket. */
    final long token;
    final Pin pin;
    final int nsFd;
    final RtnlEventSocket events;
    final RtnlSocket requests;
    final RawState raw = new RawState();
    /** nsid (in this namespace) -> inode of the namespace it names; forgotten at RTM_DELNSID and on a resync. */
    final Map<Integer, Long> nsidToInode = new HashMap<>();
    FoundNamespace found;
    /** Read whole before the next publication (new, or its socket overflowed). */
    boolean needsDump = true;
    /** The model last published; null before the first. */
    Namespace model;
    List<Diagnostic> diagnostics = List.of();
    List<PolicyRule> rules = List.of();
    /** Inodes of the namespaces its devices' peers and parents are in. */
    Set<Long> refersTo = Set.of();
    /** Some device's peer or parent could not be placed: a namespace that appears may resolve it. */
    boolean unresolved;

    WatchedNamespace(FoundNamespace found, long token, Pin pin, int nsFd, RtnlEventSocket events,
                     RtnlSocket requests) {
        this.inode = found.inode();
        this.found = found;
        this.token = token;
        this.pin = pin;
        this.nsFd = nsFd;
        this.events = events;
        this.requests = requests;
    }

    String id() {
        return found.id();
    }
}
