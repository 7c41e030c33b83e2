package io.netcr.bridge.restore;

import io.netcr.model.SubjectPath;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.TargetNs;

/**
 * The object a plan step acts on, as a diagnostic names it ({@code netns:N/dev:D/addr:A}; the restorer's
 * namespace is "init").
 */
final class StepSubjects {

    private StepSubjects() {
    }

    static SubjectPath of(PlanStep step) {
        if (step instanceof PlanStep.CreateNamespace c) {
            return SubjectPath.of(SubjectPath.NETNS, c.name());
        }
        if (step instanceof PlanStep.CreateVeth v) {
            return ns(v.end().ns()).child(SubjectPath.DEV, v.end().name());
        }
        if (step instanceof PlanStep.CreateBridge b) {
            return ns(b.bridge().ns()).child(SubjectPath.DEV, b.bridge().name());
        }
        if (step instanceof PlanStep.CreateLink l) {
            return ns(l.link().ns()).child(SubjectPath.DEV, l.link().name());
        }
        if (step instanceof PlanStep.CreateTun t) {
            return ns(t.tun().ns()).child(SubjectPath.DEV, t.tun().name());
        }
        if (step instanceof PlanStep.SetAddrGenMode g) {
            return ns(g.ns()).child(SubjectPath.DEV, g.device());
        }
        if (step instanceof PlanStep.SetLink s) {
            return ns(s.ns()).child(SubjectPath.DEV, s.device());
        }
        if (step instanceof PlanStep.SetMaster m) {
            return ns(m.ns()).child(SubjectPath.DEV, m.device());
        }
        if (step instanceof PlanStep.SetUp u) {
            return ns(u.ns()).child(SubjectPath.DEV, u.device());
        }
        if (step instanceof PlanStep.SetAddressFlags f) {
            return ns(f.ns()).child(SubjectPath.DEV, f.device()).child(SubjectPath.ADDR, f.address().cidr());
        }
        if (step instanceof PlanStep.AddAddress a) {
            return ns(a.ns()).child(SubjectPath.DEV, a.device()).child(SubjectPath.ADDR, a.address().cidr());
        }
        if (step instanceof PlanStep.SetSysctls s) {
            return ns(s.ns());
        }
        if (step instanceof PlanStep.LoadFirewall f) {
            return ns(f.ns()).child("firewall", "nftables");
        }
        if (step instanceof PlanStep.AddRule r) {
            return ns(r.ns()).child("rule", Long.toString(r.rule().priority()));
        }
        if (step instanceof PlanStep.AddNeighbour n) {
            return ns(n.ns()).child(SubjectPath.DEV, n.neighbour().device()).child("neigh", n.neighbour().address());
        }
        PlanStep.AddRoute r = (PlanStep.AddRoute) step;
        return ns(r.ns()).child(SubjectPath.ROUTE, r.route().destination());
    }

    private static SubjectPath ns(TargetNs ns) {
        return SubjectPath.of(SubjectPath.NETNS, ns.isRestorer() ? "init" : ns.name());
    }
}
