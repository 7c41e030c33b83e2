package io.netcr.app.cli;

import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.services.RecoveryService;
import io.netcr.app.services.RestoreService;
import io.netcr.app.services.SnapshotSources;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlanJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netcr restore FILE}: recreates an image's namespaces on this host, all or nothing. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore the namespaces of an image (or JSON snapshot) into new named namespaces: veth pairs, "
            + "bridges, MAC, MTU, addresses, state and routes; outside halves of veth pairs are recreated and "
            + "configured in this namespace.",
            "Every name is checked before anything changes; a failure undoes everything done so far. "
            + "Two restores never run at once (lock /run/netcr/restore.lock). Each step is journaled "
            + "(/run/netcr/restore.journal) before it is taken, so that a restore killed half-way can be undone "
            + "or finished by netcr recover; while such a leftover is there, restore refuses to start. Needs root.",
            "With --host, the image is read here and restored on that machine by its netcr agent; if the connection "
            + "drops, the restore there still completes or rolls back.",
            "Exit status: 0 restored (or, with --dry-run, the plan can run), 1 the image or plan has errors, "
            + "2 cannot run (no privilege, busy, unreadable file, or the kernel refused and all was undone)."})
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .netcr image or a JSON snapshot")
    String file;

    @Option(names = "--dry-run", description = "print the plan (steps with their iproute2 equivalents, then the "
            + "preflight's findings) and change nothing")
    boolean dryRun;

    @Option(names = "--rename", paramLabel = "OLD=NEW", description = "restore namespace OLD as NEW; dev:OLD=NEW "
            + "renames a device created in this namespace (repeatable)")
    Map<String, String> renames = new LinkedHashMap<>();

    @Option(names = "--prefix", paramLabel = "PFX", description = "put PFX before every new namespace name and "
            + "every device created in this namespace, unless renamed")
    String prefix = "";

    @Mixin
    JsonOption json;

    @Option(names = "--wait", description = "when another restore is running, wait for it instead of failing")
    boolean waitForLock;

    @Option(names = "--timing", description = "print how long each phase took to standard error")
    boolean timing;

    @Mixin
    HostOption hostOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> badOptions = new RestoreOptions(renames, prefix).problems();
        if (!badOptions.isEmpty()) {
            err.println("netcr restore: the options cannot be used; nothing was changed:");
            badOptions.forEach(d -> err.println("  " + d));
            return ExitCodes.FAILED;
        }
        long t0 = System.nanoTime();
        RunDir runDir = RunDir.current();
        Host host;
        try {
            host = hostOption.remote() ? hostOption.open(err)
                    : Hosts.open(null, System.getenv(), runDir, Hosts.printing(err, LocalHost.LABEL));
        } catch (HostException e) {
            HostOption.print("restore", e, err);
            return ExitCodes.FAILED;
        }
        try (host) {
            // This host is read while the image is (on two cores that hides most of one behind the other); an
            // agent's connection is being made meanwhile.
            host.expectRestore();
            ReadResult read = RestoreService.readImage(Path.of(file));
            lap("read " + file, t0);
            if (read.snapshot() == null) {
                err.println("netcr restore: " + file + " was refused; nothing was changed:");
                read.diagnostics().forEach(d -> err.println("  " + d));
                return SnapshotSources.isReadableFile(Path.of(file)) ? ExitCodes.PROBLEMS : ExitCodes.FAILED;
            }
            RestoreRequest request = new RestoreRequest(read.snapshot(), new RestoreOptions(renames, prefix), waitForLock,
                    "netcr restore " + file);
            long t1 = System.nanoTime();
            if (dryRun) {
                if (!hostOption.remote()) {
                    warnOfLeftover(runDir, err);
                }
                PlanSummary plan = host.plan(request);
                lap("plan", t1);
                printPlan(plan, out, err);
                return plan.isExecutable() ? ExitCodes.OK : ExitCodes.PROBLEMS;
            }
            RestoreOutcome outcome = host.restore(request, waiting(err), Cancellation.none());
            lap("restore", t1);
            return report(outcome, out, err);
        } catch (HostException e) {
            HostOption.print("restore", e, err);
            return ExitCodes.FAILED;
        }
    }

    /** With --wait: says once (and again when the holder changes) whom it waits for, instead of hanging silently. */
    private static RestoreWatch waiting(PrintWriter err) {
        return new RestoreWatch() {
            @Override
            public void waiting(String holder) {
                err.println("netcr restore: waiting for another restore to finish: " + holder);
                err.flush();
            }

            @Override
            public boolean wantsSteps() {
                return false;
            }
        };
    }

    /** A dry run takes no lock, but says when a real run would be refused for a leftover journal. */
    private static void warnOfLeftover(RunDir dir, PrintWriter err) {
        try {
            RecoveryService.find(dir).ifPresent(l -> err.println("warning: a restore did not finish (" + l.summary()
                    + "); netcr restore will refuse to run until netcr recover has dealt with it"));
        } catch (IOException e) {
            err.println("warning: the restore journal " + dir.journalFile() + " cannot be read (" + e.getMessage()
                    + "); netcr restore will refuse to run until netcr recover has dealt with it");
        }
    }

    private void lap(String what, long since) {
        if (timing) {
            spec.commandLine().getErr().printf("timing: %s %.1f ms%n", what, (System.nanoTime() - since) / 1e6);
        }
    }

    /** The dry run's plan: on standard output, as text or JSON; its findings on standard error. */
    private void printPlan(PlanSummary plan, PrintWriter out, PrintWriter err) {
        if (json.on) {
            out.print(RestorePlanJson.toJson(plan));
            out.flush();
        } else {
            out.println("Restore plan: " + plan.steps().size() + " steps" + (plan.isExecutable() ? "" : " (NOT executable)"));
            int width = Integer.toString(plan.steps().size()).length();
            for (int i = 0; i < plan.steps().size(); i++) {
                out.printf("  %" + width + "d. %s%n", i + 1, plan.steps().get(i).equivalent());
            }
            if (!plan.namespaceNames().isEmpty()) {
                out.println("New namespaces:");
                new TreeMap<>(plan.namespaceNames()).forEach((id, name) -> out.println("  " + id + " -> " + name));
            }
            out.println(plan.diagnostics().isEmpty() ? "Preflight: no problems found"
                    : "Preflight: " + plan.diagnostics().size() + " finding(s), on standard error");
            out.flush();
            printFindings(plan, err);
        }
        if (!plan.isExecutable()) {
            refused(plan, err);
        }
    }

    private static void printFindings(PlanSummary plan, PrintWriter err) {
        plan.diagnostics().forEach(d -> err.println(d.severity().word() + ": " + d));
    }

    private static void refused(PlanSummary plan, PrintWriter err) {
        long errors = plan.diagnostics().stream().filter(Diagnostic::isError).count();
        err.println("netcr restore: the plan has " + errors + (errors == 1 ? " error" : " errors")
                + "; nothing was changed");
    }

    /** What the restore did, and the exit status that says it. */
    private int report(RestoreOutcome outcome, PrintWriter out, PrintWriter err) {
        if (outcome.plan() == null) { // no privilege, busy, the lock unusable, or the image refused there
            outcome.problems().forEach(err::println);
            return ExitCodes.FAILED;
        }
        printFindings(outcome.plan(), err);
        if (!outcome.plan().isExecutable()) {
            refused(outcome.plan(), err);
            return ExitCodes.PROBLEMS;
        }
        RestoreResult result = outcome.result();
        if (timing) {
            err.printf("timing: execute %.1f ms (of which namespaces %.1f ms)%n", result.millis(),
                    result.namespaceMillis());
        }
        if (json.on) {
            out.print(RestoreResultJson.toJson(result));
        } else if (result.success()) {
            out.printf("restored %d namespace%s in %.0f ms (%d steps): %s%n", result.namespaceNames().size(),
                    result.namespaceNames().size() == 1 ? "" : "s", result.millis(), outcome.plan().steps().size(),
                    String.join(" ", result.namespaceNames().values().stream().sorted().toList()));
        }
        if (!result.success()) {
            result.diagnostics().forEach(err::println);
            err.println("netcr restore: failed; the host is as it was before the restore"
                    + (result.diagnostics().size() > 1 ? " except as listed above" : ""));
        }
        out.flush();
        return result.success() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
