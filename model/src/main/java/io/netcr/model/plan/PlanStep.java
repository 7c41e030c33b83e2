package io.netcr.model.plan;

import io.netcr.model.Address;
import io.netcr.model.Route;
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
                    + (onlink ? " onlink" : "");
        }
    }
}
