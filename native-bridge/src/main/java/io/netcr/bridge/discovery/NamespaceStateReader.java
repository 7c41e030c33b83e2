package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.map.IndexedNeighbour;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedQdisc;
import io.netcr.bridge.netlink.map.MappedRoute;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.bridge.sys.Nftables;
import io.netcr.bridge.rtnl.DumpInterruptedException;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sysctl.SysctlFiles;
import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import io.netcr.model.checkpoint.NamespaceReading;
import io.netcr.model.plan.FirewallCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a checkpoint records of one namespace beyond a snapshot, in two parts. Over its discovery socket:
 * its policy rules, its routes of every table, its permanent neighbours and its qdiscs (four dumps, through the
 * one rtnetlink mapping). On a thread inside it: its sysctls (/proc/sys/net), its nftables ruleset
 * (libnftables, with a dry run of loading it back, which commits nothing), its conntrack count and its
 * sockets (/proc/thread-self/net). Run at checkpoint time only, never in a snapshot.
 */
final class NamespaceStateReader {

    /** What the socket gave. */
    record Dumped(List<PolicyRule> rules, List<Route> routes, List<String> unrestorableRoutes,
                  List<Neighbour> neighbours, List<String> qdiscs) {
    }

    /** What the thread inside the namespace found. */
    record Inside(SysctlFiles.Values sysctls, String firewall, String firewallRefusal, long conntrack,
                  Map<String, Integer> sockets, List<NamespaceReading.Gap> gaps) {
    }

    /** The calling thread's namespace's /proc/net. */
    private static final String NET = "/proc/thread-self/net/";

    /** /proc/thread-self/net files of sockets, by the kind a warning names, each with one header line. */
    private static final Map<String, List<String>> SOCKET_FILES = Map.of(
            "tcp", List.of("tcp", "tcp6"), "udp", List.of("udp", "udp6"), "raw", List.of("raw", "raw6"),
            "unix", List.of("unix"), "packet", List.of("packet"));

    private NamespaceStateReader() {
    }

    /**
     * The four dumps; a message that cannot be read makes the namespace Unknown (EBADMSG) rather than a count
     * that may be wrong. Routes the kernel makes (proto kernel) are left out; routes the model cannot hold as
     * they are go to {@code unrestorableRoutes}.
     */
    static Dumped dump(RtnlSocket s, LinkNames names, StateTimes times) throws IOException {
        long t0 = System.nanoTime();
        List<PolicyRule> rules = new ArrayList<>();
        for (NetlinkMessage.Rule r : retried(() -> RtnlQueries.rules(s))) {
            rules.add(value(RtnlMapper.rule(r), "rule"));
        }
        List<Route> routes = new ArrayList<>();
        List<String> unrestorable = new ArrayList<>();
        for (NetlinkMessage.Route r : retried(() -> RtnlQueries.allRoutes(s))) {
            MappedRoute m = value(RtnlMapper.route(r, names), "route");
            if (m == null || m.route().isKernelMade()) {
                continue;
            }
            if (m.unsupported().isEmpty()) {
                routes.add(m.route());
            } else {
                unrestorable.add(m.route().describe() + " (" + String.join(", ", m.unsupported()) + ")");
            }
        }
        List<Neighbour> neighbours = new ArrayList<>();
        for (NetlinkMessage.Neigh n : retried(() -> RtnlQueries.neighbours(s))) {
            IndexedNeighbour m = value(RtnlMapper.neighbour(n, names), "neighbour");
            if (m != null && m.neighbour().isPermanent() && !m.neighbour().flags().contains("proxy")) {
                neighbours.add(m.neighbour());
            }
        }
        List<String> qdiscs = new ArrayList<>();
        for (NetlinkMessage.Qdisc q : retried(() -> RtnlQueries.qdiscs(s))) {
            MappedQdisc m = value(RtnlMapper.qdisc(q, names), "qdisc");
            if (m != null && !m.isKernelDefault()) {
                qdiscs.add(m.describe());
            }
        }
        times.add("dumps", t0);
        return new Dumped(rules, routes, unrestorable, neighbours, qdiscs);
    }

