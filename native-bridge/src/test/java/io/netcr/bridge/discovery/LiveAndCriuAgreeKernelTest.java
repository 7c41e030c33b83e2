package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.netcr.bridge.criu.CriuDumpReader;
import io.netcr.bridge.criu.CriuFiles;
import io.netcr.bridge.criu.proto.NetdevProto.net_device_entry;
import io.netcr.bridge.lifetime.HolderSet;
import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.NetlinkMessages;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Route;
import io.netcr.model.PolicyRule;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12's proof that there is one way from the kernel to the model: the same netlink bytes, dumped from a
 * real namespace, go once through live discovery (NamespaceDump, DeviceAssembler, the rule reader) and once
 * through a CRIU image directory made of them (ifaddr-N.img, route-N.img, route6-N.img, rule-N.img behind
 * their magics, with netdev-N.img naming the same devices), and come out as equal model records.
 */
class LiveAndCriuAgreeKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    /** CRIU's image magics (criu/include/magic.h, iproute2's save streams), as the files carry them. */
    private static final int IMG_COMMON = 0x54564319;
    private static final int NETDEV = 0x57373951;
    private static final int IFADDR = 0x47361222;
    private static final int ROUTE = 0x45311224;
    private static final int RULE = 0x71706986;

    @Test
    void should_make_equal_records_of_the_same_bytes_live_and_from_a_criu_image() throws Exception {
        String ns = TOPO.namespace();
        String br = TOPO.name("b");
        TOPO.ip("-n", ns, "link", "set", "lo", "up");
        TOPO.ip("-n", ns, "link", "add", br, "type", "bridge");
        TOPO.ip("-n", ns, "link", "set", br, "up");
        TOPO.ip("-n", ns, "addr", "add", "10.250.61.1/24", "dev", "lo");
        TOPO.ip("-n", ns, "-6", "addr", "add", "fd00:250:61::1/64", "dev", "lo", "nodad");
        TOPO.ip("-n", ns, "addr", "add", "10.250.62.1/24", "dev", br, "label", br + ":a");
        TOPO.ip("-n", ns, "-6", "addr", "add", "fd00:250:62::1/64", "dev", br, "nodad");
        TOPO.ip("-n", ns, "route", "add", "10.250.63.0/24", "via", "10.250.61.2", "dev", "lo", "metric", "5",
                "proto", "static");
        TOPO.ip("-n", ns, "route", "add", "blackhole", "10.250.64.0/24");
        TOPO.ip("-n", ns, "-6", "route", "add", "unreachable", "fd00:250:65::/64");
        // the bridge has no port, so no carrier: its gateway is declared on the link
        TOPO.ip("-n", ns, "-6", "route", "add", "fd00:250:66::/64", "via", "fd00:250:62::2", "dev", br, "onlink");
        TOPO.ip("-n", ns, "rule", "add", "from", "10.250.61.0/24", "lookup", "100", "pref", "100");
        TOPO.ip("-n", ns, "-6", "rule", "add", "not", "from", "fd00:250:61::/64", "fwmark", "0x10/0xff", "lookup",
                "200", "pref", "101");

        // The kernel's own bytes, dumped once, packed into the streams both paths read.
        byte[] links;
        byte[] addresses;
        byte[] routes4;
        byte[] routes6;
        byte[] rules;
        int fd = Sys.open("/run/netns/" + ns, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try (RtnlSocket s = SocketOpener.open(List.of(fd), 1).get(fd).socket()) {
            NamespaceDump dumped = NamespaceDump.read(s);
            links = stream(dumped.links());
            addresses = stream(dumped.addresses());
            routes4 = stream(dumped.routes().stream().filter(r -> r.info().family() == 2).toList());
            routes6 = stream(dumped.routes().stream().filter(r -> r.info().family() == 10).toList());
            rules = stream(RtnlQueries.rules(s));
        } finally {
            Sys.closeQuietly(fd);
        }

        // Live: discovery's assembly of those bytes.
        List<NetlinkMessage.Link> liveLinks = only(links, NetlinkMessage.Link.class);
        List<NetlinkMessage.Route> liveRoutes = new ArrayList<>(only(routes4, NetlinkMessage.Route.class));
        liveRoutes.addAll(only(routes6, NetlinkMessage.Route.class));
        NamespaceDump dump = new NamespaceDump(liveLinks, only(addresses, NetlinkMessage.Addr.class), liveRoutes, false);
        DeviceAssembler.Assembled assembled = new DeviceAssembler(Map.of(1L, dump))
                .assemble(new FoundNamespace(1L, false, List.of(ns), List.of(), List.of(), HolderSet.NONE), Map.of());
        assertTrue(assembled.diagnostics().isEmpty(), assembled.diagnostics()::toString);
        Namespace live = assembled.namespace();
        List<String> liveRules = new ArrayList<>();
        for (NetlinkMessage.Rule r : only(rules, NetlinkMessage.Rule.class)) {
            Mapped<PolicyRule> m = RtnlMapper.rule(r);
            liveRules.add(m.valueOrNull().describe());
        }

        // CRIU: an image directory of the same bytes.
        Map<String, byte[]> files = new TreeMap<>();
        files.put("netdev-9.img", netdev(liveLinks));
        files.put("ifaddr-9.img", image(IFADDR, addresses));
        files.put("route-9.img", image(ROUTE, routes4));
        files.put("route6-9.img", image(ROUTE, routes6));
        files.put("rule-9.img", image(RULE, rules));
        ReadResult read = CriuDumpReader.read(new CriuFiles("same-bytes", files), ReadMode.SALVAGE);
        assertNotNull(read.snapshot(), read.diagnostics()::toString);
        assertFalse(read.hasErrors(), read.diagnostics()::toString);
        Namespace criu = read.snapshot().namespaces().get(0);

        for (Device d : live.devices()) {
            Device other = criu.device(d.name()).orElseThrow(() -> new AssertionError("CRIU lost " + d.name()));
            assertEquals(d.addresses(), other.addresses(), d.name());
        }
        assertEquals(live.routes(), criu.routes());
        List<String> criuRules = criu.properties().entrySet().stream().filter(e -> e.getKey().startsWith("rule."))
                .map(Map.Entry::getValue).toList();
        assertEquals(liveRules, criuRules);

        // and the records are the interesting ones, not empty lists that agree by accident
        Device bridge = live.device(br).orElseThrow();
        assertEquals(List.of("inet 10.250.62.1/24 scope global permanent label " + br + ":a",
                "inet6 fd00:250:62::1/64 scope global nodad permanent"), bridge.addresses().stream()
                .filter(a -> !a.isLinkLocal()).map(io.netcr.model.Address::describe).toList());
        List<String> routeText = live.routes().stream().map(Route::describe).toList();
        assertTrue(routeText.contains("10.250.63.0/24 via 10.250.61.2 dev lo proto static metric 5"), routeText::toString);
        assertTrue(routeText.contains("blackhole 10.250.64.0/24"), routeText::toString);
        assertTrue(routeText.stream().anyMatch(r -> r.startsWith("unreachable fd00:250:65::/64")), routeText::toString);
        assertTrue(routeText.stream().anyMatch(r -> r.startsWith("fd00:250:66::/64 via fd00:250:62::2 dev " + br)),
                routeText::toString);
        assertTrue(liveRules.contains("pref 100: from 10.250.61.0/24 lookup 100"), liveRules::toString);
        assertTrue(liveRules.contains("pref 101: not from fd00:250:61::/64 fwmark 0x10/0xff lookup 200 (IPv6)"),
                liveRules::toString);
    }

    /** Messages packed back to bytes exactly as the kernel sent them (attributes keep their bytes and flags). */
    private static byte[] stream(List<? extends NetlinkMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (NetlinkMessage m : messages) {
            var body = m instanceof NetlinkMessage.Link l ? l.info() : m instanceof NetlinkMessage.Addr a ? a.info()
                    : m instanceof NetlinkMessage.Route r ? r.info() : ((NetlinkMessage.Rule) m).info();
            var attrs = m instanceof NetlinkMessage.Link l ? l.attributes() : m instanceof NetlinkMessage.Addr a
                    ? a.attributes() : m instanceof NetlinkMessage.Route r ? r.attributes()
                    : ((NetlinkMessage.Rule) m).attributes();
            ByteBuffer b = ByteBuffer.allocate(NetlinkMessages.packedLength(body, attrs)).order(ByteOrder.nativeOrder());
            NetlinkMessages.pack(b, m.header().type(), m.header().flags(), m.header().seq(), m.header().portId(), body,
                    attrs);
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }

    private static <T extends NetlinkMessage> List<T> only(byte[] stream, Class<T> type) {
        return NetlinkMessages.parse(ByteBuffer.wrap(stream)).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static byte[] image(int magic, byte[] stream) {
        ByteBuffer b = ByteBuffer.allocate(4 + stream.length).order(ByteOrder.nativeOrder());
        return b.putInt(magic).put(stream).array();
    }

    /** netdev-N.img: CRIU's device records of the same links (lo as LOOPBACK, the bridge as BRIDGE). */
    private static byte[] netdev(List<NetlinkMessage.Link> links) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(IMG_COMMON).putInt(NETDEV);
        out.writeBytes(head.array());
        for (NetlinkMessage.Link l : links) {
            boolean loopback = (l.info().flags() & Ifla.IFF_LOOPBACK) != 0;
            net_device_entry.Builder e = net_device_entry.newBuilder().setType(loopback ? 1 : 6)
                    .setIfindex(l.info().index()).setMtu(l.attributes().u32Or(Ifla.IFLA_MTU, 0))
                    .setFlags(l.info().flags()).setName(l.attributes().stringOr(Ifla.IFLA_IFNAME, ""));
            if (!loopback) {
                e.setAddress(ByteString.copyFrom(l.attributes().bytesOrNull(Ifla.IFLA_ADDRESS)));
            }
            byte[] entry = e.build().toByteArray();
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(entry.length).array());
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }
}
