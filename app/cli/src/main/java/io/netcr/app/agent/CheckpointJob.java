package io.netcr.app.agent;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Requests;
import io.netcr.model.Errno;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.image.ImageWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code checkpoint}: the image of the namespaces named, made here, sent as data pieces; its warnings (or, when
 * refused, the reasons) as the list {@code diagnostics}; then a result with the image's size (none when refused).
 */
final class CheckpointJob extends Job {

    private final Requests.Checkpoint request;

    CheckpointJob(Requests.Checkpoint request, Host host, Outbox out) {
        super(request.id(), host, out);
        this.request = request;
    }

    @Override
    void work() throws HostException, InterruptedException {
        CheckpointResult result = host.checkpoint(request.netns(), request.all(),
                new CheckpointOptions(request.skipUnsupported(), request.maxAddresses()));
        byte[] image = null;
        if (result.image() != null) {
            try {
                image = ImageWriter.toBytes(result.image());
            } catch (IllegalArgumentException e) {
                out.post(error(Errno.EINVAL, "the checkpoint cannot be sent as an image: " + e.getMessage()));
                return;
            }
            if (!sendData(image)) {
                return;
            }
        }
        sendDiagnostics(result.diagnostics());
        Map<String, Object> fields = new LinkedHashMap<>();
        if (image != null) {
            fields.put("size", (long) image.length);
        }
        fields.put("counts", counts("diagnostics", result.diagnostics().size()));
        out.post(new Events.Result(id, fields));
    }
}