    /** Thrown for a message the mapping calls damaged. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    private static <T> T value(Mapped<T> m, String what) throws Damaged {
        if (m instanceof Mapped.Damaged<T> d) {
            throw new Damaged("a " + what + " the kernel sent could not be read (" + d.problem() + ")");
        }
        return m.valueOrNull();
    }

    /**
     * Runs on a thread inside the namespace: the files, the ruleset, the counts. Never throws: gaps say what
     * failed ({@code layoutError}: the sysctls could not even be listed).
     */
    static Inside inside(SysctlFiles.Layout layout, IOException layoutError, Collection<String> devices,
                         StateTimes times) {
        long t0 = System.nanoTime();
        List<NamespaceReading.Gap> gaps = new ArrayList<>();
        SysctlFiles files = new SysctlFiles();
        SysctlFiles.Values values = layout == null ? new SysctlFiles.Values(Map.of(), Map.of(), Map.of())
                : files.readAll(layout, devices);
        if (layout == null) {
            gaps.add(new NamespaceReading.Gap("sysctls", Errno.EIO, layoutError == null ? "not listed"
                    : layoutError.getMessage()));
        }
        if (!values.unreadable().isEmpty()) {
            Map.Entry<String, String> first = values.unreadable().entrySet().iterator().next();
            gaps.add(new NamespaceReading.Gap(values.unreadable().size() == 1 ? "sysctl " + first.getKey()
                    : values.unreadable().size() + " sysctls (" + first.getKey() + ", ...)", Errno.EIO, first.getValue()));
        }
        long t1 = times.add("sysctls", t0);
        String firewall = null;
        String refusal = null;
        try {
            String listing = Nftables.listRuleset();
            t1 = times.add("nft-list", t1);
            Firewall fw = new Firewall(listing, false);
            if (fw.count("table") > 0) {
                firewall = listing;
                try {
                    Nftables.run(FirewallCommands.load(fw), true);
                } catch (Nftables.NftException e) {
                    refusal = e.getMessage();
                }
            }
        } catch (IOException e) {
            Errno code = e instanceof Nftables.NftException n && n.missing() ? Errno.ENOSYS : Errno.EIO;
            gaps.add(new NamespaceReading.Gap("nftables ruleset", code, e.getMessage()));
        }
        t1 = times.add("nft-check", t1);
        long conntrack = -1;
        try {
            String count = files.value("netfilter/nf_conntrack_count");
            conntrack = count == null ? -1 : Long.parseLong(count.strip());
        } catch (NativeException | NumberFormatException e) {
            gaps.add(new NamespaceReading.Gap("conntrack count", Errno.EIO, e.getMessage()));
        }
        t1 = times.add("conntrack", t1);
        Map<String, Integer> sockets = new LinkedHashMap<>();
        Set<String> empty = emptyTcpTables(text(Path.of(NET + "sockstat")), text(Path.of(NET + "sockstat6")));
        for (Map.Entry<String, List<String>> kind : SOCKET_FILES.entrySet()) {
            int n = 0;
            for (String file : kind.getValue()) {
                n += empty.contains(file) ? 0 : entries(Path.of(NET + file));
            }
            if (n > 0) {
                sockets.put(kind.getKey(), n);
            }
        }
        times.add("sockets", t1);
        return new Inside(values, firewall, refusal, conntrack, sockets, gaps);
    }

    /**
     * The TCP socket tables ({@code tcp}, {@code tcp6}) that the namespace's own counters in /proc/net/sockstat
     * and sockstat6 prove empty, so that they need not be read: reading /proc/net/tcp walks the host's whole TCP
     * hash table, whichever namespace asks (3.4 ms per table here, namespace empty or not: most of a checkpoint's
     * time at N=1000, docs/performance.md "Restore"). A table lists the namespace's hashed sockets (listening or
     * connected: {@code inuse}, of IPv4 in sockstat's TCP line and IPv6 in sockstat6's TCP6 line), its TIME_WAIT
     * entries ({@code tw}, one count for both) and connection requests (which need a listener). A counter that
     * is not there or cannot be read proves nothing: the table is read, as before.
     */
    static Set<String> emptyTcpTables(String sockstat, String sockstat6) {
        Map<String, Long> v4 = counters(sockstat, "TCP:");
        Map<String, Long> v6 = counters(sockstat6, "TCP6:");
        Set<String> empty = new HashSet<>();
        if (Long.valueOf(0).equals(v4.get("tw"))) {
            if (Long.valueOf(0).equals(v4.get("inuse"))) {
                empty.add("tcp");
            }
            if (Long.valueOf(0).equals(v6.get("inuse"))) {
                empty.add("tcp6");
            }
        }
        return empty;
    }

    /** The "name value" pairs of the line of {@code text} that begins with {@code label}; none when unreadable. */
    private static Map<String, Long> counters(String text, String label) {
        Map<String, Long> out = new HashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length > 0 && w[0].equals(label)) {
                for (int i = 1; i + 1 < w.length; i += 2) {
                    try {
                        out.put(w[i], Long.parseLong(w[i + 1]));
                    } catch (NumberFormatException e) {
                        return new HashMap<>();
                    }
                }
            }
        }
        return out;
    }

    /** A /proc file's text; null when it is not there or cannot be read. */
    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }

    /** Lines of a /proc/net socket table after its header; 0 when the file is not there. */
    private static int entries(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            int lines = 0;
            for (byte x : b) {
                if (x == '\n') {
                    lines++;
                }
            }
            return Math.max(0, lines - 1);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A dump the kernel flags as interrupted is asked again, like discovery's. */
    private static <T> List<T> retried(NamespaceDump.Dump<T> dump) throws IOException {
        for (int attempt = 1; attempt < NamespaceDump.ATTEMPTS; attempt++) {
            try {
                return dump.run();
            } catch (DumpInterruptedException e) {
                // the namespace changed while being read: read it again
            }
        }
        return dump.run();
    }

    /** The two parts as the model's reading of a namespace. */
    static NamespaceReading.Found found(String id, Dumped d, Inside in) {
        return new NamespaceReading.Found(id, d.rules(), d.routes(), d.unrestorableRoutes(), d.neighbours(),
                in.sysctls().namespace(), in.sysctls().devices(), in.firewall(), in.firewallRefusal(),
                new NamespaceReading.Unrestorable(in.conntrack(), d.qdiscs(), in.sockets()), in.gaps());
    }
}
