package io.netcr.model.plan;

import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a namespace made now on the restoring host has, read from one made for the purpose and thrown away
 * (see native-bridge's HostView): its own sysctls, and those of a device of each kind made in it. All the
 * namespaces a restore makes start so: IPv4's {@code conf/all} and {@code conf/default} are copied from the
 * host's, the rest are the kernel's defaults, and a new device takes its namespace's {@code conf/default}.
 * The planner writes only the image's keys that differ from these, so that the plan (and the journal that
 * holds it) names the few that matter; the step still compares each key before it writes it.
 *
 * <p>The host view carries it as one more namespace: never named, never init, with the id {@link #ID}, a
 * device named after each kind it probed, and those sysctls as its state.
 *
 * @param namespace    a new namespace's own keys (below /proc/sys/net)
 * @param deviceByKind per device kind ("loopback", "veth", "bridge"): a new device's keys (without the device)
 */
public record SysctlBaseline(Map<String, String> namespace, Map<String, Map<String, String>> deviceByKind) {

    /** The id of the host view's namespace that carries it. */
    public static final String ID = "baseline:new-namespace";

    public SysctlBaseline {
        namespace = Collections.unmodifiableMap(new TreeMap<>(namespace));
        Map<String, Map<String, String>> kinds = new TreeMap<>();
        deviceByKind.forEach((k, v) -> kinds.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        deviceByKind = Collections.unmodifiableMap(kinds);
    }

    /** The baseline a host view carries, if it has one (not when it could not make a namespace: no root). */
    public static Optional<SysctlBaseline> in(Snapshot host) {
        return host.namespace(ID).filter(Namespace::hasState)
                .map(n -> new SysctlBaseline(n.state().sysctls(), n.state().deviceSysctls()));
    }

    /** This baseline as the host view's extra namespace. */
    public Namespace asHostNamespace() {
        List<Device> devices = new ArrayList<>();
        int index = 1;
        for (String kind : deviceByKind.keySet()) {
            devices.add(Device.builder(index++, kind, kind).build());
        }
        return new Namespace(ID, List.of(), List.of(), false, devices, List.of(), Map.of(),
                new NamespaceState(List.of(), List.of(), namespace, deviceByKind, null));
    }
}
