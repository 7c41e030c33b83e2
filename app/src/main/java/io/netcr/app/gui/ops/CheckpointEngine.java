package io.netcr.app.gui.ops;

import io.netcr.app.ops.CheckpointService;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.nio.file.Path;

/** What the checkpoint dialog needs of the host: a seam, so that view-model tests run without a kernel. */
public interface CheckpointEngine {

    /** A fresh snapshot of every namespace of this host. */
    Snapshot readHost() throws IOException;

    /** Writes the image atomically. */
    void write(Snapshot image, Path output) throws IOException;

    /** The real host, through {@link CheckpointService}: the same calls as {@code netcr checkpoint}. */
    static CheckpointEngine system() {
        return new CheckpointEngine() {
            @Override
            public Snapshot readHost() throws IOException {
                return CheckpointService.readHost();
            }

            @Override
            public void write(Snapshot image, Path output) throws IOException {
                CheckpointService.write(image, output);
            }
        };
    }
}
