package io.netcr.bridge.restore;

import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.netns.NamespaceCreateException;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.rtnl.AckPipeline;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.tun.TunMaker;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Sysctls;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of {@link PlanExecutor}, or the rest of one run by a recovery ({@link Resumption}): its sockets,
 * its journal, its failure. Each step is announced in the journal before it is sent, and its outcome entered
 * when its ACK is read; after a failure every outstanding ACK is read and {@link Undo} removes what the
 * journal says was made. Closed whatever happens.
 */
final class Execution implements AutoCloseable {

    /** Thrown to leave the step loop once a failure is known. */
    private static final class Stop extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final RestorePlan plan;
    private final PlanExecutor.Options options;
    private final ProgressReport events;
    private final Resumption resume;
    private final FaultPoint faults = FaultPoint.fromProperty();
    private final OwnLinks own = new OwnLinks();
    /** The devices the plan creates in the restorer's namespace (outside halves), by name. */
    private final Set<String> madeInRestorer = new HashSet<>();
    private final List<Diagnostic> readWarnings = new ArrayList<>();
    /** Warnings of steps taken inside namespaces (a sysctl this kernel lacks). */
    private final List<Diagnostic> stepWarnings = new ArrayList<>();
    private final RunJournal journal;
    private final StepOutcomes outcomes;
    private RunSockets sockets;
    /** The restorer's namespace, as the journal records it. */
    private Inode restorerNetns;
    /** The last step (1-based) sent or begun; steps after it were never sent. */
    private int sentUpTo;
    /** Whether some sent step's outcome is not known (a send or a read that failed). */
    private boolean uncertain;
    private long namespaceNanos;

    /** {@code resume}: null for a new restore; else the recovery that goes on with a leftover journal. */
    Execution(RestorePlan plan, PlanExecutor.Options options, RestoreProgress progress, Resumption resume) {
        this.plan = plan;
        this.options = options;
        this.events = new ProgressReport(progress);
        this.resume = resume;
        this.journal = new RunJournal(options.runDir(), options.command(), plan,
                resume == null ? null : resume.journal());
        this.outcomes = new StepOutcomes(plan, journal, own, resume);
        for (PlanStep s : plan.steps()) {
            String made = OwnLinks.createdInRestorer(s);
            if (made != null) {
                madeInRestorer.add(made);
            }
        }
    }

    RestoreResult run() {
        long t0 = System.nanoTime();
        List<PlanStep> steps = plan.steps();
        faults.after(0);
        int i = 0;
        try {
            sockets = RunSockets.open(options.window(), this::drainOrStop);
            restorerNetns = Inode.ofDescriptor(sockets.nsFd(TargetNs.RESTORER));
            if (resume != null) {
                resume.handOver(sockets, own);
            }
            while (i < steps.size()) {
                PlanStep step = steps.get(i);
                if (resume != null && resume.done(i)) {
                    sockets.learnCreated(step);
                    i++;
                    continue;
                }
                if (step instanceof PlanStep.CreateNamespace && i + 1 != options.failBeforeStep()) {
                    i = createNamespaces(steps, i); // reports its steps as the creating threads begin them
                    continue;
                }
                if (InNamespaceSteps.handles(step) && i + 1 != options.failBeforeStep()) {
                    i = runInNamespaces(steps, i); // sysctls and firewalls, on threads inside the namespaces
                    continue;
                }
                if (events.listening()) {
                    events.stepStarted(plan, i);
                }
                if (i + 1 == options.failBeforeStep()) {
                    outcomes.fail(i, Errno.ECANCELED.number(), null, "failure injected by the test seam");
                    break;
                }
                announce(i);
                send(i, step);
                faults.after(i + 1);
                i++;
            }
            drainAll();
        } catch (Stop stop) {
            drainQuietly();
        } catch (NativeException e) {
            uncertain = true;
            outcomes.fail(Math.min(i, steps.size() - 1), e.errnoNumber(),
                    e instanceof NetlinkErrorException n ? n.kernelMessage().orElse(null) : null, e.getMessage());
            drainQuietly();
        } catch (IOException | RuntimeException e) {
            uncertain = true;
            outcomes.fail(Math.min(i, steps.size() - 1), Errno.EIO.number(), null, e.toString());
            drainQuietly();
        }
        if (!outcomes.failed()) {
            journal.end(resume == null ? JournalRecord.Outcome.RESTORED : JournalRecord.Outcome.FINISHED, List.of());
            List<Diagnostic> diags = new ArrayList<>(events.warnings());
            diags.addAll(stepWarnings);
            diags.addAll(readWarnings);
            diags.addAll(journal.warnings());
            return new RestoreResult(true, diags, plan.namespaceNames(), steps.size(), ms(t0), namespaceNanos / 1e6);
        }
        int done = outcomes.confirmed();
        if (sockets != null) {
            sockets.closeNamespaces(); // their sockets and descriptors would keep removed namespaces alive
        }
        Undo.Report undo = journal.content() == null || sockets == null
                ? new Undo.Report(List.of(), List.of(), List.of())
                : new Undo(sockets.restorer(), journal.content(), events, false).run(journal.content(),
                        unknownToUndo());
        List<Diagnostic> diags = new ArrayList<>();
        diags.add(outcomes.failureDiagnostic(undo));
        diags.addAll(undo.diagnostics());
        diags.addAll(events.warnings());
        diags.addAll(readWarnings);
        if (undo.complete()) {
            journal.end(JournalRecord.Outcome.ROLLED_BACK, diags);
        } else {
            journal.leave();
        }
        diags.addAll(journal.warnings());
        return new RestoreResult(false, diags, Map.of(), done, ms(t0), namespaceNanos / 1e6);
    }

