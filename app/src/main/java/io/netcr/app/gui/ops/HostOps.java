package io.netcr.app.gui.ops;

/**
 * What the checkpoint, restore and recovery dialogs work with on one host.
 *
 * @param label how messages name the host: "this host", "web2"
 */
public record HostOps(String label, CheckpointEngine checkpoint, RestoreEngine restore, RecoveryEngine recovery) {

    /** Every dialog on the host {@code access} gives, through its {@link io.netcr.app.hosts.Host}. */
    public static HostOps on(HostAccess access) {
        return new HostOps(access.label(), CheckpointEngine.on(access), RestoreEngine.on(access),
                RecoveryEngine.on(access));
    }
}
