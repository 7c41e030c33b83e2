package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.netns.NamespaceCreateException;
import io.netcr.bridge.rtnl.AckPipeline;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run of {@link PlanExecutor}: its sockets, its journal, its failure. Closed whatever happens. */
final class Execution implements AutoCloseable {

    private static final String RESTORER = "";
    private static final int ENOENT = 2;
    private static final int ESRCH = 3;
    private static final int ENODEV = 19;
    private static final int EADDRNOTAVAIL = 99;

    /** The first step that failed: its index (0-based), errno, the kernel's text, and what we know beyond. */
    private record Failure(int step, int errno, String kernelMessage, String detail) {
    }

    /** Thrown to leave the step loop once a failure is known. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private final RestorePlan plan;
    private final PlanExecutor.Options options;
    private final ProgressReport events;
    private final Journal journal = new Journal();
    private final Map<String, NamedNamespaces.Created> created = new LinkedHashMap<>();
    private final Map<String, AckPipeline> pipelines = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> ifindexes = new HashMap<>();
    private final Map<Integer, List<Journal.Entry>> onAck = new HashMap<>();
    private final List<Diagnostic> undoProblems = new ArrayList<>();
    /** Devices of the restorer's namespace whose creation the kernel confirmed: the only ones steps may touch. */
    private final java.util.Set<String> ownRestorerLinks = new java.util.HashSet<>();
    private RtnlSocket restorerSocket;
    private int restorerFd = -1;
    private Failure failure;
    private int confirmed;
    private long namespaceNanos;

    Execution(RestorePlan plan, PlanExecutor.Options options, RestoreProgress progress) {
        this.plan = plan;
        this.options = options;
        this.events = new ProgressReport(progress);
    }

