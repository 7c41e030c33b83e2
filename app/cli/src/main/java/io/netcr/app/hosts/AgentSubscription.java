package io.netcr.app.hosts;

import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.DeltaJson;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Fields;
import io.netcr.app.protocol.ItemLists;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.Message;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.ProtocolException;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client's side of a {@code subscribe} request (docs/agent.md): reads the agent's updates on a thread of its
 * own and applies each to the snapshot it keeps, so that the watch sees the remote host as a fresh snapshot of it
 * would. The first update (the whole followed host) is awaited before {@link #start} returns, so that a refusal
 * (ENOSYS from an older agent, EPERM) is the caller's exception. Closing cancels the request there.
 */
final class AgentSubscription implements AutoCloseable {

    private final AgentConnection connection;
    private final Call call;
    private final LiveWatch watch;
    /** The followed host as the updates so far make it. */
    private Snapshot current;
    private Thread reader;
    private volatile boolean closing;

    private AgentSubscription(AgentConnection connection, Call call, LiveWatch watch) {
        this.connection = connection;
        this.call = call;
        this.watch = watch;
    }

    static AgentSubscription start(AgentConnection connection, List<String> netns, LiveWatch watch)
            throws HostException {
        Call call = connection.open(id -> new Requests.Subscribe(id, netns));
        AgentSubscription s = new AgentSubscription(connection, call, watch);
        try {
            s.current = s.next().snapshot; // the first: the whole host
        } catch (HostException e) {
            call.done();
            throw e;
        }
        watch.started(s.current);
        s.reader = new Thread(s::follow, "netcr-subscription-" + call.id);
        s.reader.setDaemon(true);
        s.reader.start();
        return s;
    }

    /** One update as it arrived: the namespaces it changes (or, first, the whole host) and the rest. */
    private record Arrived(Snapshot snapshot, LiveUpdate update) {
    }

    private void follow() {
        try {
            while (true) {
                Arrived a = next();
                if (a == null) {
                    return; // the result: cancelled as asked
                }
                current = a.update.applyTo(current);
                watch.updated(a.update, current);
            }
        } catch (HostException e) {
            if (!closing) {
                watch.ended(e);
            }
        } finally {
            call.done();
        }
    }

    /** The next update; null at the request's result. */
    private Arrived next() throws HostException {
        Payload payload = new Payload();
        ItemLists lists = new ItemLists(call.id);
        try {
            while (true) {
                Message m = call.next(Long.MAX_VALUE); // a followed host may stay quiet for days
                if (m instanceof Data d) {
                    payload.add(d);
                } else if (m instanceof Items i) {
                    lists.add(i);
                } else if (m instanceof Events.Update u) {
                    return update(payload, lists, new Fields(u.fields(), "an update"));
                } else if (m instanceof Events.Result) {
                    return null;
                } else if (m instanceof Events.Error e) {
                    throw new HostException(e.diagnostics());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String host = connection.label();
            throw HostException.of(Errno.ECANCELED, host, Phase.SNAPSHOT, "following " + host + " was stopped");
        } catch (ProtocolException e) {
            connection.giveUp();
            String host = connection.label();
            throw HostException.of(Errno.EPROTO, host, Phase.READ, "the agent on " + host + " sent an update this netcr "
                    + "cannot read: " + e.getMessage());
        }
    }

    private Arrived update(Payload payload, ItemLists lists, Fields f) throws ProtocolException {
        Map<String, Long> counts = Events.counts(f);
        List<Delta> deltas = new ArrayList<>();
        for (Fields d : lists.take("deltas", counts, "a delta")) {
            deltas.add(DeltaJson.read(d));
        }
        List<String> removed = new ArrayList<>();
        for (Fields r : lists.take("removed", counts, "a removed namespace")) {
            removed.add(r.text("id"));
        }
        byte[] json = payload.complete(f.number("size", 0, Protocol.MAX_PAYLOAD));
        ReadResult read = SnapshotJson.read(json, ReadMode.STRICT, connection.label());
        if (read.snapshot() == null) {
            throw new ProtocolException(Errno.EBADMSG, call.id, "the namespaces of an update cannot be read: "
                    + read.diagnostics());
        }
        List<Namespace> changed = read.snapshot().namespaces();
        return new Arrived(read.snapshot(), new LiveUpdate(changed, removed, deltas, f.flag("resync", false)));
    }

    @Override
    public void close() {
        closing = true;
        connection.sendQuietly(id -> new Requests.Cancel(id, call.id));
        if (reader != null && Thread.currentThread() != reader) {
            try {
                reader.join(5_000); // the agent answers a cancel at once; a lost connection ends the reader too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        call.done();
    }
}
