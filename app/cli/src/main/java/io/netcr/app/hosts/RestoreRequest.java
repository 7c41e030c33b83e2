package io.netcr.app.hosts;

import io.netcr.model.Snapshot;
import io.netcr.model.plan.RestoreOptions;
import java.util.Objects;

/**
 * A restore as asked of a host.
 *
 * @param image       the image, read and validated here (an agent reads and validates it again, from its bytes)
 * @param options     renames and prefix
 * @param waitForLock wait for another restore to end instead of failing with EBUSY
 * @param holder      who asks, for the restore lock's holder text ("netcr restore x.netcr")
 */
public record RestoreRequest(Snapshot image, RestoreOptions options, boolean waitForLock, String holder) {

    public RestoreRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(options, "options");
        holder = holder == null ? "" : holder;
    }
}
