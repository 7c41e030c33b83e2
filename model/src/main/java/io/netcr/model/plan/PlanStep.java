package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import io.netcr.model.Sysctls;
import java.util.List;

/**
 * One change a restore makes, in the order it makes them. Each says what it does in the words of its
 * iproute2 equivalent, so that an admin reading a dry run knows exactly what will happen.
 */
public sealed interface PlanStep {

    /** The iproute2 command that would do the same. */
    String describe();

    /** The namespaces this step acts in. */
    List<TargetNs> targets();

    /** Creates a named namespace, bind-mounted under /run/netns as {@code ip netns add} does. */
    record CreateNamespace(String name) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(new TargetNs(name));
        }

        public String describe() {
            return "ip netns add " + name;
        }
    }

    /** Creates a veth pair with each end placed directly in its namespace. */
    record CreateVeth(LinkEnd end, LinkEnd peer) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(end.ns(), peer.ns());
        }

        public String describe() {
            return end.ns().ipPrefix() + " link add " + end.name() + end.ipOptions() + " type veth peer name "
                    + peer.name() + peer.ipOptions() + " netns " + (peer.ns().isRestorer() ? "(restorer)" : peer.ns().name());
        }
    }

    /** Creates a bridge. */
    record CreateBridge(LinkEnd bridge) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(bridge.ns());
        }

        public String describe() {
            return bridge.ns().ipPrefix() + " link add " + bridge.name() + bridge.ipOptions() + " type bridge";
        }
    }

    /** Sets MTU and/or MAC of a device that exists already (the loopback of a new namespace). */
    record SetLink(TargetNs ns, String device, String mac, int mtu) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " link set " + device + (mac != null ? " address " + mac : "") + (mtu > 0 ? " mtu " + mtu : "");
        }
    }

    /** Makes a device a port of a bridge. */
    record SetMaster(TargetNs ns, String device, String master) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " link set " + device + " master " + master;
        }
    }

    /** Adds an address; IPv6 addresses with IFA_F_NODAD, so they are usable at once (not "tentative"). */
    record AddAddress(TargetNs ns, String device, Address address, boolean nodad) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + (address.isInet6() ? " -6" : "") + " addr add " + address.cidr() + " dev " + device
                    + (address.scope().equals("global") ? "" : " scope " + address.scope())
                    + (address.label() != null && !address.label().equals(device) ? " label " + address.label() : "")
                    + (nodad ? " nodad" : "");
        }
    }

    /** Sets a device up. */
    record SetUp(TargetNs ns, String device) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " link set " + device + " up";
        }
    }

    /**
     * Adds a route. {@code onlink} when its device stays down, because the kernel refuses a gateway over
     * a link that is down ("Nexthop has invalid gateway") unless told the gateway is on the link.
     */
    record AddRoute(TargetNs ns, Route route, boolean onlink) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + (route.isInet6() ? " -6" : "") + " route add " + route.describe()
                    + (onlink && !route.isOnlink() ? " onlink" : "");
        }
    }

    // ---- a namespace's state (issue 15 §2): sysctls, firewall, rules, neighbours

    /**
     * One sysctl a restore writes when the namespace's value differs.
     *
     * @param key   its path below /proc/sys/net ({@code ipv4/conf/eth0/forwarding})
     * @param value the value to write; null for a secret the plan does not hold (a plan read back from a
     *              journal, which keeps no secrets)
     */
    record SysctlWrite(String key, String value) {
        public SysctlWrite {
            java.util.Objects.requireNonNull(key, "key");
        }

        /** {@code net.ipv4.ip_forward=1}, a secret as {@code (secret)}. */
        public String describe() {
            return Sysctls.dotted(key) + "=" + (value == null || Sysctls.isSecret(key) ? "(secret)" : value);
        }
    }

    /**
     * Writes sysctls of a namespace the restore made, in order, each only where it differs from what the
     * namespace has when the step runs (a key may have changed with one written before it: ip_forward
     * rewrites every device's forwarding). Through /proc/sys/net, on a thread in the namespace.
     */
    record SetSysctls(TargetNs ns, List<SysctlWrite> writes) implements PlanStep {
        /** Keys named in the iproute2 equivalent before "and N more". */
        static final int SHOWN = 8;

        public SetSysctls {
            writes = List.copyOf(writes);
        }

        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder("ip netns exec ").append(ns.name()).append(" sysctl -w");
            writes.stream().limit(SHOWN).forEach(w -> sb.append(' ').append(w.describe()));
            if (writes.size() > SHOWN) {
                sb.append(" ... and ").append(writes.size() - SHOWN).append(" more");
            }
            return sb.append(" (where they differ)").toString();
        }
    }

    /**
     * Loads a namespace's nftables ruleset in one transaction through libnftables: {@code commands} is the
     * JSON it is given (a flush of the ruleset, then every object of the image's listing).
     */
    record LoadFirewall(TargetNs ns, String commands, String summary) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return "ip netns exec " + ns.name() + " nft -j -f FILE (" + summary + ", one transaction)";
        }
    }

    /** Adds a policy rule (not one of the kernel's defaults, which a new namespace has). */
    record AddRule(TargetNs ns, PolicyRule rule) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " " + rule.command();
        }
    }

    /** Adds a permanent neighbour entry (after its device is up: a link going down flushes them). */
    record AddNeighbour(TargetNs ns, Neighbour neighbour) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder(ns.ipPrefix()).append(neighbour.family().equals("inet6") ? " -6" : "")
                    .append(" neigh add ").append(neighbour.address());
            if (neighbour.lladdr() != null) {
                sb.append(" lladdr ").append(neighbour.lladdr());
            }
            sb.append(" dev ").append(neighbour.device()).append(" nud permanent");
            neighbour.flags().forEach(f -> sb.append(' ').append(f));
            return sb.toString();
        }
    }
}
