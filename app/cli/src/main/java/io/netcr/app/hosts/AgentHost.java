package io.netcr.app.hosts;

import io.netcr.app.hosts.transport.Transport;
import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.DiagnosticJson;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Fields;
import io.netcr.app.protocol.ItemLists;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.Message;
import io.netcr.app.protocol.PlanItems;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.ProtocolException;
import io.netcr.app.protocol.Requests;
import io.netcr.app.services.RecoveryService;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.image.ImageReader;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.plan.PlanSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A host reached through a netcr agent (docs/agent.md): over SSH, or through a privilege helper on this machine.
 * Each call is one request; images travel as bytes both ways and are read and validated on arrival, here as
 * there, by the same readers as a file. The transport starts when this is made; the first call waits for the
 * agent's hello.
 */
public final class AgentHost implements Host {

    /** How long to wait for a hello by default: a cold JVM on a slow host, plus ssh's own handshake. */
    public static final long HELLO_MILLIS = 30_000;
    /** How long an answer may stay silent before the connection is given up. */
    public static final long IDLE_MILLIS = 120_000;

    private final String label;
    private final AgentConnection connection;
    private final long helloMillis;
    private final long idleMillis;
    private HostInfo info;

    /**
     * @param label the host as the user named it ("web2"), used in every message
     * @param ssh   true when the transport is ssh (its failures are read as ssh's)
     */
    public AgentHost(String label, boolean ssh, Transport transport, AgentConnection.Listener listener,
                     long helloMillis, long idleMillis) {
        this.label = label;
        this.connection = new AgentConnection(label, ssh, transport, listener);
        this.helloMillis = helloMillis;
        this.idleMillis = idleMillis;
    }

    /** The transport (tests drop it to see a restore survive). */
    public Transport transport() {
        return connection.transport();
    }

    @Override
    public synchronized HostInfo info() throws HostException {
        if (info == null) {
            try {
                Events.AgentHello h = connection.handshake(helloMillis);
                info = new HostInfo(label, h.host(), h.kernel(), h.uid(), h.netcr(), connection.protocol(),
                        h.capabilities());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                connection.giveUp();
                throw HostException.of(Errno.ECANCELED, label, Phase.READ, "connecting to " + label + " was cancelled");
            }
        }
        return info;
    }

    @Override
    public ReadResult snapshot(List<String> netns) throws HostException {
        info();
        Answer a = exchange("snapshot", id -> new Requests.Snapshot(id, netns));
        try {
            Map<String, Long> counts = Events.counts(a.fields);
            List<Diagnostic> problems = DiagnosticJson.readAll(a.lists.take("diagnostics", counts, "a diagnostic"));
            if (!a.fields.has("size")) {
                return ReadResult.failed(problems);
            }
            ReadResult read = ImageReader.read(a.payload.complete(a.fields.number("size", 0, Protocol.MAX_PAYLOAD)),
                    ReadMode.STRICT, label);
            if (read.snapshot() == null) {
                return read;
            }
            Snapshot s = asLive(read.snapshot());
            return new ReadResult(s, s.diagnostics());
        } catch (ProtocolException e) {
            throw broken(e);
        }
    }

    @Override
    public CheckpointResult checkpoint(List<String> specs, boolean all, CheckpointOptions options)
            throws HostException {
        info();
        Answer a = exchange("checkpoint", id -> new Requests.Checkpoint(id, specs, all, options.skipUnsupported(),
                options.maxAddresses()));
        try {
            Map<String, Long> counts = Events.counts(a.fields);
            List<Diagnostic> diagnostics = DiagnosticJson.readAll(a.lists.take("diagnostics", counts, "a diagnostic"));
            if (!a.fields.has("size")) {
                return new CheckpointResult(null, diagnostics);
            }
            ReadResult read = ImageReader.read(a.payload.complete(a.fields.number("size", 0, Protocol.MAX_PAYLOAD)),
                    ReadMode.STRICT, label);
            if (read.snapshot() == null) {
                return new CheckpointResult(null, read.diagnostics());
            }
            return new CheckpointResult(asLive(read.snapshot()), diagnostics);
        } catch (ProtocolException e) {
            throw broken(e);
        }
    }

    @Override
    public PlanSummary plan(RestoreRequest request) throws HostException {
        RestoreRun run = new RestoreRun(request, true, RestoreWatch.NONE, Cancellation.none());
        RestoreOutcome outcome = run.go();
        return outcome.plan() != null ? outcome.plan() : new PlanSummary(List.of(), Map.of(), outcome.problems());
    }

