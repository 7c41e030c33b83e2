package io.netcr.app.services;

import io.netcr.app.Version;
import io.netcr.bridge.discovery.LiveDiscovery;

/**
 * The one way netcr's services, command line and workbench open discovery of this host, so that every
 * snapshot names the same maker and every user of discovery is set up alike.
 */
public final class HostDiscovery {

    private HostDiscovery() {
    }

    /** A new discovery of this host; the caller closes it (which lets go of every namespace it holds). */
    public static LiveDiscovery open() {
        return new LiveDiscovery(Version.tool());
    }
}
