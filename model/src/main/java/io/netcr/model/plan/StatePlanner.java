package io.netcr.model.plan;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.Namespace;
import io.netcr.model.NamespaceState;
import io.netcr.model.Neighbour;
import io.netcr.model.Phase;
import io.netcr.model.PolicyRule;
import io.netcr.model.SubjectPath;
import io.netcr.model.Sysctls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the restore of a namespace's state ({@link NamespaceState}): its sysctls and firewall, written once
 * its devices exist and before any address is added or link comes up (accept_dad, disable_ipv6 and the
 * firewall must be in place first); its policy rules and permanent neighbours after the routes (a link going
 * up or down flushes neighbours). Only inside namespaces the restore makes: the restorer's own namespace keeps
 * its own state. Called by {@link RestorePlanner}, which places the steps.
 */
final class StatePlanner {

    /** The kernel's default rules of a new namespace, per family: priority to table. */
    private static final Map<String, Map<Long, Long>> DEFAULT_RULES = Map.of(
            "inet", Map.of(0L, 255L, 32766L, 254L, 32767L, 253L),
            "inet6", Map.of(0L, 255L, 32766L, 254L));

    private final Optional<SysctlBaseline> baseline;
    private final List<Diagnostic> problems;
    final List<PlanStep> early = new ArrayList<>();
    final List<PlanStep> late = new ArrayList<>();

    StatePlanner(Optional<SysctlBaseline> baseline, List<Diagnostic> problems) {
        this.baseline = baseline;
        this.problems = problems;
    }

    /**
     * Plans one namespace of the image, restored as {@code target}; {@code restored} are its devices the restore
     * makes or configures (name to kind). A namespace without a recorded state gets nothing.
     */
    void plan(Namespace ns, TargetNs target, Map<String, String> restored) {
        if (!ns.hasState() || target.isRestorer()) {
            return;
        }
        NamespaceState st = ns.state();
        List<PlanStep.SysctlWrite> writes = sysctls(ns, st, restored);
        if (!writes.isEmpty()) {
            early.add(new PlanStep.SetSysctls(target, writes));
        }
        firewall(ns, st.firewall(), target);
        checkDefaultRules(ns, st);
        st.ownRules().forEach(r -> late.add(new PlanStep.AddRule(target, r)));
        for (Neighbour n : st.neighbours()) {
            if (!n.isPermanent()) {
                continue;
            }
            if (restored.containsKey(n.device())) {
                late.add(new PlanStep.AddNeighbour(target, n));
            } else {
                problems.add(Diagnostic.warning(Errno.ENODEV, SubjectPath.of(ns).child(SubjectPath.DEV, n.device()),
                        Phase.RESTORE, "the permanent neighbour " + n.describe() + " is not restored: its device "
                                + n.device() + " is not"));
            }
        }
    }

    // ---- sysctls

    private List<PlanStep.SysctlWrite> sysctls(Namespace ns, NamespaceState st, Map<String, String> restored) {
        Map<String, String> base = baseline.map(SysctlBaseline::namespace).orElse(null);
        Set<String> nsKeys = new TreeSet<>(Sysctls.WRITE_ORDER);
        Set<String> recheckDevice = new TreeSet<>(); // device keys (without the device) a namespace key may change
        for (Map.Entry<String, String> e : st.sysctls().entrySet()) {
            String key = e.getKey();
            if (Sysctls.neverWritten(key)) {
                warnNeverWritten(SubjectPath.of(ns), key, e.getValue(), base == null ? null : base.get(key));
                continue;
            }
            if (base == null || !Objects.equals(base.get(key), e.getValue())) {
                nsKeys.add(key);
                propagation(key, st.sysctls(), nsKeys, recheckDevice);
            }
        }
        List<PlanStep.SysctlWrite> writes = new ArrayList<>();
        nsKeys.forEach(k -> writes.add(new PlanStep.SysctlWrite(k, st.sysctls().get(k))));
        for (Map.Entry<String, Map<String, String>> dev : st.deviceSysctls().entrySet()) {
            String kind = restored.get(dev.getKey());
            if (kind == null) {
                continue; // not restored (skipped); the planner says so for the device itself
            }
            Map<String, String> kindBase = baseline.map(b -> b.deviceByKind().get(kind)).orElse(null);
            Set<String> listed = new TreeSet<>(Sysctls.DEVICE_WRITE_ORDER);
            for (Map.Entry<String, String> e : dev.getValue().entrySet()) {
                String rel = e.getKey();
                if (Sysctls.neverWritten(rel)) {
                    continue; // a device's addr_gen_mode comes back over rtnetlink (SetAddrGenMode, SetUp), not here
                }
                if (kindBase == null || !Objects.equals(kindBase.get(rel), e.getValue()) || recheckDevice.contains(rel)) {
                    listed.add(rel);
                }
            }
            if (listed.contains("ipv6/conf/disable_ipv6") && dev.getValue().containsKey("ipv6/conf/mtu")) {
                listed.add("ipv6/conf/mtu"); // enabling IPv6 again resets it to the link's
            }
            listed.forEach(rel -> writes.add(new PlanStep.SysctlWrite(Sysctls.deviceKey(rel, dev.getKey()),
                    dev.getValue().get(rel))));
        }
        return writes;
    }

