package io.netcr.app.hosts;

import java.util.Optional;

/**
 * How restores on a host stand, from its restore journal (docs/restore.md, "The restore journal"): what a person
 * deciding whether to recover needs, in sentences. Each part is null when there is nothing to say.
 *
 * @param leftover    a restore that did not finish and left its journal (its process is gone): "pid 42 (netcr
 *                    restore a.netcr), started T: 5 of 20 steps done"; recovery undoes or finishes it
 * @param running     a restore running now, the same way
 * @param damaged     why a journal that is there cannot be read
 * @param lastOutcome how the last restore that ended ended
 */
public record HostStatus(String leftover, String running, String damaged, String lastOutcome) {

    /** Nothing known: an agent too old to say, or a host that keeps no journal. */
    public static final HostStatus UNKNOWN = new HostStatus(null, null, null, null);

    /** A restore waits for recovery: its journal is left, or cannot even be read. */
    public boolean needsRecovery() {
        return leftover != null || damaged != null;
    }

    public Optional<String> leftoverSummary() {
        return Optional.ofNullable(leftover);
    }
}
