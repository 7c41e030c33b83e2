package io.netcr.bridge.restore;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.bridge.sysctl.SysctlFiles;
import io.netcr.model.Device;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.SysctlBaseline;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a namespace made now has ({@link SysctlBaseline}), read from one made for the purpose: a thread
 * unshares a new network namespace, makes a veth pair and a bridge in it, reads its sysctls and theirs (and
 * lo's), and goes home; nothing holds the namespace then, so the kernel removes it with its devices. It is never
 * named and never under /run/netns. Equivalent to {@code unshare -n sh -c 'ip link add ...; sysctl -a'}.
 */
final class SysctlBaselineProbe {

    private SysctlBaselineProbe() {
    }

    /** The baseline, or empty when no namespace can be made here (not root: EPERM) or read. */
    static Optional<SysctlBaseline> read() {
        SysctlBaseline[] out = {null};
        Thread t = new Thread(() -> out[0] = inNewNamespace(), "netcr-sysctl-baseline");
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.ofNullable(out[0]);
    }

    private static SysctlBaseline inNewNamespace() {
        int home;
        try {
            home = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        } catch (NativeException e) {
            return null;
        }
        try {
            Sys.unshare(Sys.CLONE_NEWNET);
        } catch (NativeException e) {
            Sys.closeQuietly(home);
            return null;
        }
        try (RtnlSocket s = RtnlSocket.open()) {
            TargetNs here = new TargetNs("baseline");
            request(s, RestoreMessages.createVeth(new LinkEnd(here, "v0", 0, null, 0), -1,
                    new LinkEnd(here, "v1", 0, null, 0), -1));
            request(s, RestoreMessages.createBridge(new LinkEnd(here, "br0", 0, null, 0)));
            SysctlFiles.Values v = new SysctlFiles().readAll(SysctlFiles.layout(), List.of("lo", "v0", "br0"));
            Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
            put(byKind, Device.LOOPBACK, v.devices().get("lo"));
            put(byKind, Device.VETH, v.devices().get("v0"));
            put(byKind, Device.BRIDGE, v.devices().get("br0"));
            return new SysctlBaseline(v.namespace(), byKind);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            try {
                Sys.setns(home, Sys.CLONE_NEWNET);
            } catch (NativeException e) {
                // the thread ends now all the same, and the namespace with it
            }
            Sys.closeQuietly(home);
        }
    }

    private static void put(Map<String, Map<String, String>> byKind, String kind, Map<String, String> keys) {
        if (keys != null) {
            byKind.put(kind, keys);
        }
    }

    private static void request(RtnlSocket s, RestoreMessages.Request r) throws IOException {
        s.request(r.type(), r.flags() | io.netcr.bridge.netlink.Nl.NLM_F_ACK, r.body(), r.attributes());
    }
}
