package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Errno;
import io.netcr.model.ReadResult;
import io.netcr.model.image.ImageWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code snapshot}: the host's snapshot as an image in data pieces, then a result with its size. */
final class SnapshotJob extends Job {

    private final List<String> netns;

    SnapshotJob(Requests.Snapshot request, Host host, Outbox out) {
        super(request.id(), host, out);
        this.netns = request.netns();
    }

    @Override
    void work() throws HostException, InterruptedException {
        ReadResult read = host.snapshot(netns);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (read.snapshot() == null) {
            sendDiagnostics(read.diagnostics());
            fields.put("counts", counts("diagnostics", read.diagnostics().size()));
            out.post(new Events.Result(id, fields));
            return;
        }
        byte[] image;
        try {
            image = ImageWriter.toBytes(read.snapshot()); // its diagnostics travel inside
        } catch (IllegalArgumentException e) {
            out.post(error(Errno.EINVAL, "this host's snapshot cannot be sent as an image: " + e.getMessage()));
            return;
        }
        if (sendData(image)) {
            fields.put("size", (long) image.length);
            out.post(new Events.Result(id, fields));
        }
    }
}
