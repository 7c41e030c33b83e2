package io.netcr.app.cli;

import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The readable form of a snapshot, in the spirit of {@code ip -br}: one line per device, then links. */
public final class SnapshotSummary {

    private SnapshotSummary() {
    }

    public static void print(Snapshot s, PrintWriter out) {
        printSource(s.source(), out);
        int devices = s.namespaces().stream().mapToInt(n -> n.devices().size()).sum();
        List<String> links = peerLinks(s);
        out.printf("%d namespaces, %d devices, %d peer links, %s%n%n", s.namespaces().size(), devices, links.size(),
                countDiagnostics(s.diagnostics()));
        for (Namespace ns : s.namespaces()) {
            printNamespace(s, ns, out);
        }
        if (!links.isEmpty()) {
            out.println("peer links:");
            links.forEach(l -> out.println("  " + l));
            out.println();
        }
        if (!s.diagnostics().isEmpty()) {
            out.println("diagnostics:");
            s.diagnostics().forEach(d -> out.println("  " + d.describe()));
        }
        out.flush();
    }

    static String countDiagnostics(List<Diagnostic> ds) {
        long errors = ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = ds.stream().filter(d -> d.severity() == Severity.WARNING).count();
        long infos = ds.size() - errors - warnings;
        return plural(errors, "error") + ", " + plural(warnings, "warning") + (infos > 0 ? ", " + plural(infos, "note") : "");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static void printSource(Source src, PrintWriter out) {
        StringBuilder sb = new StringBuilder("source: ").append(src.kind());
        if (src.path() != null) {
            sb.append(' ').append(src.path());
        }
        List<String> about = new ArrayList<>();
        if (src.host() != null) {
            about.add("host " + src.host());
        }
        if (src.kernel() != null) {
            about.add("kernel " + src.kernel());
        }
        if (src.time() != null) {
            about.add("taken " + src.time());
        }
        if (src.tool() != null) {
            about.add("by " + src.tool());
        }
        if (!about.isEmpty()) {
            sb.append(" (").append(String.join(", ", about)).append(')');
        }
        out.println(sb);
    }

    private static void printNamespace(Snapshot s, Namespace ns, PrintWriter out) {
        StringBuilder head = new StringBuilder("netns ").append(ns.label());
        if (ns.names().size() > 1) {
            head.append(" (also ").append(String.join(", ", ns.names().subList(1, ns.names().size()))).append(')');
        }
        head.append("  [").append(ns.id()).append(']');
        if (ns.init()) {
            head.append("  init");
        }
        if (!ns.holders().isEmpty()) {
            head.append("  held by ").append(ns.holders().stream()
                    .map(h -> h.pid() + (h.command() == null ? "" : "(" + h.command() + ")"))
                    .collect(Collectors.joining(" ")));
        }
        out.println(head);
        for (Device d : ns.devices()) {
            out.printf("  %-3d %-15s %-9s %-5s %-14s mtu %-6d %s%s%n", d.ifindex(), d.name(), d.kind().isEmpty() ? "-" : d.kind(),
                    d.up() ? "UP" : "DOWN", d.operstate(), d.mtu(), d.mac() == null ? "-" : d.mac(), relations(s, d));
            for (Address a : d.addresses()) {
                out.println("        " + a.describe());
            }
        }
        if (!ns.routes().isEmpty()) {
            out.println("  routes:");
            ns.routes().forEach(r -> out.println("    " + r.describe()));
        }
        out.println();
    }

    private static String relations(Snapshot s, Device d) {
        StringBuilder sb = new StringBuilder();
        if (d.master() != null) {
            sb.append("  master ").append(d.master());
        }
        if (d.peer() != null) {
            sb.append("  peer ").append(refText(s, d.peer()));
        }
        if (d.parent() != null) {
            sb.append("  link ").append(refText(s, d.parent()));
        }
        if (d.skipped()) {
            sb.append("  (skipped)");
        }
        return sb.toString();
    }

    static String refText(Snapshot s, DeviceRef r) {
        String name = r.name() != null ? r.name() : "#" + r.ifindex();
        if (!r.isResolved()) {
            return name + " (unresolved)";
        }
        return s.namespace(r.namespace()).map(n -> n.label() + "/" + name)
                .orElse(name + " (outside: " + r.namespace() + ")");
    }

    /** Each veth pair once, as {@code a/x <-> b/y}; a peer outside the snapshot is shown as such. */
    static List<String> peerLinks(Snapshot s) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> links = new ArrayList<>();
        for (Namespace ns : s.namespaces()) {
            for (Device d : ns.devices()) {
                if (d.peer() == null) {
                    continue;
                }
                String self = ns.id() + "\0" + d.ifindex();
                String other = d.peer().namespace() + "\0" + d.peer().ifindex();
                String key = self.compareTo(other) < 0 ? self + "|" + other : other + "|" + self;
                if (seen.add(key)) {
                    links.add(ns.label() + "/" + d.name() + " <-> " + refText(s, d.peer()));
                }
            }
        }
        return links;
    }
}
