package io.netcr.app.services;

import io.netcr.app.Version;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.monitor.LiveMonitor;
import java.io.IOException;
import java.util.Set;

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

    /**
     * The live monitor of this host (of every namespace, or of those named), started: its snapshot is the host
     * now, and {@code listener} hears every change from here on. The caller closes it.
     */
    public static LiveMonitor follow(Set<String> netns, LiveMonitor.Listener listener) throws IOException {
        return LiveMonitor.start(LiveMonitor.Options.defaults(Version.tool()).withOnly(netns), listener);
    }
}
