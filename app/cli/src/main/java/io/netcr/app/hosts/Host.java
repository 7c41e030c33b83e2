package io.netcr.app.hosts;

import io.netcr.model.ReadResult;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.plan.PlanSummary;
import java.util.List;

/**
 * A machine netcr works on: this one, in this process ({@link LocalHost}), or one reached through a netcr agent
 * over SSH or a privilege helper ({@link AgentHost}). The command line, the workbench and the tests reach every
 * host through this one interface, and the agent serves it: each of its calls is one request of the agent
 * protocol (docs/agent.md).
 *
 * <p>Problems with what is asked — a name that is not there, a plan with errors, a restore that failed and was
 * rolled back — come back as diagnostics in the results, as they do for this host. A {@link HostException} means
 * the host could not be asked: unreachable, not set up, the connection lost. A call may block for as long as the
 * work takes; interrupting the calling thread gives up on the answer (an agent is told to cancel).
 */
public interface Host extends AutoCloseable {

    /** Who the host is: for an agent, what its hello said (waiting for the connection if need be). */
    HostInfo info() throws HostException;

    /** A snapshot of every namespace, or of those named; the snapshot, or the diagnostics of why there is none. */
    ReadResult snapshot(List<String> netns) throws HostException;

    /**
     * The image of these namespaces (by name, nsfs:INODE or pid:PID; all but init when {@code all}) with its
     * warnings, as {@code netcr checkpoint} makes it; no image, and the reasons, when refused.
     */
    CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options) throws HostException;

    /** The dry run: the plan of this restore on that host, made against a fresh view of it. Changes nothing. */
    PlanSummary plan(RestoreRequest request) throws HostException;

    /**
     * The restore, all or nothing, reported to {@code watch} as it goes; {@code cancellation} stops it while it
     * waits for another restore, never once it has begun. On an agent the work runs on the far side: if the
     * connection drops, the restore there still completes or rolls back (the exception then says so).
     */
    RestoreOutcome restore(RestoreRequest request, RestoreWatch watch, Cancellation cancellation) throws HostException;

    /**
     * Follows the host's changes as they happen (the live monitor, there): of every namespace, or of those named
     * (by name or id). {@code watch} is told the state first, before this returns, then every update; closing
     * the subscription ends it. Equivalent to {@code netcr monitor}.
     */
    AutoCloseable subscribe(List<String> netns, LiveWatch watch) throws HostException;

    /**
     * How restores on the host stand: a restore that did not finish (its journal left behind), one running now,
     * how the last one ended. {@link HostStatus#UNKNOWN} from a host that cannot say (an older agent).
     */
    default HostStatus status() throws HostException {
        return HostStatus.UNKNOWN;
    }

    /**
     * Recovers from a restore that did not finish, there, as {@code netcr recover} does: undoes what it made, or
     * with {@code finish} completes it; {@code dryRun} only says what it would do. {@code holder} names who asks.
     */
    default RecoveryOutcome recover(boolean finish, boolean dryRun, String holder) throws HostException {
        throw HostException.of(io.netcr.model.Errno.ENOSYS, info().label(), io.netcr.model.Phase.RESTORE,
                "this host cannot recover a restore from here: run netcr recover on it");
    }

    /**
     * A hint that a plan or a restore follows soon: a host may start reading what planning needs while the
     * caller still reads its image.
     */
    default void expectRestore() {
    }

    /** Ends the connection, if any: running work on an agent goes on to its end there. Never throws. */
    @Override
    void close();
}
