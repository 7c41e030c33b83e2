package io.netcr.app.hosts;

import io.netcr.model.Snapshot;
import io.netcr.model.live.LiveUpdate;

/**
 * Told what a followed host does ({@link Host#subscribe}): its state when following begins, then every update
 * with the snapshot after it (equal to a fresh snapshot of that host), until the subscription is closed or
 * ends by itself. Calls come on one thread, in order; they must return quickly.
 */
public interface LiveWatch {

    /** The host as following began. */
    void started(Snapshot first);

    /** What changed, and the followed snapshot after it. */
    void updated(LiveUpdate update, Snapshot after);

    /** Following ended without being closed: the connection was lost, or the host's monitor stopped. */
    default void ended(HostException why) {
    }
}
