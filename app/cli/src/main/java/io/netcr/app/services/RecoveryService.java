package io.netcr.app.services;

import io.netcr.bridge.restore.Privileges;
import io.netcr.bridge.restore.Recovery;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalReader;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Recovery from a restore that did not finish, as the command line ({@code netcr recover}) and the
 * workbench both do it: find the leftover journal, take the restore lock, read the journal again under it,
 * then undo the restore ({@link Recovery#undo}) or finish it ({@link Recovery#finish}). Plain Java, no UI.
 */
public final class RecoveryService {

    /** A leftover journal: where, what it says, and one line that names it for a person. */
    public record Leftover(RunDir dir, JournalContent journal, String summary) {
    }

    /** How a recovery went. */
    public enum Kind {
        /** There was no leftover journal: nothing to do. */
        NOTHING,
        /** The journal cannot be read (the problems say where). */
        DAMAGED,
        /** It could not start: no privilege, another restore runs, the wrong namespace. */
        REFUSED,
        /** Cancelled while it waited for the lock: nothing changed. */
        CANCELLED,
        /** It ran: see the result. */
        RAN
    }

    /** What a recovery found and did: the leftover (null when none), its result (null unless it ran). */
    public record Recovered(Kind kind, Leftover leftover, Recovery.Result result, List<Diagnostic> problems) {
        public Recovered {
            problems = List.copyOf(problems);
        }

        public boolean success() {
            return kind == Kind.NOTHING || kind == Kind.RAN && result.success();
        }
    }

    private RecoveryService() {
    }

    /**
     * A look without the lock: the leftover journal, when one is there and the process that wrote it is gone
     * (a journal whose writer runs is a restore in progress). DamagedJournalException when it cannot be read.
     */
    public static Optional<Leftover> find(RunDir dir) throws IOException {
        Optional<JournalContent> c = Journals.current(dir);
        if (c.isEmpty() || Journals.writerRunning(c.get())) {
            return Optional.empty();
        }
        return Optional.of(new Leftover(dir, c.get(), describe(c.get())));
    }

    /** "pid 42 (netcr restore a.netcr), started T: 5 of 20 steps done, up to 3 more may have been". */
    public static String describe(JournalContent c) {
        int steps = c.plan().steps().size();
        int done = c.doneCount();
        int maybe = 0;
        for (int k = 1; k <= steps; k++) {
            if (c.state(k) == JournalContent.StepState.UNKNOWN) {
                maybe++;
            }
        }
        return "pid " + c.begin().pid() + " (" + c.begin().command() + "), started " + c.begin().started() + ": "
                + done + " of " + steps + " steps done" + (maybe > 0 ? ", up to " + maybe + " more may have been" : "");
    }

    /**
     * The whole recovery. Not dry: privileges, then the lock (waiting while {@code waiting} lets it; null:
     * EBUSY at once), then the journal read again under the lock. Dry: neither, and nothing changes.
     * Never throws for expected failures: they are the problems.
     */
    public static Recovered recover(RunDir dir, boolean finish, boolean dryRun, String holder,
                                    RestoreLock.Waiting waiting, RestoreProgress progress) {
        if (dryRun) {
            return run(dir, finish, true, progress);
        }
        Optional<Diagnostic> privilege = Privileges.checkRestore();
        if (privilege.isPresent()) {
            return new Recovered(Kind.REFUSED, null, null, List.of(privilege.get()));
        }
        try (RestoreLock lock = RestoreLock.acquire(dir.lockFile(), holder, waiting)) {
            return run(dir, finish, false, progress);
        } catch (RestoreLock.CancelledException e) {
            return new Recovered(Kind.CANCELLED, null, null, List.of());
        } catch (RestoreLock.BusyException e) {
            return new Recovered(Kind.REFUSED, null, null, List.of(RestoreService.busy(dir.lockFile(), e)));
        } catch (IOException e) {
            return new Recovered(Kind.REFUSED, null, null, List.of(Diagnostic.error(Errno.EIO,
                    SubjectPath.of(SubjectPath.FILE, dir.lockFile().toString()), Phase.RESTORE, "cannot take the "
                            + "restore lock: " + e.getMessage() + "; nothing was changed. Run as root")));
        }
    }

    private static Recovered run(RunDir dir, boolean finish, boolean dryRun, RestoreProgress progress) {
        Optional<JournalContent> c;
        try {
            c = Journals.current(dir);
        } catch (JournalReader.DamagedJournalException e) {
            return new Recovered(Kind.DAMAGED, null, null, List.of(Diagnostic.error(Errno.EBADMSG,
                    SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()), Phase.RESTORE, e.getMessage()
                            + "; netcr cannot tell what that restore made. Compare `ip netns list` and `ip link` with "
                            + "the journal, remove what it made by hand, then remove the journal")));
        } catch (IOException e) {
            return new Recovered(Kind.REFUSED, null, null, List.of(Diagnostic.error(Errno.EIO,
                    SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()), Phase.RESTORE,
                    "cannot read the restore journal: " + e.getMessage() + "; run as root")));
        }
        if (c.isEmpty()) {
            return new Recovered(Kind.NOTHING, null, null, List.of());
        }
        if (dryRun && Journals.writerRunning(c.get())) {
            return new Recovered(Kind.REFUSED, null, null, List.of(Diagnostic.error(Errno.EBUSY,
                    SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()), Phase.RESTORE,
                    "a restore is running now (" + describe(c.get()) + "): there is nothing to recover")));
        }
        Leftover leftover = new Leftover(dir, c.get(), describe(c.get()));
        Recovery.Result r = finish ? Recovery.finish(dir, c.get(), dryRun, progress)
                : Recovery.undo(dir, c.get(), dryRun, progress);
        return new Recovered(Kind.RAN, leftover, r, List.of());
    }

    /** The outcome of the last restore that ended, as one line; empty when there is none (or it is unreadable). */
    public static Optional<String> lastOutcome(RunDir dir) {
        try {
            return Journals.last(dir).flatMap(c -> c.end().map(e -> "the last restore, " + c.begin().command()
                    + " (pid " + c.begin().pid() + ", started " + c.begin().started() + "), ended " + e.at() + ": "
                    + e.outcome().word()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
