package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.hosts.StepEvent;
import io.netcr.app.protocol.Data;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.PlanItems;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Errno;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.image.ImageReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code restore}: first the image arrives as data under the request's id (nothing runs until all of it has);
 * it is read and validated as a file would be; then the plan (a dry run stops there) and the restore itself,
 * through the {@link Host} — so it waits for, takes and gives back the restore lock, and completes or rolls back
 * whether or not the client is still there to hear it.
 */
final class RestoreJob extends Job {

    private final Requests.Restore request;
    private final ByteArrayOutputStream image = new ByteArrayOutputStream();
    private int nextSeq;

    RestoreJob(Requests.Restore request, Host host, Outbox out) {
        super(request.id(), host, out);
        this.request = request;
    }

    /** Takes one piece of the image; true when the image is complete. Throws when the piece is not the one due. */
    boolean receive(Data d) throws BadPiece {
        if (d.seq() != nextSeq) {
            throw new BadPiece("data piece " + d.seq() + " arrived where piece " + nextSeq + " was due");
        }
        if (image.size() + (long) d.bytes().length > request.size()) {
            throw new BadPiece("the image is bigger than the " + request.size() + " bytes the request announced");
        }
        nextSeq++;
        image.write(d.bytes(), 0, d.bytes().length);
        return image.size() == request.size();
    }

    /** A piece of the image that breaks the order or the size: the restore is dropped, nothing changed. */
    static final class BadPiece extends Exception {
        private static final long serialVersionUID = 1L;

        BadPiece(String message) {
            super(message);
        }
    }

    @Override
    boolean changesTheHost() {
        return !request.dryRun();
    }

    @Override
    void work() throws HostException {
        ReadResult read = ImageReader.read(image.toByteArray(), ReadMode.STRICT, "the image sent for restore");
        if (read.snapshot() == null) {
            finish(new RestoreOutcome(null, null, read.diagnostics(), false));
            return;
        }
        RestoreRequest req = new RestoreRequest(read.snapshot(), new RestoreOptions(request.renames(),
                request.prefix()), request.waitForLock(), "netcr agent" + (request.holder().isEmpty() ? ""
                : ": " + printable(request.holder())));
        if (request.dryRun()) {
            PlanItems.send(id, host.plan(req), out::post);
            out.post(new Events.Result(id, Map.of("counts", Map.of())));
            return;
        }
        finish(host.restore(req, new Watch(), cancellation));
    }

    private void finish(RestoreOutcome o) {
        sendDiagnostics(o.problems());
        List<Map<String, Object>> restored = new ArrayList<>();
        if (o.result() != null) {
            new TreeMap<>(o.result().namespaceNames()).forEach((from, to) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", from);
                m.put("name", to);
                restored.add(m);
            });
        }
        Items.send(id, "restored", restored, out::post);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cancelled", o.cancelled());
        fields.put("ran", o.result() != null);
        if (o.result() != null) {
            fields.put("success", o.result().success());
            fields.put("stepsRun", (long) o.result().stepsRun());
            fields.put("millis", o.result().millis());
            fields.put("namespaceMillis", o.result().namespaceMillis());
        }
        fields.put("counts", Map.of("diagnostics", (long) o.problems().size(), "restored", (long) restored.size()));
        out.post(new Events.Result(id, fields));
    }

    /** The restore's events, as messages; step events only when asked for, and dropped when the client lags. */
    private final class Watch implements RestoreWatch {
        @Override
        public void waiting(String holder) {
            out.post(new Events.Waiting(id, holder));
        }

        @Override
        public void begun() {
            out.post(new Events.Begun(id));
        }

        @Override
        public void planned(PlanSummary plan) {
            PlanItems.send(id, plan, out::post);
        }

        @Override
        public void step(StepEvent e) {
            out.postDroppable(new Events.Progress(id, e.undo(), e.number(), e.total(), e.text()));
        }

        @Override
        public boolean wantsSteps() {
            return request.progress();
        }
    }

    /** For {@link Session}: an upload that ends before its image is complete. */
    Events.Error abandoned(Errno code, String why) {
        return error(code, why + "; nothing was changed");
    }
}
