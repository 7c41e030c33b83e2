package io.netcr.model.validate;

import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.IpPrefix;
import io.netcr.model.IpText;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.Route;
import io.netcr.model.RouteMetrics;
import io.netcr.model.SubjectPath;
import io.netcr.model.Sysctls;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of what version 2 of the format added: a route's table, TOS, flags, preference and metrics;
 * a namespace's rules, neighbours, sysctls and firewall. Above all, a sysctl key must name a file below
 * /proc/sys/net/ipv4 or ipv6 and nothing else, since a restore writes it as a path.
 */
final class StateChecks {

    /** Keys of a namespace, and of one device: far above the few hundred a kernel has. */
    static final int MAX_SYSCTLS = 65536;
    static final int MAX_DEVICE_SYSCTLS = 4096;
    /** A sysctl value is one line the kernel printed; the longest are a few hundred bytes. */
    static final int MAX_VALUE = 4096;

    private static final Set<String> ACTIONS = Set.of("lookup", "goto", "nop", "blackhole", "unreachable", "prohibit");
    private static final Set<String> PREFS = Set.of("low", "medium", "high");

    private StateChecks() {
    }

    static void checkRoute(Route r, SubjectPath at, Findings f) {
        if (!r.table().equals("main") && !r.table().equals("local") && !r.table().equals("default")
                && !number(r.table(), 1, 0xffffffffL)) {
            f.error(Errno.EINVAL, at, "table '" + r.table() + "' is not main, local, default or a number 1 to 4294967295");
        }
        if (r.tos() < 0 || r.tos() > 255) {
            f.error(Errno.EINVAL, at, "tos " + r.tos() + " is outside 0..255");
        }
        for (String flag : r.flags()) {
            if (!Route.ONLINK.equals(flag)) {
                f.error(Errno.EINVAL, at, "route flag '" + flag + "' is not one a restore can set (onlink)");
            }
        }
        if (r.pref() != null && !PREFS.contains(r.pref())) {
            f.error(Errno.EINVAL, at, "route preference '" + r.pref() + "' is not low, medium or high");
        }
        for (Map.Entry<String, String> m : r.metrics().entrySet()) {
            if (RouteMetrics.number(m.getKey()).isEmpty()) {
                f.error(Errno.EINVAL, at, "'" + m.getKey() + "' is not a route metric");
            } else if (!m.getKey().equals(RouteMetrics.CONGCTL) && !number(m.getValue(), 0, 0xffffffffL)) {
                f.error(Errno.EINVAL, at, "route metric " + m.getKey() + " is '" + m.getValue() + "', not a number");
            } else if (m.getKey().equals(RouteMetrics.CONGCTL) && !m.getValue().matches("[A-Za-z0-9_-]{1,15}")) {
                f.error(Errno.EINVAL, at, "route metric congctl '" + m.getValue() + "' is not a congestion control name");
            }
        }
    }

    static void check(Namespace ns, DeviceIndex index, Limits limits, Findings f) {
        NamespaceState st = ns.state();
        if (st == null) {
            return;
        }
        SubjectPath at = SubjectPath.of(ns);
        if (st.rules().size() > limits.maxRoutesPerNamespace()) {
            f.error(Errno.E2BIG, at, "the namespace holds " + st.rules().size() + " rules; the limit is "
                    + limits.maxRoutesPerNamespace());
        }
        st.rules().forEach(r -> rule(r, at.child("rule", Long.toString(r.priority())), f));
        if (st.neighbours().size() > limits.maxRoutesPerNamespace()) {
            f.error(Errno.E2BIG, at, "the namespace holds " + st.neighbours().size() + " neighbours; the limit is "
                    + limits.maxRoutesPerNamespace());
        }
        for (Neighbour n : st.neighbours()) {
            neighbour(ns, n, index, at.child("neigh", n.address()), f);
        }
        if (st.sysctls().size() > MAX_SYSCTLS) {
            f.error(Errno.E2BIG, at, "the namespace holds " + st.sysctls().size() + " sysctls; the limit is " + MAX_SYSCTLS);
        }
        st.sysctls().forEach((k, v) -> {
            SubjectPath where = at.child("sysctl", Sysctls.dotted(k));
            Sysctls.keyProblem(k).ifPresent(p -> f.error(Errno.EINVAL, where, "not a namespace sysctl: " + p));
            value(v, where, f);
        });
        for (Map.Entry<String, Map<String, String>> d : st.deviceSysctls().entrySet()) {
            SubjectPath dev = at.child(SubjectPath.DEV, d.getKey());
            Optional<NameRules.Problem> bad = NameRules.deviceName(d.getKey());
            if (bad.isPresent()) {
                f.error(bad.get().code(), dev, "sysctls of a device whose name the kernel would refuse: "
                        + bad.get().reason());
                continue;
            }
            if (index.device(ns, d.getKey()).isEmpty()) {
                f.warning(Errno.ENODEV, dev, "sysctls of a device that is not in this namespace");
            }
            if (d.getValue().size() > MAX_DEVICE_SYSCTLS) {
                f.error(Errno.E2BIG, dev, "the device holds " + d.getValue().size() + " sysctls; the limit is "
                        + MAX_DEVICE_SYSCTLS);
            }
            d.getValue().forEach((k, v) -> {
                SubjectPath where = dev.child("sysctl", k);
                Sysctls.deviceKeyProblem(k).ifPresent(p -> f.error(Errno.EINVAL, where, p));
                value(v, where, f);
            });
        }
        Firewall fw = st.firewall();
        if (fw != null) {
            try {
                fw.objects();
            } catch (IOException e) {
                f.error(Errno.EINVAL, at.child("firewall", "nftables"), "the nftables ruleset is not a listing of "
                        + "nft -j list ruleset: " + e.getMessage());
            }
        }
    }

