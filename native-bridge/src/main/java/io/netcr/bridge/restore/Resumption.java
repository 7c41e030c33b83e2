package io.netcr.bridge.restore;

import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.netns.OwnedNamespaces;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.JournalWriter;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a finish ({@code netcr recover --finish}) starts from: the leftover journal, the namespaces and
 * restorer devices of the dead restore found again by identity (each opened or verified, and entered as
 * done when the journal did not know yet), and what cannot be finished. A namespace or device the journal
 * says was made but is gone or replaced cannot be finished: the recovery undoes instead.
 */
final class Resumption {

    /** The restore cannot be finished: why, as diagnostics. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> reasons;

        Refused(List<Diagnostic> reasons) {
            super(reasons.get(0).toString());
            this.reasons = List.copyOf(reasons);
        }

        List<Diagnostic> reasons() {
            return reasons;
        }
    }

    private final JournalWriter journal;
    private final List<NamedNamespaces.Created> opened;
    private final Set<String> ownLinks;

    private Resumption(JournalWriter journal, List<NamedNamespaces.Created> opened, Set<String> ownLinks) {
        this.journal = journal;
        this.opened = opened;
        this.ownLinks = ownLinks;
    }

    /**
     * Finds the dead restore's objects again. With {@code journal} null it only looks (a dry run): nothing is
     * opened, removed or written, and the result is null unless refused. Else stub files of namespaces made
     * but never mounted are removed (they are made again), the namespaces are opened, and steps found done
     * are entered in the journal.
     */
    static Resumption prepare(JournalContent content, JournalWriter journal, RtnlSocket restorer, List<String> notes)
            throws Refused, IOException {
        RestorePlan plan = content.plan();
        List<Diagnostic> problems = new ArrayList<>();
        List<NamedNamespaces.Created> opened = new ArrayList<>();
        Map<String, JournalRecord.NetnsMade> byName = new HashMap<>();
        content.namespaces().values().forEach(n -> byName.put(n.name(), n));
        try {
            for (int k = 1; k <= plan.steps().size(); k++) {
                if (plan.steps().get(k - 1) instanceof PlanStep.CreateNamespace c) {
                    findNamespace(k, c.name(), content, byName.get(c.name()), journal, opened, problems, notes);
                }
            }
            Set<String> own = new HashSet<>();
            RestorerDevices devices = new RestorerDevices(restorer, byName);
            for (Made m : Made.of(content, plan.steps().size())) {
                if (m instanceof Made.RestorerLink l && problems.isEmpty()) {
                    findDevice(l, content, devices, journal, own, problems, notes);
                }
            }
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
            return journal == null ? null : new Resumption(journal, opened, own);
        } catch (Refused | IOException | RuntimeException e) {
            opened.forEach(NamedNamespaces.Created::close);
            throw e;
        }
    }

    private static void findNamespace(int k, String name, JournalContent content, JournalRecord.NetnsMade id,
                                      JournalWriter journal, List<NamedNamespaces.Created> opened,
                                      List<Diagnostic> problems, List<String> notes) throws IOException {
        JournalContent.StepState state = content.state(k);
        OwnedNamespaces.Found f = id == null ? OwnedNamespaces.find(name, null, null)
                : OwnedNamespaces.find(name, id.file(), id.netns());
        switch (f.match()) {
            case MOUNTED -> {
                notes.add("netns " + name + " (step " + k + ") is there, made by the restore: kept");
                if (journal != null) {
                    opened.add(OwnedNamespaces.open(name, id.netns()));
                    if (state != JournalContent.StepState.DONE) {
                        journal.done(k);
                    }
                }
            }
            case FILE_ONLY -> {
                notes.add("netns " + name + " (step " + k + ") was made but not mounted: made again");
                if (journal != null) {
                    OwnedNamespaces.removeIfOwn(name, id.file(), id.netns());
                }
            }
            case ABSENT -> {
                if (state == JournalContent.StepState.DONE) {
                    problems.add(refusal(SubjectPath.of(SubjectPath.NETNS, name), Errno.ENOENT, "netns " + name
                            + ", made by the restore (step " + k + "), is gone"));
                }
            }
            case OTHER -> problems.add(refusal(SubjectPath.of(SubjectPath.NETNS, name), Errno.EEXIST, "/run/netns/"
                    + name + " is not the namespace the restore made (it is " + f.now() + ")"));
        }
    }

    private static void findDevice(Made.RestorerLink l, JournalContent content, RestorerDevices devices,
                                   JournalWriter journal, Set<String> own, List<Diagnostic> problems,
                                   List<String> notes) throws IOException {
        RestorerDevices.Verdict v = devices.verify(l);
        SubjectPath at = SubjectPath.of(SubjectPath.NETNS, "init").child(SubjectPath.DEV, l.name());
        boolean done = content.state(l.step()) == JournalContent.StepState.DONE;
        switch (v.kind()) {
            case OURS -> {
                notes.add("dev " + l.name() + " (step " + l.step() + ") is there, made by the restore: kept");
                own.add(l.name());
                if (journal != null && !done) {
                    journal.done(l.step());
                }
            }
            case ABSENT -> {
                if (done) {
                    problems.add(refusal(at, Errno.ENOENT, "dev " + l.name() + ", made by the restore (step "
                            + l.step() + "), is gone"));
                }
            }
            case OTHER -> problems.add(refusal(at, Errno.EEXIST, "dev " + l.name() + " is not the device the "
                    + "restore made: " + v.why()));
        }
    }

    private static Diagnostic refusal(SubjectPath at, Errno code, String why) {
        return Diagnostic.error(code, at, Phase.RESTORE, why + "; the restore cannot be finished: undo it with "
                + "netcr recover (without --finish)");
    }

    JournalWriter journal() {
        return journal;
    }

    boolean done(int index) {
        return journal.content().state(index + 1) == JournalContent.StepState.DONE;
    }

    /** The step may have taken effect before the crash: announced, no outcome. */
    boolean unknown(int index) {
        return journal.content().state(index + 1) == JournalContent.StepState.UNKNOWN;
    }

    /** Gives the run the namespaces opened again and the devices found to be the restore's. */
    void handOver(RunSockets sockets, OwnLinks own) {
        opened.forEach(sockets::add);
        opened.clear();
        own.addAll(ownLinks);
    }
}
