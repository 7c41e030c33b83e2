package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.IfAddrMsg;
import io.netcr.bridge.netlink.IfInfoMsg;
import io.netcr.bridge.netlink.Ifa;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.NetlinkStruct;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtMsg;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.bridge.netlink.map.kind.KindCodec;
import io.netcr.bridge.netlink.map.kind.KindCodecs;
import io.netcr.model.Address;
import io.netcr.model.LinkConfig;
import io.netcr.model.IfaFlags;
import io.netcr.model.IpAddress;
import io.netcr.model.IpPrefix;
import io.netcr.model.Route;
import io.netcr.model.RtScope;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The rtnetlink requests a restore sends, as data: pure functions from plan values (and namespace
 * descriptors) to messages, so that their bytes are tested without a kernel. Each says its iproute2
 * equivalent.
 */
public final class RestoreMessages {

    /** One request: message type, header flags beyond NLM_F_REQUEST|NLM_F_ACK, fixed struct, attributes. */
    public record Request(int type, int flags, NetlinkStruct body, AttributeTree attributes) {
    }

    /** linux/netlink.h, for NEW requests: replace an existing object (NLM_F_ROOT's value, on GET requests). */
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int IFLA_NET_NS_FD = 28;
    public static final int VETH_INFO_PEER = 1;
    public static final int RTNH_F_ONLINK = 4;
    public static final int IFA_F_NODAD = Ifa.IFA_F_NODAD;

    /** Address flags a restore can ask for; the others the kernel sets by itself (permanent, secondary, ...). */
    private static final List<String> SETTABLE_FLAGS = List.of("nodad", "noprefixroute", "mngtmpaddr", "autojoin", "home");

    private RestoreMessages() {
    }

    /** What turning a plan step into its request needs of the run: namespace descriptors and ifindexes. */
    public interface Targets {

        /** A descriptor of the namespace (for IFLA_NET_NS_FD). */
        int nsFd(TargetNs ns);

        /** The ifindex of a device in a namespace, known or asked of the kernel. */
        int ifindex(TargetNs ns, String device) throws IOException;
    }

    /** The request of a plan step that is one rtnetlink request (every kind but CreateNamespace and CreateTun). */
    public static Request forStep(PlanStep step, Targets t) throws IOException {
        if (step instanceof PlanStep.CreateVeth v) {
            return createVeth(v.end(), t.nsFd(v.end().ns()), v.peer(), t.nsFd(v.peer().ns()));
        }
        if (step instanceof PlanStep.CreateBridge b) {
            return createBridge(b.bridge());
        }
        if (step instanceof PlanStep.CreateLink l) {
            boolean elsewhere = !l.carrier().equals(l.link().ns());
            int parent = l.parent() == null ? 0 : t.ifindex(l.parent().ns(), l.parent().name());
            return createLink(l, elsewhere ? t.nsFd(l.link().ns()) : -1, parent);
        }
        if (step instanceof PlanStep.SetAddrGenMode g) {
            return setAddrGenMode(g.device(), g.mode());
        }
        if (step instanceof PlanStep.SetLink s) {
            return setLink(s.device(), s.mac(), s.mtu());
        }
        if (step instanceof PlanStep.SetMaster m) {
            return setMaster(m.device(), t.ifindex(m.ns(), m.master()));
        }
        if (step instanceof PlanStep.AddAddress a) {
            return addAddress(t.ifindex(a.ns(), a.device()), a.address(), a.nodad());
        }
        if (step instanceof PlanStep.SetAddressFlags f) {
            return replaceAddress(t.ifindex(f.ns(), f.device()), f.address());
        }
        if (step instanceof PlanStep.SetUp u) {
            return setUp(u.device(), u.addrGenMode());
        }
        if (step instanceof PlanStep.AddRoute r) {
            int oif = r.route().device() != null ? t.ifindex(r.ns(), r.route().device()) : 0;
            return addRoute(r.route(), oif, r.onlink());
        }
        if (step instanceof PlanStep.AddRule r) {
            return StateMessages.addRule(r.rule());
        }
        if (step instanceof PlanStep.AddNeighbour n) {
            return StateMessages.addNeighbour(t.ifindex(n.ns(), n.neighbour().device()), n.neighbour());
        }
        throw new IllegalArgumentException("not one rtnetlink request: " + step.describe());
    }

