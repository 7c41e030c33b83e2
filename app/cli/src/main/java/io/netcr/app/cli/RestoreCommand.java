package io.netcr.app.cli;

import io.netcr.app.services.RecoveryService;
import io.netcr.app.services.RestoreService;
import io.netcr.app.services.SnapshotSources;
import io.netcr.bridge.restore.RestoreLock;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.RestorePlanJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        // The host is read while the image is: on two cores that hides most of one behind the other.
        CompletableFuture<Snapshot> host = RestoreService.hostView();
        ReadResult read = RestoreService.readImage(Path.of(file));
        lap("read " + file, t0);
        if (read.snapshot() == null) {
            err.println("netcr restore: " + file + " was refused; nothing was changed:");
            read.diagnostics().forEach(d -> err.println("  " + d));
            return SnapshotSources.isReadableFile(Path.of(file)) ? ExitCodes.PROBLEMS : ExitCodes.FAILED;
        }
        RunDir runDir = RunDir.current();
        if (dryRun) {
            warnOfLeftover(runDir, err);
            return planAndPrint(read.snapshot(), host, out, err) == null ? ExitCodes.PROBLEMS : ExitCodes.OK;
        }
        Optional<Diagnostic> privilege = RestoreService.checkPrivileges();
        if (privilege.isPresent()) {
            err.println(privilege.get());
            return ExitCodes.FAILED;
        }
        String holder = "netcr restore " + file;
        try (RestoreLock lock = waitForLock ? RestoreLock.acquire(runDir.lockFile(), holder, waiting(err))
                : RestoreService.lock(runDir, false, holder)) {
            Optional<Diagnostic> leftover = RestoreService.leftoverRefusal(runDir);
            if (leftover.isPresent()) {
                err.println(leftover.get());
                return ExitCodes.FAILED;
            }
            // A stale view can only make the restore fail cleanly (every creation is exclusive); after
            // waiting for another restore it is surely stale, so read the host again.
            RestorePlan plan = planAndPrint(read.snapshot(), waitForLock ? RestoreService.hostView() : host, null, err);
            if (plan == null) {
                return ExitCodes.PROBLEMS;
            }
            RestoreResult result = RestoreService.execute(plan, runDir, holder);
            if (timing) {
                err.printf("timing: execute %.1f ms (of which namespaces %.1f ms)%n", result.millis(),
                        result.namespaceMillis());
            }
            report(result, plan, out, err);
            return result.success() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (RestoreLock.BusyException e) {
            err.println(RestoreService.busy(runDir.lockFile(), e));
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("netcr restore: cannot take the restore lock " + runDir.lockFile() + ": " + e.getMessage()
                    + "; nothing was changed. Run as root, and check that " + runDir.dir() + " is writable");
            return ExitCodes.FAILED;
        }
    }

    /** With --wait: says once (and again when the holder changes) whom it waits for, instead of hanging silently. */
    private static RestoreLock.Waiting waiting(PrintWriter err) {
        return new RestoreLock.Waiting() {
            @Override
            public void heldBy(String holder) {
                err.println("netcr restore: waiting for another restore to finish: " + holder);
                err.flush();
            }

            @Override
            public boolean cancelled() {
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

    /**
     * Plans against a fresh snapshot of this host; prints the plan when {@code out} is given, and the
     * findings. Returns the plan, or null when it has errors (or the host cannot be read).
     */
    private RestorePlan planAndPrint(Snapshot image, CompletableFuture<Snapshot> hostView, PrintWriter out,
                                     PrintWriter err) {
        Snapshot host;
        long t0 = System.nanoTime();
        try {
            host = hostView.join();
            lap("waiting for the host view", t0);
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println("netcr restore: cannot read this host: " + cause.getMessage() + "; nothing was changed");
            return null;
        }
        long t1 = System.nanoTime();
        RestorePlan plan = RestoreService.plan(image, host, new RestoreOptions(renames, prefix));
        lap("plan", t1);
        if (out != null && json.on) {
            out.print(RestorePlanJson.toJson(plan));
            out.flush();
        } else if (out != null) {
            printPlan(plan, out);
        }
        List<Diagnostic> findings = plan.diagnostics();
        if (out == null || !json.on) {
            findings.forEach(d -> err.println(d.severity().word() + ": " + d));
        }
        if (!plan.isExecutable()) {
            long errors = findings.stream().filter(Diagnostic::isError).count();
            err.println("netcr restore: the plan has " + errors + (errors == 1 ? " error" : " errors")
                    + "; nothing was changed");
            return null;
        }
        return plan;
    }

    private void lap(String what, long since) {
        if (timing) {
            spec.commandLine().getErr().printf("timing: %s %.1f ms%n", what, (System.nanoTime() - since) / 1e6);
        }
    }

    private static void printPlan(RestorePlan plan, PrintWriter out) {
        out.println("Restore plan: " + plan.steps().size() + " steps" + (plan.isExecutable() ? "" : " (NOT executable)"));
        int width = Integer.toString(plan.steps().size()).length();
        for (int i = 0; i < plan.steps().size(); i++) {
            out.printf("  %" + width + "d. %s%n", i + 1, plan.steps().get(i).describe());
        }
        if (!plan.namespaceNames().isEmpty()) {
            out.println("New namespaces:");
            plan.namespaceNames().forEach((id, name) -> out.println("  " + id + " -> " + name));
        }
        out.println(plan.diagnostics().isEmpty() ? "Preflight: no problems found"
                : "Preflight: " + plan.diagnostics().size() + " finding(s), on standard error");
        out.flush();
    }

    private void report(RestoreResult result, RestorePlan plan, PrintWriter out, PrintWriter err) {
        if (json.on) {
            out.print(RestoreResultJson.toJson(result));
        } else if (result.success()) {
            out.printf("restored %d namespace%s in %.0f ms (%d steps): %s%n", result.namespaceNames().size(),
                    result.namespaceNames().size() == 1 ? "" : "s", result.millis(), plan.steps().size(),
                    String.join(" ", result.namespaceNames().values().stream().sorted().toList()));
        }
        if (!result.success()) {
            result.diagnostics().forEach(d -> err.println(d));
            err.println("netcr restore: failed; the host is as it was before the restore"
                    + (result.diagnostics().size() > 1 ? " except as listed above" : ""));
        }
        out.flush();
    }
}