    /**
     * Up to which step an undo must consider steps without an outcome: none once every ACK was read; those
     * sent when some outcome is not known; every one in a finish, since the dead run's may have taken effect.
     */
    private int unknownToUndo() {
        if (resume != null) {
            return plan.steps().size();
        }
        return uncertain ? sentUpTo : 0;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    /** Creates the run of namespaces that starts at {@code first}; returns the index after it. */
    private int createNamespaces(List<PlanStep> steps, int first) throws IOException {
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        int end = first;
        while (end < steps.size() && steps.get(end) instanceof PlanStep.CreateNamespace c
                && end + 1 != options.failBeforeStep()) {
            if (!(resume != null && resume.done(end)) && !sockets.has(c.name())) {
                names.add(c.name());
                indexes.add(end);
                indexOf.put(c.name(), end);
            }
            end++;
        }
        if (names.isEmpty()) {
            return end;
        }
        announce(end - 1);
        sentUpTo = Math.max(sentUpTo, end);
        long t0 = System.nanoTime();
        try {
            NamedNamespaces.create(names, events.listening() ? k -> events.stepStarted(plan, indexes.get(k)) : null,
                    batch -> journal.namespacesMade(batch, indexOf),
                    c -> {
                        sockets.add(c);
                        int k = indexOf.get(c.name());
                        outcomes.done(k);
                        faults.after(k + 1);
                    });
        } catch (NamespaceCreateException e) {
            outcomes.fail(indexOf.getOrDefault(e.name(), first), e.errnoNumber(), null, e.getMessage());
            throw new Stop();
        } catch (NativeException e) {
            outcomes.fail(first, e.errnoNumber(), null, e.getMessage());
            throw new Stop();
        } finally {
            namespaceNanos += System.nanoTime() - t0;
        }
        return end;
    }

    /**
     * Takes the run of steps inside namespaces (sysctls, firewalls) that starts at {@code first}, once every
     * outstanding ACK is read (the devices they name must exist); returns the index after it. They are announced
     * like any step, and their outcomes entered in the journal; a refusal stops the run.
     */
    private int runInNamespaces(List<PlanStep> steps, int first) throws IOException {
        Map<Integer, PlanStep> run = new LinkedHashMap<>();
        int end = first;
        while (end < steps.size() && InNamespaceSteps.handles(steps.get(end)) && end + 1 != options.failBeforeStep()) {
            if (!(resume != null && resume.done(end))) {
                run.put(end, steps.get(end));
            }
            end++;
        }
        if (run.isEmpty()) {
            return end;
        }
        drainAll();
        if (outcomes.failed()) {
            throw new Stop();
        }
        announce(end - 1);
        sentUpTo = Math.max(sentUpTo, end);
        if (events.listening()) {
            run.keySet().forEach(k -> events.stepStarted(plan, k));
        }
        Map<Integer, InNamespaceSteps.Outcome> taken;
        try {
            taken = InNamespaceSteps.run(run, sockets, stepWarnings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            uncertain = true;
            outcomes.fail(first, Errno.EINTR.number(), null, "interrupted while taking steps inside namespaces");
            throw new Stop();
        }
        for (int k : run.keySet()) {
            InNamespaceSteps.Outcome o = taken.get(k);
            if (o != null && o.ok()) {
                outcomes.done(k);
            } else if (o != null) {
                outcomes.refused(k, o.errno(), null, o.detail(), o.sysctl() == null ? null
                        : StepSubjects.of(steps.get(k)).child("sysctl", Sysctls.dotted(o.sysctl())));
            }
            faults.after(k + 1);
        }
        if (outcomes.failed()) {
            throw new Stop();
        }
        return end;
    }

    /** Before step {@code i} is sent: the journal announces it; a journal that cannot stops the run. */
    private void announce(int i) throws IOException {
        try {
            journal.announce(i, restorerNetns);
        } catch (RunJournal.Unwritable e) {
            outcomes.fail(i, e.errno(), null, e.getMessage());
            throw new Stop();
        }
    }

    private void send(int i, PlanStep step) throws IOException {
        TargetNs at = RestoreMessages.carrier(step);
        String device = OwnLinks.changedBy(step);
        if (device != null) {
            requireOwn(at, device);
        }
        if (step instanceof PlanStep.CreateLink l && l.parent() != null && l.parent().ns().isRestorer()
                && madeInRestorer.contains(l.parent().name())) {
            requireOwn(TargetNs.RESTORER, l.parent().name()); // an outside half of this restore: once confirmed
        }
        if (resume != null && resume.unknown(i) && existsAlready(step)) {
            outcomes.done(i); // made before the crash; the restore's, being in its namespace
            return;
        }
        if (step instanceof PlanStep.CreateTun t) {
            makeTun(i, t);
            return;
        }
        RestoreMessages.Request r = RestoreMessages.forStep(step, sockets);
        sockets.learnCreated(step);
        own.sent(i, step);
        AckPipeline p = sockets.pipeline(at);
        sentUpTo = Math.max(sentUpTo, i + 1);
        p.send(r.type(), r.flags(), r.body(), r.attributes(), i);
        outcomes.process(p.ready()); // what the window made it read already: stop early on a refusal
        if (outcomes.failed()) {
            throw new Stop();
        }
    }

    /**
     * A tun is made by ioctls inside its namespace, not by a request: its outcome is known at once. Requests sent
     * before it in that namespace have taken effect already (rtnetlink runs a request inside its sendmsg).
     */
    private void makeTun(int i, PlanStep.CreateTun t) throws IOException {
        sentUpTo = Math.max(sentUpTo, i + 1);
        try {
            TunMaker.create(sockets.nsFd(t.tun().ns()), t.tun().name(), t.tun().ifindex(), t.data());
        } catch (NativeException e) {
            outcomes.refused(i, e.errnoNumber(), null, e.getMessage(), null);
            throw new Stop();
        }
        sockets.learnCreated(t);
        outcomes.done(i);
    }

    /**
     * A finish: whether a creation that may have taken effect before the crash did (its device is there in
     * the namespace the restore made; a veth's pair comes whole or not at all).
     */
    private boolean existsAlready(PlanStep step) throws IOException {
        LinkEnd created = OwnLinks.created(step);
        if (created == null) {
            return false;
        }
        TargetNs ns = created.ns();
        String name = created.name();
        if (ns.isRestorer() || sockets.ask(ns, name) == 0) {
            return false;
        }
        sockets.learnCreated(step);
        String made = OwnLinks.createdInRestorer(step);
        if (made != null) {
            own.add(made);
        }
        return true;
    }

    /**
     * In the restorer's namespace a step may only touch a device this restore created, and only once the
     * kernel confirmed that creation: were the creation refused (a device of that name appeared meanwhile),
     * a pipelined "link set up" would act on someone else's device. Waits for outstanding ACKs once.
     */
    private void requireOwn(TargetNs ns, String device) throws IOException {
        if (!ns.isRestorer() || own.owns(device)) {
            return;
        }
        drainAll();
        if (outcomes.failed()) {
            throw new Stop();
        }
        if (!own.owns(device)) {
            throw new IllegalStateException("the plan changes " + device + " in this namespace, which the restore "
                    + "did not create; refused");
        }
    }

    /** Reads a pipeline's outstanding ACKs; a refusal among them stops the run. */
    private void drainOrStop(AckPipeline p) throws IOException {
        outcomes.process(p.drain());
        if (outcomes.failed()) {
            throw new Stop();
        }
    }

    private void drainAll() throws IOException {
        for (AckPipeline p : sockets.pipelines()) {
            outcomes.process(p.drain());
        }
    }

    /** After a failure: read what is left, so that the journal holds every outcome the kernel gave. */
    private void drainQuietly() {
        if (sockets != null && !outcomes.drainQuietly(sockets.pipelines(), readWarnings)) {
            uncertain = true;
        }
    }

    @Override
    public void close() {
        if (sockets != null) {
            sockets.close();
        }
        journal.leave(); // a no-op once ended
    }
}