    /** The namespace whose socket carries a step's request (for a veth: its first end's). */
    public static TargetNs carrier(PlanStep step) {
        if (step instanceof PlanStep.CreateVeth v) {
            return v.end().ns();
        }
        if (step instanceof PlanStep.CreateBridge b) {
            return b.bridge().ns();
        }
        if (step instanceof PlanStep.CreateLink l) {
            return l.carrier();
        }
        return step.targets().get(0);
    }

    /**
     * A veth pair, each end created directly in its namespace: {@code ip link add NAME [index N] [address A]
     * [mtu M] netns NS type veth peer name PEER [index N] [address A] [mtu M] netns NS2}. Always
     * NLM_F_CREATE|NLM_F_EXCL: without EXCL a wanted ifindex that exists would modify that device.
     */
    public static Request createVeth(LinkEnd end, int endNsFd, LinkEnd peer, int peerNsFd) {
        AttributeTree a = linkAttributes(end, endNsFd);
        AttributeTree info = a.addNest(Ifla.IFLA_LINKINFO);
        info.addString(Ifla.IFLA_INFO_KIND, "veth");
        AttributeTree data = info.addNest(Ifla.IFLA_INFO_DATA);
        data.add(VETH_INFO_PEER, peerPayload(peer, peerNsFd));
        return new Request(Nl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, new IfInfoMsg(0, 0, end.ifindex(), 0, 0), a);
    }

    /** VETH_INFO_PEER holds a struct ifinfomsg (the peer's wanted ifindex) followed by the peer's attributes. */
    static byte[] peerPayload(LinkEnd peer, int peerNsFd) {
        AttributeTree pa = linkAttributes(peer, peerNsFd);
        IfInfoMsg head = new IfInfoMsg(0, 0, peer.ifindex(), 0, 0);
        ByteBuffer b = ByteBuffer.allocate(IfInfoMsg.SIZE + pa.packedLength()).order(ByteOrder.nativeOrder());
        head.pack(b);
        pa.pack(b);
        return b.array();
    }

    private static AttributeTree linkAttributes(LinkEnd end, int nsFd) {
        AttributeTree a = new AttributeTree();
        a.addString(Ifla.IFLA_IFNAME, end.name());
        if (end.mac() != null) {
            a.add(Ifla.IFLA_ADDRESS, mac(end.mac()));
        }
        if (end.mtu() > 0) {
            a.addU32(Ifla.IFLA_MTU, end.mtu());
        }
        if (nsFd >= 0) {
            a.addU32(IFLA_NET_NS_FD, nsFd);
        }
        return a;
    }

    /** {@code ip link add NAME [index N] [address A] [mtu M] type bridge}, sent in the bridge's namespace. */
    public static Request createBridge(LinkEnd bridge) {
        AttributeTree a = linkAttributes(bridge, -1);
        a.addNest(Ifla.IFLA_LINKINFO).addString(Ifla.IFLA_INFO_KIND, "bridge");
        return new Request(Nl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, new IfInfoMsg(0, 0, bridge.ifindex(), 0, 0), a);
    }

    /**
     * {@code ip link add [link PARENT] name NAME [index N] [address A] [mtu M] [netns NS] type KIND ...}: the
     * kind's settings in IFLA_LINKINFO/IFLA_INFO_DATA through its codec, the parent by its ifindex in the
     * namespace the request is sent in. {@code nsFd} places the device in another namespace than the sender's
     * (-1: the sender's). Always NLM_F_CREATE|NLM_F_EXCL.
     */
    public static Request createLink(PlanStep.CreateLink step, int nsFd, int parentIndex) {
        LinkEnd end = step.link();
        KindCodec codec = KindCodecs.of(step.kind()).orElseThrow(() ->
                new IllegalArgumentException("no rtnetlink codec for kind " + step.kind()));
        AttributeTree a = linkAttributes(end, nsFd);
        AttributeTree info = a.addNest(Ifla.IFLA_LINKINFO);
        info.addString(Ifla.IFLA_INFO_KIND, step.kind());
        AttributeTree data = new AttributeTree();
        codec.encode(step.data(), data);
        if (step.parent() != null) {
            codec.encodeParent(parentIndex, a, data);
        }
        if (data.size() > 0) {
            info.addNest(Ifla.IFLA_INFO_DATA, data);
        }
        return new Request(Nl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, new IfInfoMsg(0, 0, end.ifindex(), 0, 0), a);
    }