    RestoreResult run() {
        long t0 = System.nanoTime();
        List<PlanStep> steps = plan.steps();
        int i = 0;
        try {
            restorerFd = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
            restorerSocket = RtnlSocket.open();
            while (i < steps.size()) {
                if (steps.get(i) instanceof PlanStep.CreateNamespace && i + 1 != options.failBeforeStep()) {
                    i = createNamespaces(steps, i); // reports its steps as the creating threads begin them
                    continue;
                }
                if (events.listening()) {
                    events.stepStarted(plan, i);
                }
                if (i + 1 == options.failBeforeStep()) {
                    fail(new Failure(i, Errno.ECANCELED.number(), null, "failure injected by the test seam"));
                    break;
                }
                send(i, steps.get(i));
                i++;
            }
            drainAll();
        } catch (Stop stop) {
            drainQuietly();
        } catch (NativeException e) {
            fail(new Failure(Math.min(i, steps.size() - 1), e.errnoNumber(),
                    e instanceof NetlinkErrorException n ? n.kernelMessage().orElse(null) : null, e.getMessage()));
            drainQuietly();
        } catch (IOException | RuntimeException e) {
            fail(new Failure(Math.min(i, steps.size() - 1), Errno.EIO.number(), null, e.toString()));
            drainQuietly();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (failure == null) {
            return new RestoreResult(true, events.warnings(), plan.namespaceNames(), steps.size(), ms,
                    namespaceNanos / 1e6);
        }
        int done = confirmed;
        undo();
        List<Diagnostic> diags = new ArrayList<>();
        diags.add(failureDiagnostic(steps));
        diags.addAll(undoProblems);
        diags.addAll(events.warnings());
        return new RestoreResult(false, diags, Map.of(), done, (System.nanoTime() - t0) / 1e6, namespaceNanos / 1e6);
    }

    /** Creates the run of namespaces that starts at {@code first}; returns the index after it. */
    private int createNamespaces(List<PlanStep> steps, int first) throws Stop {
        List<String> names = new ArrayList<>();
        int end = first;
        while (end < steps.size() && steps.get(end) instanceof PlanStep.CreateNamespace c
                && end + 1 != options.failBeforeStep()) {
            names.add(c.name());
            end++;
        }
        long t0 = System.nanoTime();
        try {
            NamedNamespaces.create(names, events.listening() ? k -> events.stepStarted(plan, first + k) : null, c -> {
                created.put(c.name(), c);
                journal.add(new Journal.Namespace(c.name()));
                confirmed++;
            });
        } catch (NamespaceCreateException e) {
            fail(new Failure(first + Math.max(0, names.indexOf(e.name())), e.errnoNumber(), null, e.getMessage()));
            throw new Stop();
        } catch (NativeException e) {
            fail(new Failure(first, e.errnoNumber(), null, e.getMessage()));
            throw new Stop();
        } finally {
            namespaceNanos += System.nanoTime() - t0;
        }
        return end;
    }

    private void send(int i, PlanStep step) throws IOException, Stop {
        RestoreMessages.Request r;
        TargetNs at;
        List<Journal.Entry> entries = new ArrayList<>();
        if (step instanceof PlanStep.CreateVeth v) {
            at = v.end().ns();
            r = RestoreMessages.createVeth(v.end(), fdOf(v.end().ns()), v.peer(), fdOf(v.peer().ns()));
            learn(v.end());
            learn(v.peer());
            for (LinkEnd e : List.of(v.end(), v.peer())) {
                if (e.ns().isRestorer()) {
                    entries.add(new Journal.RestorerLink(e.name()));
                }
            }
        } else if (step instanceof PlanStep.CreateBridge b) {
            at = b.bridge().ns();
            r = RestoreMessages.createBridge(b.bridge());
            learn(b.bridge());
            if (at.isRestorer()) {
                entries.add(new Journal.RestorerLink(b.bridge().name()));
            }
        } else if (step instanceof PlanStep.SetLink s) {
            at = s.ns();
            requireOwn(at, s.device());
            r = RestoreMessages.setLink(s.device(), s.mac(), s.mtu());
        } else if (step instanceof PlanStep.SetMaster m) {
            at = m.ns();
            requireOwn(at, m.device());
            r = RestoreMessages.setMaster(m.device(), ifindex(m.ns(), m.master()));
        } else if (step instanceof PlanStep.AddAddress a) {
            at = a.ns();
            requireOwn(at, a.device());
            int index = ifindex(a.ns(), a.device());
            r = RestoreMessages.addAddress(index, a.address(), a.nodad());
            if (at.isRestorer()) {
                entries.add(new Journal.RestorerAddress(index, a.device(), a.address()));
            }
        } else if (step instanceof PlanStep.SetUp u) {
            at = u.ns();
            requireOwn(at, u.device());
            r = RestoreMessages.setUp(u.device());
        } else if (step instanceof PlanStep.AddRoute rt) {
            at = rt.ns();
            if (rt.route().device() != null) {
                requireOwn(at, rt.route().device());
            }
            int oif = rt.route().device() != null ? ifindex(rt.ns(), rt.route().device()) : 0;
            r = RestoreMessages.addRoute(rt.route(), oif, rt.onlink());
            if (at.isRestorer()) {
                entries.add(new Journal.RestorerRoute(rt.route(), oif));
            }
        } else {
            throw new IllegalStateException("a namespace step out of order: " + step.describe());
        }
        if (!entries.isEmpty()) {
            onAck.put(i, entries);
        }
        AckPipeline p = pipeline(at);
        p.send(r.type(), r.flags(), r.body(), r.attributes(), i);
        process(p.ready()); // what the window made it read already: stop early on a refusal
        if (failure != null) {
            throw new Stop();
        }
    }

    /**
     * In the restorer's namespace a step may only touch a device this restore created, and only once the
     * kernel confirmed that creation: were the creation refused (a device of that name appeared meanwhile),
     * a pipelined "link set up" would act on someone else's device. Waits for outstanding ACKs once.
     */
    private void requireOwn(TargetNs ns, String device) throws IOException, Stop {
        if (!ns.isRestorer() || ownRestorerLinks.contains(device)) {
            return;
        }
        drainAll();
        if (failure != null) {
            throw new Stop();
        }
        if (!ownRestorerLinks.contains(device)) {
            throw new IllegalStateException("the plan changes " + device + " in this namespace, which the restore "
                    + "did not create; refused");
        }
    }

    private void learn(LinkEnd e) {
        if (e.ifindex() > 0) {
            ifindexes.computeIfAbsent(key(e.ns()), k -> new HashMap<>()).put(e.name(), e.ifindex());
        }
    }

    /** The ifindex of a device by name: known from its creation, else asked of the kernel (after a drain). */
    private int ifindex(TargetNs ns, String name) throws IOException, Stop {
        Map<String, Integer> known = ifindexes.computeIfAbsent(key(ns), k -> new HashMap<>());
        if (!ns.isRestorer() && name.equals("lo")) {
            return 1; // every new namespace's loopback
        }
        Integer index = known.get(name);
        if (index != null) {
            return index;
        }
        AckPipeline p = pipeline(ns);
        process(p.drain());
        if (failure != null) {
            throw new Stop();
        }
        RestoreMessages.Request get = RestoreMessages.getLink(name);
        for (NetlinkMessage m : p.socket().request(get.type(), get.flags(), get.body(), get.attributes())) {
            if (m instanceof NetlinkMessage.Link l) {
                known.put(name, l.info().index());
                return l.info().index();
            }
        }
        throw new NativeException("ip link show " + name + ": no answer", ENODEV);
    }

    private void process(List<AckPipeline.Outcome> outcomes) {
        for (AckPipeline.Outcome o : outcomes) {
            if (o.ok()) {
                confirmed++;
                List<Journal.Entry> entries = onAck.remove(o.tag());
                if (entries != null) {
                    entries.forEach(journal::add);
                    entries.stream().filter(e -> e instanceof Journal.RestorerLink)
                            .forEach(e -> ownRestorerLinks.add(((Journal.RestorerLink) e).name()));
                }
            } else {
                fail(new Failure(o.tag(), o.errno(), o.kernelMessage(), null));
            }
        }
    }

    private void fail(Failure f) {
        if (failure == null || f.step() < failure.step()) {
            failure = f;
        }
    }

    private void drainAll() throws IOException {
        for (AckPipeline p : pipelines.values()) {
            process(p.drain());
        }
    }

    /** After a failure: read what is left, so that everything the kernel did is journaled. */
    private void drainQuietly() {
        for (AckPipeline p : pipelines.values()) {
            try {
                process(p.drain());
            } catch (IOException e) {
                undoProblems.add(Diagnostic.warning(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                        "some acknowledgements could not be read (" + e.getMessage() + "); what they confirmed "
                                + "outside the new namespaces may be left behind: check with netcr snapshot"));
            }
        }
    }

    private AckPipeline pipeline(TargetNs ns) {
        return pipelines.computeIfAbsent(key(ns), k -> new AckPipeline(socketOf(ns), options.window()));
    }

    private RtnlSocket socketOf(TargetNs ns) {
        return ns.isRestorer() ? restorerSocket : created(ns).socket();
    }

    private int fdOf(TargetNs ns) {
        return ns.isRestorer() ? restorerFd : created(ns).fd();
    }

    private NamedNamespaces.Created created(TargetNs ns) {
        NamedNamespaces.Created c = created.get(ns.name());
        if (c == null) {
            throw new IllegalStateException("namespace " + ns.name() + " is used before it is created");
        }
        return c;
    }

    private static String key(TargetNs ns) {
        return ns.isRestorer() ? RESTORER : ns.name();
    }

    /** Undoes the journal, newest first. Objects already gone (with their device or namespace) are fine. */
    private void undo() {
        List<Journal.Entry> entries = journal.newestFirst();
        int undone = 0;
        for (Journal.Entry e : entries) {
            undone++;
            if (events.listening()) {
                events.undoing(undone, entries.size(), e);
            }
            try {
                if (e instanceof Journal.Namespace n) {
                    NamedNamespaces.Created c = created.remove(n.name());
                    if (c != null) {
                        c.close();
                    }
                    NamedNamespaces.delete(n.name());
                } else if (e instanceof Journal.RestorerLink l) {
                    request(RestoreMessages.deleteLink(l.name()));
                } else if (e instanceof Journal.RestorerAddress a) {
                    request(RestoreMessages.deleteAddress(a.ifindex(), a.address()));
                } else if (e instanceof Journal.RestorerRoute r) {
                    request(RestoreMessages.deleteRoute(r.route(), r.oif()));
                }
            } catch (NativeException ex) {
                int n = ex.errnoNumber();
                if (n != ENOENT && n != ESRCH && n != ENODEV && n != EADDRNOTAVAIL) {
                    undoProblems.add(Diagnostic.error(ex.errno(), SubjectPath.ROOT, Phase.RESTORE,
                            "could not undo '" + e.describe() + "': " + ex.getMessage() + "; do it by hand"));
                }
            } catch (IOException | RuntimeException ex) {
                undoProblems.add(Diagnostic.error(Errno.EIO, SubjectPath.ROOT, Phase.RESTORE,
                        "could not undo '" + e.describe() + "': " + ex + "; do it by hand"));
            }
        }
    }

    private void request(RestoreMessages.Request r) throws IOException {
        restorerSocket.request(r.type(), r.flags() | Nl.NLM_F_ACK, r.body(), r.attributes());
    }

    private Diagnostic failureDiagnostic(List<PlanStep> steps) {
        PlanStep step = steps.get(failure.step());
        Errno code = Errno.ofNumber(failure.errno()).orElse(Errno.EIO);
        String what = failure.detail() != null ? failure.detail() : code.description();
        String msg = "restore failed at step " + (failure.step() + 1) + " of " + steps.size() + " (" + step.describe()
                + "): " + what + "; everything the restore had done was undone"
                + (undoProblems.isEmpty() ? ", the host is as it was" : ", except what is listed below");
        return Diagnostic.error(code, StepSubjects.of(step), Phase.RESTORE, msg)
                .withKernelMessage(failure.kernelMessage());
    }

    @Override
    public void close() {
        created.values().forEach(NamedNamespaces.Created::close);
        created.clear();
        if (restorerSocket != null) {
            restorerSocket.close();
        }
        Sys.closeQuietly(restorerFd);
    }
}
