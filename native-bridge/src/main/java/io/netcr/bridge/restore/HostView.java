package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.bridge.netlink.IfInfoMsg;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedLink;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.plan.SysctlBaseline;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a restore plan needs of the host, and no more: the names and ifindexes of the devices of the
 * restorer's own namespace (where outside halves go; one link dump over rtnetlink) and the name of every
 * namespace under /run/netns (names a restore must not take). Reading only that keeps planning fast on a
 * host with a thousand namespaces, and away from namespaces that come and go meanwhile. Beside them, what
 * a new namespace here has of sysctls ({@link SysctlBaseline}, as one more namespace of the view, read from a
 * namespace made and thrown away for it), so that a plan writes only the image's keys that differ.
 * Equivalent to {@code ip -br link; ip netns list; unshare -n sysctl -a}.
 */
public final class HostView {

    private HostView() {
    }

    /** Reads the host from the calling thread's namespace, the restorer's. */
    public static Snapshot forPlanning() throws IOException {
        List<Device> devices = new ArrayList<>();
        try (RtnlSocket s = RtnlSocket.open()) {
            for (NetlinkMessage m : s.dump(Nl.RTM_GETLINK, new IfInfoMsg(Nl.AF_UNSPEC, 0, 0, 0, 0), new AttributeTree())) {
                if (m instanceof NetlinkMessage.Link l) {
                    devices.add(device(l));
                }
            }
        }
        List<Namespace> namespaces = new ArrayList<>();
        namespaces.add(new Namespace("init", List.of(), true, devices));
        for (String name : namedNamespaces(Path.of(NamedNamespaces.RUN_DIR))) {
            namespaces.add(new Namespace("file:" + NamedNamespaces.RUN_DIR + "/" + name, List.of(name), false, List.of()));
        }
        SysctlBaselineProbe.read().ifPresent(b -> namespaces.add(b.asHostNamespace()));
        return new Snapshot(new Source(Source.LIVE, null, null, null, null, "netcr restore"), namespaces, List.of());
    }

    /**
     * One device of the restorer's namespace, through the one rtnetlink mapping. A link message that cannot
     * be read fails the planning (with the mapping's sentence): planned on a partial view, a restore could
     * take a name that is in use.
     */
    static Device device(NetlinkMessage.Link l) throws IOException {
        Mapped<MappedLink> m = RtnlMapper.link(l, LinkNames.NONE);
        if (m.valueOrNull() == null) {
            throw new IOException("the kernel's message for the device with ifindex " + l.info().index()
                    + " could not be read: " + m.problemOrNull());
        }
        return m.valueOrNull().device();
    }

    static List<String> namedNamespaces(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }
}
