package io.netcr.app.services;

import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the checkpoint dialog needs of the host: a seam, so that view-model tests run without a kernel. */
public interface CheckpointEngine {

    /** A fresh snapshot of every namespace of this host. */
    Snapshot readHost() throws IOException;

    /**
     * Reads the host again and makes the image of these namespaces (by name, nsfs:INODE or pid:PID), with
     * the warnings of {@link CheckpointService#checkpoint}.
     */
    CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) throws IOException;

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
            public CheckpointResult checkpoint(List<String> specs, CheckpointOptions options) throws IOException {
                return CheckpointService.checkpoint(specs, false, options);
            }

            @Override
            public void write(Snapshot image, Path output) throws IOException {
                CheckpointService.write(image, output);
            }
        };
    }
}
