package io.netcr.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a checkpoint records of a namespace beyond its devices, addresses and routes: its policy rules, its
 * permanent neighbours, its sysctls and its firewall. A live snapshot never reads it (a refresh of a
 * thousand namespaces must not pay for it): {@link Namespace#state()} is null there, and in images made
 * before netcr recorded it.
 *
 * @param rules          every policy rule the kernel listed, IPv4 and IPv6, the kernel's defaults included
 * @param neighbours     the permanent neighbour entries ({@code ip neigh ... nud permanent})
 * @param sysctls        the namespace's own sysctls: every writable key under /proc/sys/net/ipv4 and
 *                       /proc/sys/net/ipv6 but the per-device ones, by path below /proc/sys/net
 *                       ({@code ipv4/ip_forward}, {@code ipv4/conf/all/forwarding},
 *                       {@code ipv6/neigh/default/gc_thresh1}), values as the kernel prints them (no
 *                       trailing newline), sorted
 * @param deviceSysctls  per device name: its keys (under {@code conf/DEV} and {@code neigh/DEV}) by their
 *                       path without the device ({@code ipv4/conf/forwarding}, {@code ipv6/neigh/retrans_time_ms})
 * @param firewall       the nftables ruleset, or null when the namespace has none
 */
public record NamespaceState(List<PolicyRule> rules, List<Neighbour> neighbours, Map<String, String> sysctls,
                             Map<String, Map<String, String>> deviceSysctls, Firewall firewall) {

    /** Recorded, and empty. */
    public static final NamespaceState EMPTY = new NamespaceState(List.of(), List.of(), Map.of(), Map.of(), null);

    public NamespaceState {
        rules = rules == null ? List.of() : List.copyOf(rules);
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        sysctls = sorted(sysctls);
        Map<String, Map<String, String>> devices = new TreeMap<>();
        if (deviceSysctls != null) {
            deviceSysctls.forEach((dev, keys) -> devices.put(dev, sorted(keys)));
        }
        deviceSysctls = Collections.unmodifiableMap(devices);
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** The rules a restore makes: all but the kernel's defaults, which a new namespace has already. */
    public List<PolicyRule> ownRules() {
        return rules.stream().filter(r -> !r.isKernelDefault()).toList();
    }

    /** Every key, per-device ones as full paths below /proc/sys/net ({@code ipv4/conf/eth0/forwarding}). */
    public int sysctlCount() {
        return sysctls.size() + deviceSysctls.values().stream().mapToInt(Map::size).sum();
    }

    public NamespaceState withRules(List<PolicyRule> newRules) {
        return new NamespaceState(newRules, neighbours, sysctls, deviceSysctls, firewall);
    }

    public NamespaceState withNeighbours(List<Neighbour> newNeighbours) {
        return new NamespaceState(rules, newNeighbours, sysctls, deviceSysctls, firewall);
    }

    public NamespaceState withSysctls(Map<String, String> newSysctls, Map<String, Map<String, String>> newDeviceSysctls) {
        return new NamespaceState(rules, neighbours, newSysctls, newDeviceSysctls, firewall);
    }

    public NamespaceState withFirewall(Firewall newFirewall) {
        return new NamespaceState(rules, neighbours, sysctls, deviceSysctls, newFirewall);
    }

    /** The same state with only these devices' sysctls (those recorded as skipped are not restored). */
    public NamespaceState keepingDevices(Set<String> names) {
        Map<String, Map<String, String>> kept = new LinkedHashMap<>(deviceSysctls);
        kept.keySet().retainAll(names);
        return new NamespaceState(rules, neighbours, sysctls, kept, firewall);
    }
}
