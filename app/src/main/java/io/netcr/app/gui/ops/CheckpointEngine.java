package io.netcr.app.gui.ops;

import io.netcr.app.hosts.HostException;
import io.netcr.app.services.CheckpointService;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the checkpoint dialog needs of a host: a seam, so that view-model tests run without a kernel. */
public interface CheckpointEngine {

    /** A fresh snapshot of every namespace of the host. */
    Snapshot readHost() throws IOException;

    /**
     * Reads the host again and makes the image of these namespaces (by name, nsfs:INODE or pid:PID), with
     * the warnings of {@link CheckpointService#checkpoint}; refused (no image), the reasons.
     */
    CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) throws IOException;

    /** Writes the image atomically, here, whichever host it was made on. */
    void write(Snapshot image, Path output) throws IOException;

    /** This host in this process: the same calls as {@code netcr checkpoint}. */
    static CheckpointEngine system() {
        return on(HostAccess.local(RunDir.current()));
    }

    /**
     * The host {@code access} gives, as {@code netcr checkpoint --host} does it: the image is made there and
     * written here. A host that cannot be asked refuses the checkpoint with its diagnostics.
     */
    static CheckpointEngine on(HostAccess access) {
        return new CheckpointEngine() {
            @Override
            public Snapshot readHost() throws IOException {
                ReadResult r;
                try {
                    r = access.host().snapshot(List.of());
                } catch (HostException e) {
                    throw new IOException(e.diagnostics().get(0).message(), e);
                }
                if (r.snapshot() == null) {
                    throw new IOException(r.diagnostics().isEmpty() ? access.label() + " cannot be read"
                            : r.diagnostics().get(0).message());
                }
                return r.snapshot();
            }

            @Override
            public CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) {
                try {
                    return access.host().checkpoint(specs, false, options);
                } catch (HostException e) {
                    return new CheckpointResult(null, e.diagnostics());
                }
            }

            @Override
            public void write(Snapshot image, Path output) throws IOException {
                CheckpointService.write(image, output);
            }
        };
    }
}
