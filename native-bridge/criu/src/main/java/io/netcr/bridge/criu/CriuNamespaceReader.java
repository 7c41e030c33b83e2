package io.netcr.bridge.criu;

import io.netcr.bridge.criu.proto.NetdevProto.net_device_entry;
import io.netcr.bridge.criu.proto.NetdevProto.netns_entry;
import io.netcr.bridge.criu.proto.NetdevProto.netns_id;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Route;
import io.netcr.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds one namespace of a CRIU dump from its images; problems go to the shared diagnostics list. */
final class CriuNamespaceReader {

    /** Lines of iptables/nftables text kept in a property; the full size is kept beside them. */
    static final int RULESET_LINES = 40;
    static final int RULESET_CHARS = 4000;

    private final CriuFiles files;
    private final int id;
    private final Map<Integer, List<ProtobufImage.Entry<net_device_entry>>> allLinks;
    private final netns_entry netns;
    private final List<Diagnostic> problems;
    private final Map<Integer, String> namesByIndex = new LinkedHashMap<>();
    /** The same names, as the rtnetlink mapping asks for them. */
    private final LinkNames names = LinkNames.of(namesByIndex);
    private final Map<String, String> properties = new TreeMap<>();

    CriuNamespaceReader(CriuFiles files, int id, Map<Integer, List<ProtobufImage.Entry<net_device_entry>>> allLinks,
                        netns_entry netns, List<Diagnostic> problems) {
        this.files = files;
        this.id = id;
        this.allLinks = allLinks;
        this.netns = netns;
        this.problems = problems;
    }

    Namespace read() {
        List<ProtobufImage.Entry<net_device_entry>> links = allLinks.getOrDefault(id, List.of());
        String netdev = "netdev-" + id + ".img";
        List<ProtobufImage.Entry<net_device_entry>> kept = new ArrayList<>();
        for (ProtobufImage.Entry<net_device_entry> e : links) {
            net_device_entry d = e.message();
            String wrong = CriuLinks.invalid(d.getIfindex(), d.getName());
            if (wrong != null) {
                problems.add(Diagnostic.error(Errno.EINVAL, ProtobufImage.record(netdev, e.number()), Phase.READ,
                        "entry " + e.number() + " of " + netdev + " is not a usable device: " + wrong + "; it is left out"));
                continue;
            }
            if (namesByIndex.containsValue(d.getName())) {
                problems.add(Diagnostic.error(Errno.EEXIST, ProtobufImage.record(netdev, e.number()), Phase.READ,
                        "a second device is named " + d.getName() + "; it is left out"));
                continue;
            }
            if (namesByIndex.containsKey(d.getIfindex())) {
                problems.add(Diagnostic.error(Errno.EINVAL, ProtobufImage.record(netdev, e.number()), Phase.READ,
                        "device " + d.getName() + " has ifindex " + d.getIfindex() + ", already taken by "
                                + namesByIndex.get(d.getIfindex()) + "; it is left out"));
                continue;
            }
            namesByIndex.put(d.getIfindex(), d.getName());
            kept.add(e);
        }
        Map<Integer, List<Address>> addresses = readAddresses();
        List<Device> devices = new ArrayList<>();
        for (ProtobufImage.Entry<net_device_entry> e : kept) {
            devices.add(device(e, netdev, addresses.getOrDefault(e.message().getIfindex(), List.of())));
        }
        List<Route> routes = new ArrayList<>();
        readRoutes("route-" + id + ".img", routes);
        readRoutes("route6-" + id + ".img", routes);
        readNamespaceProperties();
        readRules();
        for (String tool : List.of("iptables", "ip6tables", "nftables")) {
            readRuleset(tool);
        }
        return new Namespace(CriuDumpReader.namespaceId(id), List.of(), List.of(), false, devices, routes, properties);
    }

