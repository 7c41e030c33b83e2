package io.netcr.bridge.restore;

import io.netcr.bridge.netns.NamespaceThreads;
import io.netcr.bridge.sys.Nftables;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sysctl.SysctlFiles;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.Sysctls;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps a restore takes inside a namespace it made rather than over rtnetlink: its sysctls (files below
 * /proc/sys/net) and its nftables ruleset (libnftables, one transaction). A run of them is taken on threads
 * inside the namespaces, each namespace's steps in plan order on one thread, namespaces side by side. They need
 * no undo of their own: they change only a namespace the restore made, which the undo removes whole.
 */
final class InNamespaceSteps {

    /** Threads at once: the work is system calls, each short. */
    static final int THREADS = 2;

    /**
     * One step's outcome: done, or refused with an errno and the sentence that says what; {@code sysctl} is the
     * key the kernel refused (below /proc/sys/net), so that the diagnostic names it, or null.
     */
    record Outcome(boolean ok, int errno, String detail, String sysctl) {
        static final Outcome DONE = new Outcome(true, 0, null, null);

        static Outcome refused(int errno, String detail) {
            return new Outcome(false, errno, detail, null);
        }
    }

    private InNamespaceSteps() {
    }

    /** A step this class takes (every other kind is one rtnetlink request). */
    static boolean handles(PlanStep step) {
        return step instanceof PlanStep.SetSysctls || step instanceof PlanStep.LoadFirewall;
    }

    /**
     * Takes {@code steps} (plan indexes to steps, in plan order) inside their namespaces; returns each one's
     * outcome by index. Warnings (a key this kernel lacks, a secret a journal did not keep) go to
     * {@code warnings}. A namespace's steps after one it refused are not taken.
     */
    static Map<Integer, Outcome> run(Map<Integer, PlanStep> steps, RestoreMessages.Targets targets,
                                     List<Diagnostic> warnings) throws InterruptedException {
        Map<TargetNs, List<Integer>> byNs = new LinkedHashMap<>();
        steps.forEach((i, s) -> byNs.computeIfAbsent(s.targets().get(0), k -> new ArrayList<>()).add(i));
        List<Integer> fds = new ArrayList<>();
        List<NamespaceThreads.Work<Map<Integer, Outcome>>> work = new ArrayList<>();
        for (Map.Entry<TargetNs, List<Integer>> e : byNs.entrySet()) {
            fds.add(e.getKey().isRestorer() ? -1 : targets.nsFd(e.getKey()));
            List<Integer> mine = e.getValue();
            work.add(() -> {
                Map<Integer, Outcome> out = new LinkedHashMap<>();
                for (int i : mine) {
                    Outcome o = take(steps.get(i), warnings);
                    out.put(i, o);
                    if (!o.ok()) {
                        break;
                    }
                }
                return out;
            });
        }
        Map<Integer, Outcome> all = new LinkedHashMap<>();
        List<NamespaceThreads.Outcome<Map<Integer, Outcome>>> results = NamespaceThreads.run(fds, work, THREADS);
        int g = 0;
        for (List<Integer> mine : byNs.values()) {
            NamespaceThreads.Outcome<Map<Integer, Outcome>> r = results.get(g++);
            if (r.ok()) {
                all.putAll(r.value());
            } else {
                all.put(mine.get(0), Outcome.refused(errno(r.error()), "cannot enter the namespace: "
                        + r.error().getMessage()));
            }
        }
        return all;
    }

    private static Outcome take(PlanStep step, List<Diagnostic> warnings) {
        if (step instanceof PlanStep.SetSysctls s) {
            return sysctls(s, warnings);
        }
        PlanStep.LoadFirewall f = (PlanStep.LoadFirewall) step;
        try {
            Nftables.run(f.commands(), false);
            return Outcome.DONE;
        } catch (Nftables.NftException e) {
            return Outcome.refused((e.missing() ? Errno.ENOSYS : Errno.EINVAL).number(),
                    "libnftables refused the ruleset: " + e.getMessage());
        }
    }

    /** Each key compared, and written where it differs, in order (an earlier write may have changed a later key). */
    private static Outcome sysctls(PlanStep.SetSysctls s, List<Diagnostic> warnings) {
        SysctlFiles files = new SysctlFiles();
        SubjectPath ns = SubjectPath.of(SubjectPath.NETNS, s.ns().name());
        for (PlanStep.SysctlWrite w : s.writes()) {
            String shown = Sysctls.dotted(w.key());
            if (w.value() == null) {
                synchronized (warnings) {
                    warnings.add(Diagnostic.warning(Errno.ENOSYS, ns.child("sysctl", shown), Phase.RESTORE, shown
                            + " is a secret, which the restore journal does not keep, so this finish does not write it;"
                            + " set it by hand, or restore the image again"));
                }
                continue;
            }
            try {
                String now = files.value(w.key());
                if (w.value().equals(now)) {
                    continue;
                }
                SysctlFiles.write(w.key(), w.value());
            } catch (NativeException e) {
                if (e.errnoNumber() == Errno.ENOENT.number()) {
                    synchronized (warnings) {
                        warnings.add(Diagnostic.warning(Errno.ENOENT, ns.child("sysctl", shown), Phase.RESTORE, shown
                                + " is in the image but not in this kernel (an older one, or a module not loaded), so it "
                                + "was not restored"));
                    }
                    continue;
                }
                return new Outcome(false, e.errnoNumber(), "sysctl -w " + w.describe() + ": "
                        + e.errno().description(), w.key());
            }
        }
        return Outcome.DONE;
    }

    private static int errno(IOException e) {
        return e instanceof NativeException n ? n.errnoNumber() : Errno.EIO.number();
    }
}
