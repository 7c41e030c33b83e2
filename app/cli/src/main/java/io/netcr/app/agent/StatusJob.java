package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostStatus;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Requests;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code status}: how restores on this host stand, from its restore journal — a restore that did not finish
 * ({@code leftover}), one running now ({@code running}), a journal that cannot be read ({@code damaged}), how the
 * last one ended ({@code last}) — each a sentence, absent when there is nothing to say. A client asks it on
 * connecting, so that a restore that a lost connection left half-way is offered for recovery.
 */
final class StatusJob extends Job {

    StatusJob(Requests.Status request, Host host, Outbox out) {
        super(request.id(), host, out);
    }

    @Override
    void work() throws HostException {
        HostStatus s = host.status();
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "leftover", s.leftover());
        put(fields, "running", s.running());
        put(fields, "damaged", s.damaged());
        put(fields, "last", s.lastOutcome());
        out.post(new Events.Result(id, fields));
    }

    private static void put(Map<String, Object> fields, String name, String text) {
        if (text != null) {
            fields.put(name, printable(text, 2000));
        }
    }
}
