package io.netcr.app.cli;

import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.RestoreProgress;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netcr recover}: the way out of a restore that did not finish (killed, power lost, connection dropped). */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Recover from a restore that did not finish: it was killed, or its machine or connection "
            + "went away, half-way. A restore journals each step in /run/netcr/restore.journal before it takes it; "
            + "this reads that journal.",
            "By default it undoes that restore: it removes exactly the namespaces and devices it made, each only "
            + "while it is still the one the restore made (a namespace by its nsfs inode, a device by its ifindex "
            + "and peer), and nothing else. With --finish it completes the restore from the plan kept in the "
            + "journal instead (a failed step then undoes it all). netcr restore refuses to start until the "
            + "leftover is recovered. Without a leftover it says how the last restore ended. Needs root (not "
            + "for --dry-run).",
            "Exit status: 0 recovered (or nothing to recover), 1 the journal is damaged, 2 cannot run (no "
            + "privilege, a restore runs, another namespace) or something could not be undone or finished."})
public final class RecoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--finish", description = "complete the restore instead of undoing it")
    boolean finish;

    @Option(names = "--dry-run", description = "check what the restore made and say what would be done; change "
            + "nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the result as JSON (format netcr-recover-result)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunDir dir = RunDir.current();
        RecoveryService.Recovered r = RecoveryService.recover(dir, finish, dryRun, "netcr recover"
                + (finish ? " --finish" : ""), null, RestoreProgress.NONE);
        if (json) {
            out.print(RecoverResultJson.toJson(r, finish, dryRun, RecoveryService.lastOutcome(dir).orElse(null)));
        } else {
            report(r, dir, out, err);
        }
        out.flush();
        return switch (r.kind()) {
            case NOTHING -> ExitCodes.OK;
            case DAMAGED -> ExitCodes.PROBLEMS;
            case REFUSED, CANCELLED -> ExitCodes.FAILED;
            case RAN -> r.result().success() ? ExitCodes.OK : ExitCodes.FAILED;
        };
    }

    private void report(RecoveryService.Recovered r, RunDir dir, PrintWriter out, PrintWriter err) {
        r.problems().forEach(err::println);
        if (r.kind() == RecoveryService.Kind.NOTHING) {
            out.println("nothing to recover: no restore journal is left in " + dir.dir());
            RecoveryService.lastOutcome(dir).ifPresent(out::println);
            return;
        }
        if (r.kind() != RecoveryService.Kind.RAN) {
            return;
        }
        out.println("a restore did not finish: " + r.leftover().summary());
        String verb = finish ? (dryRun ? "--finish would" : "finish:") : (dryRun ? "undo would" : "undone:");
        if (!r.result().actions().isEmpty()) {
            out.println(verb);
            r.result().actions().forEach(a -> out.println("  " + a));
        } else if (r.result().success()) {
            out.println(finish ? "nothing left to do" : "nothing of it is left to remove");
        }
        for (Diagnostic d : r.result().diagnostics()) {
            err.println(d.severity().word() + ": " + d);
        }
        if (dryRun) {
            out.println("dry run: nothing was changed");
        } else if (r.result().success()) {
            out.println(finish ? "the restore is complete; its journal is closed"
                    : "the host is as it was before that restore; its journal is closed");
        } else {
            err.println("netcr recover: " + (finish ? "the restore could not be finished" : "not everything could be "
                    + "undone") + "; see above. " + (finish ? "" : "The journal stays: run netcr recover again once "
                    + "the problem is solved"));
        }
    }
}
