package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Items;
import io.netcr.app.protocol.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code recover}: {@code netcr recover} on this host — undo, or finish, the restore that did not finish, under
 * the restore lock (EBUSY at once while another restore holds it), or, dry, only say what it would do. What it did
 * comes as the list {@code actions} (each {@code {"text": ...}}), what went wrong as {@code diagnostics}, then a
 * result with the {@code kind} of the outcome and whether it succeeded. Like a restore, it runs to its end
 * whether or not the client stays.
 */
final class RecoverJob extends Job {

    private final Requests.Recover request;

    RecoverJob(Requests.Recover request, Host host, Outbox out) {
        super(request.id(), host, out);
        this.request = request;
    }

    @Override
    boolean changesTheHost() {
        return !request.dryRun();
    }

    @Override
    void work() throws HostException {
        String holder = "netcr agent recover" + (request.finish() ? " --finish" : "")
                + (request.holder().isEmpty() ? "" : ": " + printable(request.holder()));
        RecoveryOutcome o = host.recover(request.finish(), request.dryRun(), holder);
        List<Map<String, Object>> actions = o.actions().stream().map(a -> Map.<String, Object>of("text", a)).toList();
        Items.send(id, "actions", actions, out::post);
        sendDiagnostics(o.problems());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", o.kind().name());
        fields.put("success", o.success());
        if (o.leftover() != null) {
            fields.put("leftover", printable(o.leftover(), 2000));
        }
        fields.put("counts", Map.of("actions", (long) actions.size(), "diagnostics", (long) o.problems().size()));
        out.post(new Events.Result(id, fields));
    }
}
