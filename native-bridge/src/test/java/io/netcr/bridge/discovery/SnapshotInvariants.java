package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Diagnostic;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.util.HashSet;
import java.util.Set;

/** What every snapshot must satisfy, whatever changed while it was taken. */
final class SnapshotInvariants {

    private SnapshotInvariants() {
    }

    static void check(Snapshot s) {
        assertEquals(1, s.namespaces().stream().filter(Namespace::init).count(), "exactly one init namespace");
        Set<String> ids = new HashSet<>();
        for (Namespace ns : s.namespaces()) {
            assertTrue(ids.add(ns.id()), "namespace listed twice: " + ns.id());
            Set<Integer> indexes = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Device d : ns.devices()) {
                assertTrue(indexes.add(d.ifindex()), ns.label() + ": ifindex twice: " + d.ifindex());
                assertTrue(names.add(d.name()), ns.label() + ": name twice: " + d.name());
                if (d.peer() != null) {
                    checkPeer(s, ns, d);
                }
            }
        }
        assertTrue(s.diagnostics().stream().noneMatch(Diagnostic::isError), "no error: " + s.diagnostics());
    }

    /** A peer is symmetric when both ends are present, or the device carries a warning saying why not. */
    private static void checkPeer(Snapshot s, Namespace ns, Device d) {
        DeviceRef p = d.peer();
        Device other = p.namespace() == null || p.name() == null ? null
                : s.namespace(p.namespace()).flatMap(n -> n.device(p.ifindex())).orElse(null);
        if (other == null) {
            SubjectPath at = SubjectPath.of(ns, d);
            boolean flagged = s.diagnostics().stream().anyMatch(g -> g.subject().equals(at));
            boolean unread = p.namespace() != null && s.namespace(p.namespace()).isEmpty();
            assertTrue(flagged || unread, ns.label() + "/" + d.name() + ": unresolved peer without warning: " + p);
            return;
        }
        if (!other.isVeth() || other.peer() == null) {
            fail(ns.label() + "/" + d.name() + ": peer " + other.name() + " has no peer itself");
        }
        assertEquals(new DeviceRef(ns.id(), d.ifindex(), d.name()), other.peer(),
                "peer of " + ns.label() + "/" + d.name() + " points back");
        assertEquals(p.name(), other.name());
    }
}