    /**
     * {@code ip link set NAME addrgenmode MODE}: IFLA_AF_SPEC / AF_INET6 / IFLA_INET6_ADDR_GEN_MODE, which sets the
     * mode without generating an address (the sysctl would).
     */
    public static Request setAddrGenMode(String name, String mode) {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, name);
        addAddrGenMode(a, mode);
        return new Request(Nl.RTM_NEWLINK, 0, new IfInfoMsg(0, 0, 0, 0, 0), a);
    }

    private static void addAddrGenMode(AttributeTree a, String mode) {
        int number = LinkConfig.ADDR_GEN_MODES.indexOf(mode);
        if (number < 0) {
            throw new IllegalArgumentException("not an address generation mode: " + mode);
        }
        a.addNest(Ifla.IFLA_AF_SPEC).addNest(Nl.AF_INET6).addU8(Ifla.IFLA_INET6_ADDR_GEN_MODE, number);
    }

    /** {@code ip link set NAME [address A] [mtu M]}: the device is found by name. */
    public static Request setLink(String name, String mac, int mtu) {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, name);
        if (mac != null) {
            a.add(Ifla.IFLA_ADDRESS, mac(mac));
        }
        if (mtu > 0) {
            a.addU32(Ifla.IFLA_MTU, mtu);
        }
        return new Request(Nl.RTM_NEWLINK, 0, new IfInfoMsg(0, 0, 0, 0, 0), a);
    }

    /** {@code ip link set NAME master M}, with the master's ifindex. */
    public static Request setMaster(String name, int masterIndex) {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, name).addU32(Ifla.IFLA_MASTER, masterIndex);
        return new Request(Nl.RTM_NEWLINK, 0, new IfInfoMsg(0, 0, 0, 0, 0), a);
    }

    /** {@code ip link set NAME up}. */
    public static Request setUp(String name) {
        return setUp(name, null);
    }

    /**
     * {@code ip link set NAME up [addrgenmode MODE]}: the kernel changes the flags before it applies IFLA_AF_SPEC,
     * so the device comes up under the mode it had (none) and gets {@code mode} after, generating nothing.
     */
    public static Request setUp(String name, String addrGenMode) {
        AttributeTree a = new AttributeTree().addString(Ifla.IFLA_IFNAME, name);
        if (addrGenMode != null) {
            addAddrGenMode(a, addrGenMode);
        }
        return new Request(Nl.RTM_NEWLINK, 0, new IfInfoMsg(0, 0, 0, Ifla.IFF_UP, Ifla.IFF_UP), a);
    }

    /** {@code ip link del NAME}, by ifindex: the device found to be the restore's, not whatever has its name now. */
    public static Request deleteLink(int ifindex) {
        return new Request(Nl.RTM_DELLINK, 0, new IfInfoMsg(0, 0, ifindex, 0, 0), new AttributeTree());
    }

    /** {@code ip link show NAME} (no ACK flag needed: the reply is the answer). */
    public static Request getLink(String name) {
        return new Request(Nl.RTM_GETLINK, 0, new IfInfoMsg(0, 0, 0, 0, 0),
                new AttributeTree().addString(Ifla.IFLA_IFNAME, name));
    }

    /**
     * {@code ip addr add CIDR dev D [scope S] [label L] [nodad]}: IFA_LOCAL and IFA_ADDRESS both the
     * address (no point-to-point peer), full flags in IFA_FLAGS.
     */
    public static Request addAddress(int ifindex, Address address, boolean nodad) {
        return address(Nl.RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, ifindex, address, nodad);
    }

    /** {@code ip addr replace CIDR dev D}: an existing address gets these flags (and no nodad unless said). */
    public static Request replaceAddress(int ifindex, Address address) {
        return address(Nl.RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, ifindex, address, false);
    }

    /** {@code ip addr del CIDR dev D}. */
    public static Request deleteAddress(int ifindex, Address address) {
        return address(Nl.RTM_DELADDR, 0, ifindex, address, false);
    }

    private static Request address(int type, int flags, int ifindex, Address address, boolean nodad) {
        int family = address.isInet6() ? Nl.AF_INET6 : Nl.AF_INET;
        int bits = 0;
        for (String f : address.flags()) {
            if (SETTABLE_FLAGS.contains(f)) {
                bits |= IfaFlags.bit(f).orElse(0);
            }
        }
        if (nodad) {
            bits |= IFA_F_NODAD;
        }
        byte[] ip = ip(address.address());
        AttributeTree a = new AttributeTree().add(Ifa.IFA_LOCAL, ip).add(Ifa.IFA_ADDRESS, ip);
        if (!address.isInet6() && address.label() != null) {
            a.addString(Ifa.IFA_LABEL, address.label());
        }
        if (type == Nl.RTM_NEWADDR) {
            a.addU32(Ifa.IFA_FLAGS, bits);
        }
        int scope = RtScope.number(address.scope()).orElse(0);
        return new Request(type, flags, new IfAddrMsg(family, address.prefixlen(), bits & 0xff, scope, ifindex), a);
    }

    /**
     * {@code ip route add [TYPE] DST [tos T] [via GW] [dev D] [table T] [metric M] [proto P] [scope S] [src PREF]
     * [onlink] [pref P] [mtu N ...]}.
     */
    public static Request addRoute(Route route, int oif, boolean onlink) {
        return route(Nl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, route, oif, onlink);
    }

    /** {@code ip route del ...} of the same route. */
    public static Request deleteRoute(Route route, int oif) {
        return route(Nl.RTM_DELROUTE, 0, route, oif, false);
    }

    private static Request route(int type, int flags, Route r, int oif, boolean onlink) {
        int family = r.family().equals(Address.INET6) ? Nl.AF_INET6 : Nl.AF_INET;
        AttributeTree a = new AttributeTree();
        IpPrefix dst = r.destinationPrefix()
                .orElseThrow(() -> new IllegalArgumentException("not an " + r.family() + " destination: " + r.destination()));
        if (!dst.isDefault()) {
            a.add(Rta.RTA_DST, dst.address().bytes());
        }
        long table = table(r.table());
        a.addU32(Rta.RTA_TABLE, (int) table);
        if (r.gateway() != null) {
            a.add(Rta.RTA_GATEWAY, ip(r.gateway()));
        }
        if (oif > 0) {
            a.addU32(Rta.RTA_OIF, oif);
        }
        if (r.metric() != 0) {
            a.addU32(Rta.RTA_PRIORITY, r.metric());
        }
        if (r.prefsrc() != null) {
            a.add(Rta.RTA_PREFSRC, ip(r.prefsrc()));
        }
        if (type == Nl.RTM_NEWROUTE) {
            RouteExtras.add(r, a);
        }
        RtMsg m = new RtMsg(family, dst.length(), 0, r.tos(), table < 256 ? (int) table : 0,
                number(r.protocol(), RtnlWords::protocol), RtScope.number(r.scope()).orElse(0),
                number(r.type(), RtnlWords::routeType), onlink || r.isOnlink() ? RTNH_F_ONLINK : 0);
        return new Request(type, flags, m, a);
    }

    /** A table's number from iproute2's word (main, local, default) or its decimal text. */
    static long table(String word) {
        return switch (word) {
            case "main" -> Rta.RT_TABLE_MAIN;
            case "local" -> Rta.RT_TABLE_LOCAL;
            case "default" -> Rta.RT_TABLE_DEFAULT;
            default -> Long.parseLong(word);
        };
    }

    /** The number whose word is {@code word} (or the decimal text itself); 0 when neither. */
    static int number(String word, IntFunction<String> words) {
        if (word.matches("\\d{1,3}")) {
            return Integer.parseInt(word);
        }
        for (int i = 0; i < 256; i++) {
            if (words.apply(i).equals(word)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown route word: " + word);
    }

    static byte[] ip(String text) {
        return IpAddress.of(text).bytes();
    }

    static byte[] mac(String text) {
        return RtnlWords.macBytes(text);
    }
}
