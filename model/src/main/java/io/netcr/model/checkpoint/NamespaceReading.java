package io.netcr.model.checkpoint;

import io.netcr.model.Errno;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a checkpoint asked the kernel about one namespace beyond what a snapshot reads, at checkpoint time
 * only: its policy rules, its routes in every table, its permanent neighbours, its sysctls, its nftables
 * ruleset, and what it holds that a restore cannot make (conntrack entries, qdiscs, sockets). Or why it
 * could not be asked at all. {@link CheckpointStates} turns it into the image's
 * {@link io.netcr.model.NamespaceState} and the checkpoint's warnings.
 */
public sealed interface NamespaceReading {

    /** The namespace's id ({@code nsfs:INODE}), as in the snapshot. */
    String namespaceId();

    /**
     * What was read.
     *
     * @param rules              every rule the kernel listed, its defaults included
     * @param routes             the routes of every table but those the kernel makes (proto kernel)
     * @param unrestorableRoutes routes left out because a restore could not make them as they are
     *                           (multipath, nexthop objects, encapsulation), each as text with the reason
     * @param neighbours         the permanent neighbours
     * @param sysctls            the namespace's own keys (see NamespaceState)
     * @param deviceSysctls      per device, its keys
     * @param firewall           the nftables ruleset as libnftables lists it in JSON; null when it has no table
     * @param firewallRefusal    why libnftables would not load that ruleset again (its error text), or null
     * @param unrestorable       what it holds that a restore cannot make
     * @param gaps               parts that could not be read (the rest was)
     */
    record Found(String namespaceId, List<PolicyRule> rules, List<Route> routes, List<String> unrestorableRoutes,
                 List<Neighbour> neighbours, Map<String, String> sysctls, Map<String, Map<String, String>> deviceSysctls,
                 String firewall, String firewallRefusal, Unrestorable unrestorable, List<Gap> gaps)
            implements NamespaceReading {
        public Found {
            Objects.requireNonNull(namespaceId, "namespaceId");
            rules = List.copyOf(rules);
            routes = List.copyOf(routes);
            unrestorableRoutes = List.copyOf(unrestorableRoutes);
            neighbours = List.copyOf(neighbours);
            sysctls = Map.copyOf(sysctls);
            deviceSysctls = Map.copyOf(deviceSysctls);
            unrestorable = unrestorable == null ? Unrestorable.NONE : unrestorable;
            gaps = List.copyOf(gaps);
        }
    }

    /** The namespace could not be asked at all (it vanished, no permission, a failed dump). */
    record Unknown(String namespaceId, Errno code, String reason) implements NamespaceReading {
        public Unknown {
            Objects.requireNonNull(namespaceId, "namespaceId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What a namespace holds that belongs to running traffic and processes, which a restore cannot make.
     *
     * @param conntrackEntries entries of its connection tracking table; -1 when unknown (nf_conntrack not loaded)
     * @param qdiscs           the queueing disciplines someone added ({@code netem 8001: dev veth0 root}); the
     *                         kernel's defaults (handle 0) are left out
     * @param sockets          its sockets by kind ("tcp", "udp", "raw", "unix", "packet"), kinds without any left out
     */
    record Unrestorable(long conntrackEntries, List<String> qdiscs, Map<String, Integer> sockets) {
        public static final Unrestorable NONE = new Unrestorable(-1, List.of(), Map.of());

        public Unrestorable {
            qdiscs = List.copyOf(qdiscs);
            sockets = Map.copyOf(sockets);
        }
    }

    /** A part of the namespace that could not be read: what, the code and why. */
    record Gap(String what, Errno code, String reason) {
    }
}
