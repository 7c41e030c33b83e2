package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import io.netcr.model.Sysctls;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /**
     * Creates a device of a kind with settings, in one RTM_NEWLINK with IFLA_INFO_DATA: macvlan, macvtap, vxlan,
     * ifb, dummy, vlan, ipvlan, the IP tunnels, bond ({@link io.netcr.model.link.LinkKinds}). A device on a parent
     * in another namespace (the restorer's eth0) is created from the parent's namespace and placed in its own
     * ({@code ip link add link P name N netns NS ...}), as the kernel looks the parent up where the request is
     * made.
     *
     * @param link   name, wanted ifindex, MAC (null: the kernel's, or the parent's) and MTU, where it goes
     * @param kind   IFLA_INFO_KIND
     * @param data   its settings, by the kind's {@link io.netcr.model.link.KindSpec}
     * @param parent the device it sits on, or null
     */
    record CreateLink(LinkEnd link, String kind, Map<String, String> data, LinkParent parent) implements PlanStep {
        public CreateLink {
            data = Map.copyOf(data);
        }

        public List<TargetNs> targets() {
            return parent == null || parent.ns().equals(link.ns()) ? List.of(link.ns()) : List.of(link.ns(), parent.ns());
        }

        /** Where the request is made: the parent's namespace, so that the kernel finds the parent there. */
        public TargetNs carrier() {
            return parent != null ? parent.ns() : link.ns();
        }

        public String describe() {
            String settings = io.netcr.model.link.LinkKinds.spec(kind).map(s -> s.ipText(new TreeMap<>(data)))
                    .orElse("");
            boolean elsewhere = !carrier().equals(link.ns());
            return carrier().ipPrefix() + " link add" + (parent != null ? " link " + parent.name() : "") + " name "
                    + link.name() + link.ipOptions()
                    + (elsewhere ? " netns " + (link.ns().isRestorer() ? "(restorer)" : link.ns().name()) : "")
                    + " type " + kind + settings;
        }
    }

    /**
     * Creates a persistent tun or tap device inside its namespace through /dev/net/tun (TUNSETIFF, TUNSETOWNER,
     * TUNSETGROUP, TUNSETPERSIST): rtnetlink cannot make one. Its MAC and MTU follow as a {@link SetLink}.
     *
     * @param tun  where, its name and wanted ifindex (TUNSETIFINDEX); MAC and MTU are not used here
     * @param data its settings: type, owner, group, pi, vnet_hdr, multi_queue
     */
    record CreateTun(LinkEnd tun, Map<String, String> data) implements PlanStep {
        public CreateTun {
            data = Map.copyOf(data);
        }

        public List<TargetNs> targets() {
            return List.of(tun.ns());
        }

        public String describe() {
            String settings = io.netcr.model.link.LinkKinds.spec("tun").map(s -> s.ipText(new TreeMap<>(data)))
                    .orElse("");
            return tun.ns().ipPrefix() + " tuntap add dev " + tun.name() + settings;
        }
    }

    /**
     * Sets a device's IPv6 address generation mode over rtnetlink (IFLA_AF_SPEC/AF_INET6/
     * IFLA_INET6_ADDR_GEN_MODE), never through the sysctl, which would make the kernel generate a link-local
     * address at once. A restore sets {@code none} right after creation, so that no link-local address appears
     * but the image's own (added with nodad); the image's mode is set again as the device comes up.
     */
    record SetAddrGenMode(TargetNs ns, String device, String mode) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " link set " + device + " addrgenmode " + mode;
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

    /**
     * Sets a device up and then, in the same request, its IPv6 address generation mode ({@code addrGenMode}, null
     * to leave it): the kernel applies IFLA_AF_SPEC after the flags, so the device comes up under the mode
     * {@code none} set at its creation (no link-local address of the kernel's) and keeps the image's mode after.
     */
    record SetUp(TargetNs ns, String device, String addrGenMode) implements PlanStep {
        public SetUp(TargetNs ns, String device) {
            this(ns, device, null);
        }

        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " link set " + device + " up" + (addrGenMode != null ? " addrgenmode " + addrGenMode : "");
        }
    }

    /**
     * Gives an IPv6 address the image's flags once its device is up ({@code ip addr replace}, RTM_NEWADDR with
     * NLM_F_REPLACE): the restore added it with nodad, so that it was never tentative, but the address that was
     * checkpointed had no nodad. The kernel rewrites the flags of an existing address without starting DAD again
     * (addrconf.c, inet6_addr_modify), so the address stays usable and shows exactly as it was.
     */
    record SetAddressFlags(TargetNs ns, String device, Address address) implements PlanStep {
        public List<TargetNs> targets() {
            return List.of(ns);
        }

        public String describe() {
            return ns.ipPrefix() + " -6 addr replace " + address.cidr() + " dev " + device
                    + (address.scope().equals("global") ? "" : " scope " + address.scope());
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
            Objects.requireNonNull(key, "key");
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
