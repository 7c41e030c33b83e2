package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.Ifla;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netns.OwnedNamespaces;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Inode;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells whether a device of the restorer's namespace is one a restore made, by identity rather than name:
 * the outside half of a veth is the restore's only while its peer is the recorded inner end (IFLA_LINK) in
 * the namespace the restore made (IFLA_LINK_NETNSID, against the nsid of that namespace, itself checked by
 * its nsfs inode), and while it has the ifindex the restore asked for, if it asked. A device that fails any
 * of these has the name only: it is someone else's. Answers are kept per name for one undo.
 */
final class RestorerDevices {

    /** What a name of the restorer's namespace is: absent, the restore's (with its ifindex), or another's. */
    record Verdict(Kind kind, int ifindex, String why) {
        enum Kind { ABSENT, OURS, OTHER }

        static final Verdict ABSENT = new Verdict(Kind.ABSENT, 0, null);

        boolean ours() {
            return kind == Kind.OURS;
        }
    }

    private final RtnlSocket restorer;
    private final Map<String, JournalRecord.NetnsMade> namespaces;
    private final Map<String, Verdict> known = new HashMap<>();

    /** {@code namespaces}: the journal's namespace identities, by name. */
    RestorerDevices(RtnlSocket restorer, Map<String, JournalRecord.NetnsMade> namespaces) {
        this.restorer = restorer;
        this.namespaces = namespaces;
    }

    /** The verdict on the device a restore step made, by name (cached). */
    Verdict verify(Made.RestorerLink link) throws IOException {
        Verdict v = known.get(link.name());
        if (v == null) {
            v = check(link);
            known.put(link.name(), v);
        }
        return v;
    }

    /** The verdict already reached on {@code name}, or null. */
    Verdict known(String name) {
        return known.get(name);
    }

    /** The device is gone now (removed by the undo). */
    void forget(String name) {
        known.put(name, Verdict.ABSENT);
    }

    private Verdict check(Made.RestorerLink link) throws IOException {
        NetlinkMessage.Link l = find(link.name());
        if (l == null) {
            return Verdict.ABSENT;
        }
        int index = l.info().index();
        if (link.ifindex() > 0 && index != link.ifindex()) {
            return other(index, "it has ifindex " + index + ", the restore made it with " + link.ifindex());
        }
        if (link.inner() == null) {
            return link.ifindex() > 0 ? new Verdict(Verdict.Kind.OURS, index, null)
                    : other(index, "the restore let the kernel choose its ifindex, so it cannot be told apart");
        }
        String innerNs = link.inner().ns().name();
        JournalRecord.NetnsMade ns = namespaces.get(innerNs);
        if (ns == null) {
            return other(index, "the namespace of its peer, " + innerNs + ", was never made");
        }
        OwnedNamespaces.Found found = OwnedNamespaces.find(innerNs, ns.file(), ns.netns());
        if (found.match() != OwnedNamespaces.Match.MOUNTED) {
            return other(index, "the namespace of its peer, " + innerNs + ", is no longer the one the restore made "
                    + "(a veth goes with its peer's namespace)");
        }
        int peerNetnsid = l.attributes().u32Or(Ifla.IFLA_LINK_NETNSID, Integer.MIN_VALUE);
        int peerIndex = l.attributes().u32Or(Ifla.IFLA_LINK, 0);
        int nsid = nsidOf(innerNs, ns.netns());
        if (peerNetnsid == Integer.MIN_VALUE || peerNetnsid != nsid) {
            return other(index, "its peer is not in namespace " + innerNs);
        }
        if (link.inner().ifindex() > 0 && peerIndex != link.inner().ifindex()) {
            return other(index, "its peer has ifindex " + peerIndex + " in " + innerNs + ", the restore's "
                    + link.inner().name() + " has " + link.inner().ifindex());
        }
        return new Verdict(Verdict.Kind.OURS, index, null);
    }

    private static Verdict other(int index, String why) {
        return new Verdict(Verdict.Kind.OTHER, index, why);
    }

    /** {@code ip link show NAME} in the restorer's namespace; null when there is none. */
    private NetlinkMessage.Link find(String name) throws IOException {
        RestoreMessages.Request get = RestoreMessages.getLink(name);
        try {
            for (NetlinkMessage m : restorer.request(get.type(), get.flags(), get.body(), get.attributes())) {
                if (m instanceof NetlinkMessage.Link l) {
                    return l;
                }
            }
            return null;
        } catch (NetlinkErrorException e) {
            if (e.errnoNumber() == Errno.ENODEV.number()) {
                return null;
            }
            throw e;
        }
    }

    /** The nsid the restorer's namespace gives the namespace {@code name}, opened and checked by inode. */
    private int nsidOf(String name, Inode netns) throws IOException {
        int fd = Sys.open(OwnedNamespaces.pathOf(name).toString(), Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            if (!Inode.ofDescriptor(fd).equals(netns)) {
                return Integer.MIN_VALUE + 1; // swapped meanwhile: matches no peer
            }
            return RtnlQueries.nsidOf(restorer, fd);
        } finally {
            Sys.closeQuietly(fd);
        }
    }
}
