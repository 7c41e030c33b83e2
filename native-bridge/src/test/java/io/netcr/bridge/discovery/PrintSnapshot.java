package io.netcr.bridge.discovery;

import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;

/** A tiny entry point for tests that run discovery in another process (e.g. without root). */
public final class PrintSnapshot {

    private PrintSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        try (LiveDiscovery d = new LiveDiscovery("netcr test")) {
            Snapshot s = d.snapshot();
            for (Namespace n : s.namespaces()) {
                System.out.println("ns " + n.id() + " init=" + n.init() + " names=" + String.join(",", n.names())
                        + " devices=" + n.devices().size());
            }
            for (Diagnostic g : s.diagnostics()) {
                System.out.println("diag " + g.severity().word() + " " + g);
            }
        }
    }
}
