package io.netcr.bridge.restore;

import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.JournalWriter;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.NativeException;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The journal of one run, as the run uses it: created by the first announcement, told each outcome, and
 * at the end either closed with the outcome (it becomes the last restore's) or left for a recovery.
 * Steps are the run's 0-based indexes here, the journal's 1-based numbers there.
 */
final class RunJournal {

    /**
     * Steps announced at least, ahead of the one about to be sent; later announcements reach as far ahead as
     * the run has come, so that a plan of N steps costs about log2(N / 256) + 1 syncs.
     */
    static final int ANNOUNCE_AHEAD = 256;

    /** The journal cannot take the announcement, so the step must not be sent: errno and why. */
    static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        Unwritable(int errno, String message) {
            super(message);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    private final RunDir dir;
    private final String command;
    private final RestorePlan plan;
    private final List<Diagnostic> warnings = new ArrayList<>();
    private JournalWriter writer;

    /** {@code existing}: a leftover journal a recovery goes on with, or null for a new one. */
    RunJournal(RunDir dir, String command, RestorePlan plan, JournalWriter existing) {
        this.dir = dir;
        this.command = command;
        this.plan = plan;
        this.writer = existing;
    }

    /** What the journal says so far; null before it exists. */
    JournalContent content() {
        return writer == null ? null : writer.content();
    }

    /**
     * Before step {@code i} is sent: the journal announces it, synced. It announces a stretch ahead (at least
     * {@value #ANNOUNCE_AHEAD} steps, and as many as the run has done), so that pipelined steps cost few
     * syncs; the first announcement creates the journal (with the restorer's namespace {@code restorerNetns}).
     */
    void announce(int i, Inode restorerNetns) throws Unwritable {
        if (writer != null && i + 1 <= writer.content().announced()) {
            return;
        }
        int upTo = Math.min(plan.steps().size(), i + Math.max(ANNOUNCE_AHEAD, i));
        try {
            if (writer == null) {
                writer = JournalWriter.create(dir, new JournalRecord.Begin(ProcessHandle.current().pid(),
                        Journals.processStarted(), Instant.now(), Journals.bootId(), restorerNetns, command, plan), upTo);
            } else {
                writer.announce(upTo);
            }
        } catch (FileAlreadyExistsException e) {
            throw new Unwritable(Errno.EEXIST.number(), "the restore journal " + dir.journalFile() + " is there "
                    + "already: a restore did not finish; run netcr recover first");
        } catch (IOException e) {
            throw new Unwritable(e instanceof NativeException n ? n.errnoNumber() : Errno.EIO.number(),
                    "the restore journal in " + dir.dir() + " cannot be written (" + e.getMessage()
                            + "), so the step was not sent");
        }
    }

    /** Namespaces made, not yet named (from the creating threads): their identities, synced. */
    void namespacesMade(List<NamedNamespaces.Identity> batch, Map<String, Integer> indexOf) throws IOException {
        writer.namespacesMade(batch.stream().map(id -> new JournalRecord.NetnsMade(indexOf.get(id.name()) + 1,
                id.name(), id.file(), id.netns())).toList());
    }

    void done(int i) {
        writer.done(i + 1);
    }

    void refused(int i, int errno, String kernelMessage) {
        writer.refused(i + 1, errno, kernelMessage);
    }

    /** Closes the journal with its outcome (it becomes the last restore's); one that cannot be closed stays. */
    void end(JournalRecord.Outcome outcome, List<Diagnostic> diagnostics) {
        if (writer == null) {
            return;
        }
        try {
            writer.end(new JournalRecord.End(outcome, Instant.now(), diagnostics.stream().map(Diagnostic::toString)
                    .toList()));
        } catch (IOException e) {
            warnings.add(Diagnostic.warning(Errno.EIO, SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()),
                    Phase.RESTORE, "the restore " + outcome.word() + ", but its journal could not be closed ("
                            + e.getMessage() + ") and stays; " + (outcome == JournalRecord.Outcome.ROLLED_BACK
                            ? "netcr recover will find nothing left to undo" : "netcr recover --finish will find "
                            + "nothing left to do") + " and clear it"));
        }
    }

    /** Leaves the journal for a recovery (the undo left something); a no-op once ended. */
    void leave() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // what matters was synced before the steps it announced
        }
    }

    /** Problems with the journal itself, for the result. */
    List<Diagnostic> warnings() {
        return warnings;
    }
}
