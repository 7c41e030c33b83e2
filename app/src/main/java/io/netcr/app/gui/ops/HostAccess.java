package io.netcr.app.gui.ops;

import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.LocalHost;
import io.netcr.bridge.restore.journal.RunDir;

/**
 * The host a dialog works on, found when the work starts: this host in process, this host through the privilege
 * helper's agent once it runs, or a remote host's agent (whose connection may have been made again since the
 * dialog opened). A {@link HostException} says the host cannot be asked now (not connected, lost).
 */
public interface HostAccess {

    /** How messages name the host: "this host", "web2". */
    String label();

    /** The host to ask now. */
    Host host() throws HostException;

    /** This host in this process, restoring with its lock and journal in {@code dir}. */
    static HostAccess local(RunDir dir) {
        return new HostAccess() {
            @Override
            public String label() {
                return LocalHost.LABEL;
            }

            @Override
            public Host host() {
                return new LocalHost(dir);
            }
        };
    }
}
