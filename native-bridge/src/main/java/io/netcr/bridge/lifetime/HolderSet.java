package io.netcr.bridge.lifetime;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What netcr sees holding a network namespace, apart from itself: the paths where it is bind-mounted
 * (in /run/netns, /run/docker/netns or anywhere else this mount namespace shows it) and the processes
 * whose {@code /proc/PID/ns/net} it is. User space cannot read a namespace's reference count; while one
 * of these remains, the namespace is alive, and when the last one goes netcr must not be what keeps it.
 *
 * @param mounts mount points, as /proc/self/mountinfo names them
 * @param pids   processes (thread-group ids) in the namespace, in the order the registry watches them
 *               (one at a time: the first, and when it exits the next)
 */
public record HolderSet(Set<String> mounts, Set<Integer> pids) {

    /** No holder: what the init namespace is reported with (it is never given up). */
    public static final HolderSet NONE = new HolderSet(Set.of(), Set.of());

    public HolderSet {
        mounts = Set.copyOf(mounts);
        pids = pids.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(pids));
    }

    public boolean isEmpty() {
        return mounts.isEmpty() && pids.isEmpty();
    }
}