    private Device device(ProtobufImage.Entry<net_device_entry> e, String file, List<Address> addresses) {
        net_device_entry d = e.message();
        int type = d.getType();
        String kind = CriuLinks.kind(type);
        if (kind == null) {
            problems.add(Diagnostic.warning(Errno.ENOSYS, ProtobufImage.record(file, e.number()), Phase.READ,
                    "device " + d.getName() + " has link type " + type + ", which this netcr does not know; it is "
                            + "shown without a kind"));
            kind = "";
        }
        Map<String, String> props = new TreeMap<>();
        props.put("criu.type", CriuLinks.typeName(type));
        props.put("criu.flags", String.format("0x%x", d.getFlags()));
        if (d.hasTun()) {
            props.put("tun.flags", String.format("0x%x", d.getTun().getFlags()));
            props.put("tun.owner", Integer.toString(d.getTun().getOwner()));
            props.put("tun.group", Integer.toString(d.getTun().getGroup()));
        }
        if (d.hasMacvlan()) {
            props.put("macvlan.mode", Integer.toUnsignedString(d.getMacvlan().getMode()));
        }
        Device.Builder b = Device.builder(d.getIfindex(), d.getName(), kind).mtu(d.getMtu())
                .up((d.getFlags() & CriuLinks.IFF_UP) != 0).operstate(CriuLinks.operstate(type, d.getFlags()))
                .addresses(addresses).properties(props);
        if (d.hasAddress() && !d.getAddress().isEmpty()) {
            int length = d.getAddress().size();
            if (length > CriuLinks.MAX_ADDR_LEN || (length != CriuLinks.ETH_ALEN && CriuLinks.isEthernet(type))) {
                problems.add(Diagnostic.error(Errno.EINVAL, ProtobufImage.record(file, e.number()), Phase.READ,
                        "device " + d.getName() + " has a hardware address of " + length + " bytes, which a "
                                + CriuLinks.typeName(type) + " link cannot have; it is left out"));
            } else {
                b.mac(RtnlWords.mac(d.getAddress().toByteArray()));
            }
        } else if (type == CriuLinks.LOOPBACK) {
            b.mac(CriuLinks.LOOPBACK_MAC);
        }
        if (d.hasMaster()) {
            String master = namesByIndex.get(d.getMaster());
            if (master == null) {
                problems.add(Diagnostic.warning(Errno.EINVAL, ProtobufImage.record(file, e.number()), Phase.READ,
                        "device " + d.getName() + " names master ifindex " + d.getMaster() + ", which is not in "
                                + file));
            }
            b.master(master);
        }
        if (d.hasPeerIfindex()) {
            DeviceRef other = reference(d);
            if (type == CriuLinks.VETH) {
                b.peer(other);
            } else if (type != CriuLinks.LOOPBACK && other != null
                    && !(other.ifindex() == d.getIfindex() && CriuDumpReader.namespaceId(id).equals(other.namespace()))) {
                b.parent(other); // IFLA_LINK of a macvlan, sit, ...: the link it sits on
            }
        }
        return b.build();
    }

    /** The device IFLA_LINK points at: in a namespace of the dump when CRIU recorded one, else outside. */
    private DeviceRef reference(net_device_entry d) {
        int ifindex = d.getPeerIfindex();
        if (!d.hasPeerNsid()) {
            return new DeviceRef(CriuDumpReader.OUTSIDE_ID, ifindex, null);
        }
        int nsid = d.getPeerNsid();
        String name = null;
        for (ProtobufImage.Entry<net_device_entry> e : allLinks.getOrDefault(nsid, List.of())) {
            if (e.message().getIfindex() == ifindex) {
                name = e.message().getName();
                break;
            }
        }
        return new DeviceRef(CriuDumpReader.namespaceId(nsid), ifindex, name);
    }

    private Map<Integer, List<Address>> readAddresses() {
        Map<Integer, List<Address>> byIndex = new LinkedHashMap<>();
        String file = "ifaddr-" + id + ".img";
        byte[] bytes = files.needed(file, Severity.WARNING, file + " is missing: the namespace's addresses are unknown",
                problems);
        if (bytes != null) {
            SavedRecords.ADDRESSES.read(file, bytes, names, problems, (m, a) -> {
                if (namesByIndex.containsKey(a.ifindex())) {
                    byIndex.computeIfAbsent(a.ifindex(), k -> new ArrayList<>()).add(a.address());
                } else {
                    problems.add(Diagnostic.warning(Errno.EINVAL, ProtobufImage.record(file, m.number()), Phase.READ,
                            "address " + a.address().cidr() + " belongs to ifindex " + a.ifindex() + ", which no "
                                    + "device of netdev-" + id + ".img has; it is left out"));
                }
            });
        }
        return byIndex;
    }