    private static void value(String v, SubjectPath where, Findings f) {
        if (v.length() > MAX_VALUE || v.indexOf('\n') >= 0 || v.indexOf('\0') >= 0) {
            f.error(Errno.EINVAL, where, "a sysctl value is one line of at most " + MAX_VALUE + " characters");
        }
    }

    private static void rule(PolicyRule r, SubjectPath at, Findings f) {
        if (IpText.length(r.family()) == 0) {
            f.error(Errno.EAFNOSUPPORT, at, "family '" + r.family() + "' is neither inet nor inet6");
            return;
        }
        if (r.priority() < 0 || r.priority() > PolicyRule.MAX_PRIORITY) {
            f.error(Errno.EINVAL, at, "priority " + r.priority() + " is outside 0..4294967295");
        }
        PolicyRule.Selector s = r.selector();
        for (String p : new String[] {s.from(), s.to()}) {
            if (p != null && (p.indexOf('/') < 0 || IpPrefix.parse(p, r.family()).filter(x -> x.family().equals(r.family()))
                    .isEmpty())) {
                f.error(Errno.EINVAL, at, "'" + p + "' is not an " + r.family() + " prefix (address/length)");
            }
        }
        for (String dev : new String[] {s.iif(), s.oif()}) {
            if (dev != null) {
                NameRules.deviceName(dev).ifPresent(p -> f.error(p.code(), at, "iif/oif: " + p.reason()));
            }
        }
        if (s.uidRange() != null && !range(s.uidRange(), 0xffffffffL)) {
            f.error(Errno.EINVAL, at, "uidrange '" + s.uidRange() + "' is not START-END");
        }
        for (String ports : new String[] {s.sport(), s.dport()}) {
            if (ports != null && !range(ports, 65535) && !number(ports, 0, 65535)) {
                f.error(Errno.EINVAL, at, "port range '" + ports + "' is not PORT or START-END (0..65535)");
            }
        }
        String kind = r.action().kind();
        if (!ACTIONS.contains(kind) && !kind.matches("action \\d{1,3}")) {
            f.error(Errno.EINVAL, at, "rule action '" + kind + "' is not lookup, goto, nop, blackhole, unreachable, "
                    + "prohibit or 'action N'");
        }
        if (kind.equals("goto") && r.action().target() == null) {
            f.error(Errno.EINVAL, at, "a goto rule without the preference it goes to");
        }
    }

    private static void neighbour(Namespace ns, Neighbour n, DeviceIndex index, SubjectPath at, Findings f) {
        int len = IpText.length(n.family());
        if (len == 0) {
            f.error(Errno.EAFNOSUPPORT, at, "family '" + n.family() + "' is neither inet nor inet6");
            return;
        }
        if (IpText.parse(n.address()).map(b -> b.length != len).orElse(true)) {
            f.error(Errno.EINVAL, at, "'" + n.address() + "' is not an " + n.family() + " address");
        }
        if (n.lladdr() != null && !n.lladdr().matches("[0-9a-f]{2}(:[0-9a-f]{2}){0,31}")) {
            f.error(Errno.EINVAL, at, "link-layer address '" + n.lladdr() + "' is not lower-case hex pairs joined by ':'");
        }
        if (index.device(ns, n.device()).isEmpty()) {
            f.warning(Errno.ENODEV, at, "the neighbour's device '" + n.device() + "' is not in this namespace");
        }
    }

    private static boolean number(String text, long min, long max) {
        if (text == null || !text.matches("\\d{1,10}")) {
            return false;
        }
        long n = Long.parseLong(text);
        return n >= min && n <= max;
    }

    private static boolean range(String text, long max) {
        int dash = text.indexOf('-');
        return dash > 0 && number(text.substring(0, dash), 0, max) && number(text.substring(dash + 1), 0, max);
    }
}
