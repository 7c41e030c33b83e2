package io.netcr.bridge.restore;

import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.JournalWriter;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Inode;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways out of a leftover journal, a restore that died half-way: {@link #undo} removes exactly what
 * it made (each object only while its identity matches the record) and nothing else; {@link #finish} does
 * the steps it had not done, from the plan kept in the journal, and undoes everything if a step fails. Both
 * can be asked for as a dry run, which checks every identity and changes nothing. Either ends the journal
 * (it becomes the last restore's, with its outcome), unless something could not be undone.
 *
 * <p>The caller holds the {@link RestoreLock} of the same {@link RunDir}, has checked {@link Privileges}
 * (not needed for a dry run), and runs in the namespace the restore ran in.
 */
public final class Recovery {

    /** What a recovery did or, dry, would do. */
    public record Result(boolean success, boolean dryRun, List<String> actions, List<Diagnostic> diagnostics) {
        public Result {
            actions = List.copyOf(actions);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private Recovery() {
    }

    /** Undoes the leftover journal's restore (or, dry, says what it would remove and what it would leave). */
    public static Result undo(RunDir dir, JournalContent leftover, boolean dryRun, RestoreProgress progress) {
        List<Diagnostic> refusal = new ArrayList<>();
        if (otherBoot(leftover, refusal)) {
            return endStale(dir, leftover, dryRun);
        }
        if (!refusal.isEmpty() || !sameNamespace(leftover, refusal)) {
            return new Result(false, dryRun, List.of(), refusal);
        }
        try (RtnlSocket restorer = RtnlSocket.open()) {
            ProgressReport events = new ProgressReport(progress);
            Undo.Report report = new Undo(restorer, leftover, events, dryRun).run(leftover,
                    leftover.plan().steps().size());
            List<Diagnostic> diags = new ArrayList<>(report.diagnostics());
            diags.addAll(events.warnings());
            if (!dryRun && report.complete()) {
                end(dir, leftover, JournalRecord.Outcome.RECOVERED, "netcr recover", diags);
            }
            return new Result(report.complete(), dryRun, report.removed(), diags);
        } catch (IOException e) {
            return new Result(false, dryRun, List.of(), List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT,
                    Phase.RESTORE, "cannot undo the leftover restore: " + e.getMessage() + "; nothing more was changed")));
        }
    }

    /**
     * Completes the leftover journal's restore: finds what it made by identity, then runs every step that is
     * not done, all or nothing (a failure undoes the whole restore, what the dead process made included).
     * Dry: says what it found and which steps it would run.
     */
    public static Result finish(RunDir dir, JournalContent leftover, boolean dryRun, RestoreProgress progress) {
        List<Diagnostic> refusal = new ArrayList<>();
        if (otherBoot(leftover, refusal) || !sameNamespace(leftover, refusal)) {
            return new Result(false, dryRun, List.of(), refusal);
        }
        List<String> notes = new ArrayList<>();
        try (RtnlSocket restorer = RtnlSocket.open()) {
            if (dryRun) {
                Resumption.prepare(leftover, null, restorer, notes);
                RestorePlan plan = leftover.plan();
                for (int k = 1; k <= plan.steps().size(); k++) {
                    JournalContent.StepState s = leftover.state(k);
                    if (s != JournalContent.StepState.DONE) {
                        notes.add("step " + k + ": " + plan.steps().get(k - 1).describe()
                                + (s == JournalContent.StepState.UNKNOWN ? " (may have been done: checked first)" : ""));
                    }
                }
                return new Result(true, true, notes, List.of());
            }
            JournalWriter journal = JournalWriter.resume(dir, leftover, new JournalRecord.Resume(
                    ProcessHandle.current().pid(), Journals.processStarted(), Instant.now(), "netcr recover --finish"));
            Resumption resume;
            try {
                resume = Resumption.prepare(leftover, journal, restorer, notes);
            } catch (Resumption.Refused | IOException | RuntimeException e) {
                journal.close();
                throw e;
            }
            PlanExecutor.Options options = PlanExecutor.Options.defaults().journaledIn(dir, "netcr recover --finish");
            try (Execution e = new Execution(leftover.plan(), options, progress, resume)) {
                RestoreResult r = e.run();
                if (r.success()) {
                    notes.add("restored " + String.join(" ", r.namespaceNames().values().stream().sorted().toList()));
                }
                return new Result(r.success(), false, notes, r.diagnostics());
            }
        } catch (Resumption.Refused e) {
            return new Result(false, dryRun, notes, e.reasons());
        } catch (IOException e) {
            return new Result(false, dryRun, notes, List.of(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                    "cannot finish the leftover restore: " + e.getMessage() + "; nothing more was changed")));
        }
    }

    /** A journal of another boot: everything it describes died with that boot. */
    private static boolean otherBoot(JournalContent leftover, List<Diagnostic> refusal) {
        try {
            return !Journals.bootId().equals(leftover.begin().bootId());
        } catch (IOException e) {
            refusal.add(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE, "cannot read this boot's id ("
                    + e.getMessage() + ") to tell whether the journal is of this boot; nothing was changed"));
            return false;
        }
    }

    private static Result endStale(RunDir dir, JournalContent leftover, boolean dryRun) {
        String note = "the journal is of an earlier boot: the namespaces and devices it describes ended with it";
        if (dryRun) {
            return new Result(true, true, List.of(note + "; nothing to undo"), List.of());
        }
        List<Diagnostic> diags = new ArrayList<>();
        end(dir, leftover, JournalRecord.Outcome.RECOVERED, "netcr recover", diags);
        List<String> actions = List.of(note + "; nothing was undone");
        return new Result(diags.isEmpty(), false, actions, diags);
    }

    /** The restorer's devices are found in the namespace the restore ran in, and nowhere else. */
    private static boolean sameNamespace(JournalContent leftover, List<Diagnostic> refusal) {
        try {
            Inode here = Inode.ofThreadNetns();
            if (here.equals(leftover.begin().restorerNetns())) {
                return true;
            }
            refusal.add(Diagnostic.error(Errno.EINVAL, SubjectPath.ROOT, Phase.RESTORE, "the restore ran in "
                    + "network namespace nsfs " + leftover.begin().restorerNetns() + ", this process is in " + here
                    + ": run netcr recover there (e.g. with nsenter); nothing was changed"));
        } catch (IOException e) {
            refusal.add(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE, "cannot tell which namespace "
                    + "this process is in (" + e.getMessage() + "); nothing was changed"));
        }
        return false;
    }

    private static void end(RunDir dir, JournalContent leftover, JournalRecord.Outcome outcome, String command,
                            List<Diagnostic> diags) {
        try (JournalWriter w = JournalWriter.resume(dir, leftover, new JournalRecord.Resume(
                ProcessHandle.current().pid(), Journals.processStarted(), Instant.now(), command))) {
            w.end(new JournalRecord.End(outcome, Instant.now(), diags.stream().map(Diagnostic::toString).toList()));
        } catch (IOException e) {
            diags.add(Diagnostic.error(Errno.EIO, SubjectPath.of(SubjectPath.FILE, dir.journalFile().toString()),
                    Phase.RESTORE, "the restore was undone but its journal could not be closed (" + e.getMessage()
                            + "); run netcr recover again to clear it"));
        }
    }
}