    private void readRoutes(String file, List<Route> into) {
        byte[] bytes = files.needed(file, Severity.WARNING, file + " is missing: those routes are unknown", problems);
        if (bytes == null) {
            return;
        }
        int[] otherTables = {0};
        SavedRecords.ROUTES.read(file, bytes, names, problems, (m, r) -> {
            if (r.isMain()) {
                into.add(r.route());
            } else {
                otherTables[0]++;
            }
        });
        if (otherTables[0] > 0) {
            properties.put("criu." + file.substring(0, file.indexOf('-')) + ".other-tables",
                    Integer.toString(otherTables[0]));
        }
    }

    /** Each rule as {@code ip rule} words it ({@link io.netcr.model.PolicyRule#describe()}), in property {@code rule.NN}. */
    private void readRules() {
        String file = "rule-" + id + ".img";
        byte[] bytes = files.get(file);
        if (bytes != null) {
            int[] n = {0};
            SavedRecords.RULES.read(file, bytes, names, problems,
                    (m, r) -> properties.put(String.format("rule.%02d", ++n[0]), r.describe()));
        }
    }

    private void readNamespaceProperties() {
        for (ProtobufImage.Entry<net_device_entry> e : allLinks.getOrDefault(id, List.of())) {
            net_device_entry d = e.message();
            String dev = d.getName();
            CriuSysctls.put(properties, "sysctl.ipv4.conf." + dev + ".", CriuSysctls.DEVCONFS4, d.getConf4List());
            CriuSysctls.put(properties, "sysctl.ipv6.conf." + dev + ".", CriuSysctls.DEVCONFS6, d.getConf6List());
            CriuSysctls.putOld(properties, "sysctl.ipv4.conf." + dev + ".", d.getConfList());
        }
        if (netns == null) {
            return;
        }
        CriuSysctls.put(properties, "sysctl.ipv4.conf.all.", CriuSysctls.DEVCONFS4, netns.getAllConf4List());
        CriuSysctls.put(properties, "sysctl.ipv4.conf.default.", CriuSysctls.DEVCONFS4, netns.getDefConf4List());
        CriuSysctls.put(properties, "sysctl.ipv6.conf.all.", CriuSysctls.DEVCONFS6, netns.getAllConf6List());
        CriuSysctls.put(properties, "sysctl.ipv6.conf.default.", CriuSysctls.DEVCONFS6, netns.getDefConf6List());
        CriuSysctls.put(properties, "sysctl.unix.", CriuSysctls.UNIX_CONFS, netns.getUnixConfList());
        CriuSysctls.putOld(properties, "sysctl.ipv4.conf.all.", netns.getAllConfList());
        CriuSysctls.putOld(properties, "sysctl.ipv4.conf.default.", netns.getDefConfList());
        for (netns_id nsid : netns.getNsidsList()) {
            properties.put("criu.nsid." + nsid.getNetnsidValue(), CriuDumpReader.namespaceId(nsid.getTargetNsId()));
        }
        if (netns.hasExtKey()) {
            properties.put("criu.ext_key", netns.getExtKey());
        }
    }

    /** iptables-save / ip6tables-save / nft list ruleset text: its first lines and its size. */
    private void readRuleset(String tool) {
        byte[] bytes = files.get(tool + "-" + id + ".img");
        if (bytes == null || bytes.length == 0) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, RULESET_LINES) && head.length() < RULESET_CHARS; i++) {
            head.append(lines[i]).append('\n');
        }
        String kept = head.length() > RULESET_CHARS ? head.substring(0, RULESET_CHARS) : head.toString();
        properties.put(tool, kept.strip());
        properties.put(tool + ".bytes", Integer.toString(bytes.length));
    }
}