    @Override
    public RestoreOutcome restore(RestoreRequest request, RestoreWatch watch, Cancellation cancellation)
            throws HostException {
        return new RestoreRun(request, false, watch, cancellation).go();
    }

    @Override
    public HostStatus status() throws HostException {
        if (!info().capabilities().contains("status")) {
            return HostStatus.UNKNOWN; // an agent of an earlier netcr keeps no journal to ask
        }
        Answer a = exchange("status", Requests.Status::new);
        try {
            return new HostStatus(a.fields.textOr("leftover", null), a.fields.textOr("running", null),
                    a.fields.textOr("damaged", null), a.fields.textOr("last", null));
        } catch (ProtocolException e) {
            throw broken(e);
        }
    }

    @Override
    public RecoveryOutcome recover(boolean finish, boolean dryRun, String holder) throws HostException {
        if (!info().capabilities().contains("recover")) {
            throw HostException.of(Errno.ENOSYS, label, Phase.RESTORE, "the netcr agent on " + label + " (netcr "
                    + info().netcr() + ") cannot recover a restore: run netcr recover there, or install this netcr "
                    + "version there");
        }
        Answer a = exchange("recovery", id -> new Requests.Recover(id, finish, dryRun, holder));
        try {
            Map<String, Long> counts = Events.counts(a.fields);
            List<String> actions = new ArrayList<>();
            for (Fields f : a.lists.take("actions", counts, "a recovery action")) {
                actions.add(f.text("text"));
            }
            List<Diagnostic> problems = DiagnosticJson.readAll(a.lists.take("diagnostics", counts, "a diagnostic"));
            RecoveryService.Kind kind;
            try {
                kind = RecoveryService.Kind.valueOf(a.fields.text("kind", 32));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(Errno.EBADMSG, "a recovery of unknown kind");
            }
            return new RecoveryOutcome(kind, a.fields.textOr("leftover", null), a.fields.flag("success", false),
                    actions, problems);
        } catch (ProtocolException e) {
            throw broken(e);
        }
    }

    @Override
    public AutoCloseable subscribe(List<String> netns, LiveWatch watch) throws HostException {
        info();
        return AgentSubscription.start(connection, netns, watch);
    }

    @Override
    public void close() {
        connection.close();
    }

    /** A snapshot read from an image sent by the agent says where it came from as the agent's own would. */
    private static Snapshot asLive(Snapshot s) {
        Source src = s.source();
        return s.withSource(new Source(Source.LIVE, src.host(), src.kernel(), src.time(), null, src.tool()));
    }

    /** What came back for one request: its data, its lists, and the fields of its result. */
    private record Answer(Payload payload, ItemLists lists, Fields fields) {
    }

    /** Sends the request and collects its answer; an error answer throws its diagnostics. */
    private Answer exchange(String what, LongFunction<Message> request) throws HostException {
        Call call = connection.open(request);
        Payload payload = new Payload();
        ItemLists lists = new ItemLists(call.id);
        try {
            while (true) {
                Message m = next(call);
                if (m instanceof Data d) {
                    payload.add(d);
                } else if (m instanceof Items i) {
                    lists.add(i);
                } else if (m instanceof Events.Result r) {
                    return new Answer(payload, lists, new Fields(r.fields(), "the answer to a " + what));
                } else if (m instanceof Events.Error e) {
                    throw new HostException(e.diagnostics());
                }
            }
        } catch (ProtocolException e) {
            throw broken(e);
        } finally {
            call.done();
        }
    }