    /**
     * What writing a namespace key may change besides itself, to be compared again after it: ip_forward (and
     * conf/all/forwarding) every forwarding and conf/all/accept_redirects; a conf/all or conf/default key the
     * same key of conf/default and of every device (the kernel copies them: devinet_copy_dflt_conf, IPv6's
     * forwarding and disable_ipv6); a neigh/default key the same key of every device.
     */
    private static void propagation(String key, Map<String, String> image, Set<String> nsKeys, Set<String> device) {
        String[] p = key.split("/", -1);
        if (key.equals("ipv4/ip_forward") || key.equals("ipv4/conf/all/forwarding")) {
            for (String k : List.of("ipv4/ip_forward", "ipv4/conf/all/forwarding", "ipv4/conf/default/forwarding",
                    "ipv4/conf/all/accept_redirects")) {
                if (image.containsKey(k)) {
                    nsKeys.add(k);
                }
            }
            device.add("ipv4/conf/forwarding");
        }
        if (p.length == 4 && (p[1].equals("conf") || p[1].equals("neigh")) && (p[2].equals("all") || p[2].equals("default"))) {
            device.add(p[0] + "/" + p[1] + "/" + p[3]);
            if (p[3].equals("disable_ipv6")) {
                device.add("ipv6/conf/mtu");
            }
            String dflt = p[0] + "/" + p[1] + "/default/" + p[3];
            if (p[2].equals("all") && image.containsKey(dflt)) {
                nsKeys.add(dflt);
            }
        }
    }

    /**
     * A namespace key the restore never writes (conf/all and conf/default addr_gen_mode) that differs from a new
     * namespace's: a warning naming it. A device's own mode is restored over rtnetlink (IFLA_INET6_ADDR_GEN_MODE).
     */
    private void warnNeverWritten(SubjectPath at, String key, String value, String now) {
        if (now != null && now.equals(value)) {
            return;
        }
        problems.add(Diagnostic.warning(Errno.ENOSYS, at.child("sysctl", Sysctls.dotted(key)),
                Phase.RESTORE, Sysctls.dotted(key) + " is " + value + " in the image" + (now == null ? "" : " and " + now
                        + " in a new namespace here") + "; a restore never writes it (writing addr_gen_mode makes the "
                        + "kernel generate link-local addresses again): set it by hand after the restore if it matters"));
    }

    // ---- firewall

    private void firewall(Namespace ns, Firewall fw, TargetNs target) {
        if (fw == null) {
            return;
        }
        SubjectPath where = SubjectPath.of(ns).child("firewall", "nftables");
        if (fw.skipped()) {
            problems.add(Diagnostic.info(Errno.ENOSYS, where, Phase.RESTORE, "the nftables ruleset ("
                    + fw.summary() + ") was recorded by the checkpoint without being restorable and is not restored"));
            return;
        }
        if (fw.count("table") == 0) {
            return; // an empty ruleset: a new namespace has one already
        }
        try {
            early.add(new PlanStep.LoadFirewall(target, FirewallCommands.load(fw), fw.summary()));
        } catch (IOException e) {
            problems.add(Diagnostic.error(Errno.EINVAL, where, Phase.RESTORE, "the image's nftables ruleset cannot be "
                    + "read (" + e.getMessage() + "), so it cannot be restored; checkpoint the namespace again"));
        }
    }

    // ---- rules

    private void checkDefaultRules(Namespace ns, NamespaceState st) {
        for (Map.Entry<String, Map<Long, Long>> family : DEFAULT_RULES.entrySet()) {
            List<PolicyRule> ofFamily = st.rules().stream().filter(r -> r.family().equals(family.getKey())).toList();
            if (ofFamily.isEmpty()) {
                continue; // none recorded for the family: nothing to compare
            }
            Map<Long, Long> missing = new LinkedHashMap<>(family.getValue());
            ofFamily.stream().filter(PolicyRule::isKernelDefault).forEach(r -> missing.remove(r.priority()));
            missing.forEach((pref, table) -> problems.add(Diagnostic.warning(Errno.ENOSYS,
                    SubjectPath.of(ns).child("rule", Long.toString(pref)), Phase.RESTORE, "the image's namespace had no "
                            + (family.getKey().equals("inet6") ? "IPv6 " : "") + "rule pref " + pref + ": from all lookup "
                            + PolicyRule.tableWord(table) + ", which every new namespace has; a restore leaves the "
                            + "kernel's default rules alone (delete it by hand if it matters)")));
        }
    }

    /** The devices of a namespace that a restore makes or configures there, name to kind. */
    static Map<String, String> kinds(List<Device> devices) {
        Map<String, String> out = new LinkedHashMap<>();
        devices.forEach(d -> out.put(d.name(), d.kind()));
        return out;
    }
}
