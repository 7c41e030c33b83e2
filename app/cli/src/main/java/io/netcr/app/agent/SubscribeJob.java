package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.DeltaJson;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import io.netcr.model.live.LiveUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code subscribe}: follows the host (its live monitor) and sends every update as it comes, the first with the
 * whole followed snapshot, until the request is cancelled (then a result), the connection ends (the session
 * cancels it), or the monitor stops (then an error). While it runs the monitor holds a socket per namespace;
 * the namespace registry closes each the moment its namespace's last holder goes, so a subscription keeps no
 * deleted namespace alive (issue 19).
 */
final class SubscribeJob extends Job {

    private final List<String> netns;
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile HostException failure;
    private int updates;

    SubscribeJob(Requests.Subscribe request, Host host, Outbox out) {
        super(request.id(), host, out);
        this.netns = request.netns();
    }

    @Override
    void work() throws HostException, InterruptedException {
        cancellation.onCancel(over::countDown);
        try (AutoCloseable subscription = host.subscribe(netns, new Watch())) {
            over.await();
        } catch (HostException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // closing a subscription does not fail
        }
        if (failure != null) {
            throw failure;
        }
        out.post(new Events.Result(id, Map.of("updates", (long) updates)));
    }

    /** Sends what the host's monitor reports; called on its thread, one at a time. */
    private final class Watch implements LiveWatch {
        @Override
        public void started(Snapshot first) {
            send(first, List.of(), List.of(), true, true);
        }

        @Override
        public void updated(LiveUpdate update, Snapshot after) {
            send(new Snapshot(after.source(), update.changed(), List.of()), update.deltas().isEmpty()
                    ? List.of() : DeltaJson.toMaps(update.deltas()), update.removed(), false, update.resync());
        }

        @Override
        public void ended(HostException why) {
            failure = why;
            over.countDown();
        }
    }

    private synchronized void send(Snapshot changed, List<Map<String, Object>> deltas, List<String> removed,
                                   boolean first, boolean resync) {
        if (cancellation.isCancelled()) {
            return;
        }
        byte[] json = SnapshotJson.toJson(changed).getBytes(StandardCharsets.UTF_8);
        try {
            int seq = 0;
            for (int at = 0; at < json.length; at += Protocol.CHUNK_BYTES) {
                out.postData(new Data(id, seq++, Arrays.copyOfRange(json, at, Math.min(json.length,
                        at + Protocol.CHUNK_BYTES))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Items.send(id, "deltas", deltas, out::post);
        Items.send(id, "removed", removed.stream().map(r -> Map.<String, Object>of("id", r)).toList(), out::post);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("size", (long) json.length);
        fields.put("counts", Map.of("deltas", (long) deltas.size(), "removed", (long) removed.size()));
        fields.put("first", first);
        fields.put("resync", resync);
        out.post(new Events.Update(id, fields));
        updates++;
    }
}