    /** The next message of a call; an interrupt cancels the request there and gives up here. */
    private Message next(Call call) throws HostException {
        try {
            return call.next(idleMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.sendQuietly(id -> new Requests.Cancel(id, call.id));
            throw HostException.of(Errno.ECANCELED, label, Phase.READ, "cancelled; the request to " + label
                    + " was told to stop");
        }
    }

    /** A message that breaks the protocol ends the connection: nothing after it can be trusted. */
    private HostException broken(ProtocolException e) {
        connection.giveUp();
        return HostException.of(Errno.EPROTO, label, Phase.READ, "the agent on " + label + " answered in a way this "
                + "netcr cannot read: " + e.getMessage());
    }

    /** One restore or dry run: the request, the image, then the events up to the result. */
    private final class RestoreRun {
        private final RestoreRequest request;
        private final boolean dryRun;
        private final RestoreWatch watch;
        private final Cancellation cancellation;
        private boolean uploaded;
        private boolean begun;

        RestoreRun(RestoreRequest request, boolean dryRun, RestoreWatch watch, Cancellation cancellation) {
            this.request = request;
            this.dryRun = dryRun;
            this.watch = watch;
            this.cancellation = cancellation;
        }

        RestoreOutcome go() throws HostException {
            info();
            byte[] image;
            try {
                image = ImageWriter.toBytes(request.image());
            } catch (IllegalArgumentException e) {
                throw HostException.of(Errno.EINVAL, label, Phase.RESTORE, "the image cannot be sent to " + label + ": "
                        + e.getMessage() + "; nothing was changed");
            }
            Call call = connection.open(id -> new Requests.Restore(id, image.length, dryRun,
                    request.options().renames(), request.options().prefix(), request.waitForLock(),
                    !dryRun && watch.wantsSteps(), request.holder()));
            try {
                upload(call, image);
                cancellation.onCancel(() -> connection.sendQuietly(id -> new Requests.Cancel(id, call.id)));
                return answer(call);
            } catch (HostException e) {
                throw withFarSide(e);
            } catch (ProtocolException e) {
                throw broken(e);
            } finally {
                call.done();
            }
        }

        /** Sends the image; stops early when the agent has answered already (it refused the request). */
        private void upload(Call call, byte[] image) throws HostException {
            int seq = 0;
            int at = 0;
            for (; at < image.length && !call.hasNews(); at += Protocol.CHUNK_BYTES) {
                byte[] piece = Arrays.copyOfRange(image, at, Math.min(image.length, at + Protocol.CHUNK_BYTES));
                connection.send(new Data(call.id, seq++, piece));
            }
            uploaded = at >= image.length;
        }

        private RestoreOutcome answer(Call call) throws HostException, ProtocolException {
            ItemLists lists = new ItemLists(call.id);
            PlanSummary plan = null;
            while (true) {
                Message m = next(call);
                if (m instanceof Items i) {
                    lists.add(i);
                } else if (m instanceof Events.Waiting w) {
                    watch.waiting(w.holder());
                } else if (m instanceof Events.Begun) {
                    begun = true;
                    cancellation.begin();
                    watch.begun();
                } else if (m instanceof Events.Planned p) {
                    plan = PlanItems.read(p, lists);
                    watch.planned(plan);
                } else if (m instanceof Events.Progress p) {
                    watch.step(new StepEvent(p.undo(), p.number(), p.total(), p.text()));
                } else if (m instanceof Events.Result r) {
                    return outcome(plan, lists, new Fields(r.fields(), "the answer to a restore"));
                } else if (m instanceof Events.Error e) {
                    throw new HostException(e.diagnostics());
                }
            }
        }

        private RestoreOutcome outcome(PlanSummary plan, ItemLists lists, Fields f) throws ProtocolException {
            Map<String, Long> counts = Events.counts(f);
            List<Diagnostic> problems = DiagnosticJson.readAll(lists.take("diagnostics", counts, "a diagnostic"));
            Map<String, String> restored = new LinkedHashMap<>();
            for (Fields n : lists.take("restored", counts, "a restored namespace")) {
                restored.put(n.text("id"), n.text("name"));
            }
            RestoreResult result = !f.flag("ran", false) ? null : new RestoreResult(f.flag("success", false), problems,
                    restored, (int) f.numberOr("stepsRun", 0, 0, Integer.MAX_VALUE), f.decimalOr("millis", 0),
                    f.decimalOr("namespaceMillis", 0));
            return new RestoreOutcome(plan, result, problems, f.flag("cancelled", false));
        }

        /** A lost connection says what became of the restore on the far side. */
        private HostException withFarSide(HostException e) {
            if (e.code() != Errno.ECONNRESET && e.code() != Errno.ETIMEDOUT && e.code() != Errno.EPIPE) {
                return e;
            }
            String look = " (look with `netcr snapshot --host " + label + "`)";
            String more = dryRun ? "; a dry run changes nothing"
                    : !uploaded ? "; the image had not all arrived, so nothing was changed on " + label
                    : begun ? "; the restore goes on on " + label + " and completes or rolls back there on its own" + look
                    : "; the restore may still run on " + label + ": it completes or rolls back there on its own" + look;
            Diagnostic d = e.diagnostics().get(0);
            return new HostException(new Diagnostic(d.code(), d.severity(), d.subject(), Phase.RESTORE,
                    d.message() + more, d.kernelMessage()));
        }
    }
}
