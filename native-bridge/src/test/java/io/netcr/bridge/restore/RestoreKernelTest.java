package io.netcr.bridge.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.discovery.KernelTopology;
import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.checkpoint.CheckpointSelector;
import io.netcr.model.checkpoint.CheckpointStates;
import io.netcr.model.diff.DiffOptions;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import io.netcr.model.image.ImageReader;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.plan.RestoreOptions;
import io.netcr.model.plan.RestorePlan;
import io.netcr.model.plan.RestorePlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint and restore against the real kernel (root): round trip, rollback at every step, name
 * collisions. Topologies are built with `ip` under unique names; everything made is removed.
 */
class RestoreKernelTest {

    @RegisterExtension
    static final KernelTopology TOPO = new KernelTopology();

    @RegisterExtension
    static final RestoreSweep SWEEP = new RestoreSweep();

    @TempDir
    Path dir;

    /** The host as it was: everything compared but address flags that change by themselves (DAD's "tentative"). */
    private static final DiffOptions HOST_DIFF = DiffOptions.DEFAULT.withIgnoreTransientFlags(true);

    /**
     * A fresh discovery per snapshot: discovery keeps a descriptor of every namespace it read, which keeps
     * a deleted namespace (and the veth halves in it) alive for as long as it is open.
     */
    private static Snapshot snapshot(Set<String> only) throws Exception {
        try (LiveDiscovery discovery = new LiveDiscovery("netcr test")) {
            return discovery.snapshot(only);
        }
    }

    /** Names of what {@link #build} made. */
    record Built(String a, String b, String c, String host) {
        List<String> namespaces() {
            return List.of(a, b, c);
        }
    }

    /**
     * Three namespaces: A-B by a veth (non-default MTU and MAC, IPv4 and IPv6), A to the init namespace
     * by a veth, a bridge in C with two ports (one to B, one whose peer stays down), an extra loopback
     * address, a static route.
     */
    static Built build(KernelTopology t) {
        String a = t.namespace();
        String b = t.namespace();
        String c = t.namespace();
        String host = t.initDevice("h");
        t.ip("-n", a, "link", "add", "vab", "mtu", "1400", "address", "02:00:0a:fa:01:01", "type", "veth",
                "peer", "name", "vba", "mtu", "1400", "netns", b);
        t.ip("link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", a);
        t.ip("-n", c, "link", "add", "br0", "address", "02:00:0a:fa:03:01", "type", "bridge");
        t.ip("-n", c, "link", "add", "p0", "type", "veth", "peer", "name", "q0", "netns", b);
        t.ip("-n", c, "link", "add", "p1", "type", "veth", "peer", "name", "p2");
        t.ip("-n", c, "link", "set", "p0", "master", "br0");
        t.ip("-n", c, "link", "set", "p1", "master", "br0");
        t.ip("-n", a, "addr", "add", "10.250.1.1/24", "dev", "vab");
        t.ip("-n", a, "addr", "add", "fd00:250:1::1/64", "dev", "vab", "nodad");
        t.ip("-n", b, "addr", "add", "10.250.1.2/24", "dev", "vba");
        t.ip("-n", b, "addr", "add", "fd00:250:1::2/64", "dev", "vba", "nodad");
        t.ip("-n", a, "addr", "add", "10.250.2.1/24", "dev", "eth0");
        t.ip("-n", a, "addr", "add", "10.250.255.1/32", "dev", "lo");
        t.ip("-n", c, "addr", "add", "10.250.3.1/24", "dev", "br0");
        t.ip("-n", b, "addr", "add", "10.250.3.2/24", "dev", "q0");
        for (String[] up : new String[][] {{a, "lo"}, {a, "vab"}, {a, "eth0"}, {b, "lo"}, {b, "vba"}, {b, "q0"},
            {c, "br0"}, {c, "p0"}, {c, "p1"}}) {
            t.ip("-n", up[0], "link", "set", up[1], "up");
        }
        t.ip("link", "set", host, "up");
        t.ip("-n", b, "route", "add", "10.250.99.0/24", "via", "10.250.1.1", "metric", "7");
        return new Built(a, b, c, host);
    }

    static String initId() throws Exception {
        String self = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        return "nsfs:" + self.substring(self.indexOf('[') + 1, self.indexOf(']'));
    }

    /** The namespaces of the topology (by these names) and, of the init namespace, only these devices. */
    private static Snapshot view(List<String> namespaces, Set<String> initDevices) throws Exception {
        Set<String> only = new HashSet<>(namespaces);
        only.add(initId());
        Snapshot s = snapshot(only);
        List<Namespace> kept = new ArrayList<>();
        for (Namespace n : s.namespaces()) {
            if (n.init()) {
                kept.add(n.withDevices(n.devices().stream().filter(d -> initDevices.contains(d.name())).toList())
                        .withRoutes(n.routes().stream().filter(r -> initDevices.contains(r.device())).toList()));
            } else {
                kept.add(n);
            }
        }
        return s.withNamespaces(kept);
    }

    /** Checkpoints these namespaces as netcr checkpoint does (their state included) to {@code file}; reads it back. */
    static Snapshot checkpoint(List<String> namespaces, Path file) throws Exception {
        Set<String> only = new HashSet<>(namespaces);
        only.add(initId());
        CheckpointResult r;
        try (LiveDiscovery discovery = new LiveDiscovery("netcr test")) { // as CheckpointService does it
            CheckpointResult selected = CheckpointSelector.select(discovery.snapshot(only), namespaces, false,
                    CheckpointOptions.defaults());
            r = selected.image() == null ? selected : CheckpointStates.apply(selected, discovery.checkpointState(
                    selected.image().namespaces().stream().filter(n -> !n.init()).toList()), CheckpointOptions.defaults());
        }
        assertTrue(r.image() != null, () -> "checkpoint refused: " + r.diagnostics());
        ImageWriter.write(r.image(), file);
        var read = ImageReader.read(file, ReadMode.STRICT);
        assertTrue(read.snapshot() != null, () -> "image not readable: " + read.diagnostics());
        return read.snapshot();
    }

    static RestorePlan plan(Snapshot image, RestoreOptions options) throws Exception {
        return RestorePlanner.plan(image, HostView.forPlanning(), options);
    }

    /** The topology of {@link #build} and its image, as the tests start from. */
    record Checkpointed(Built topology, Snapshot image) {
    }

    /** Given: the topology of {@link #build}, checkpointed to a file in {@code dir} and read back. */
    static Checkpointed checkpointedTopology(KernelTopology topo, Path dir) throws Exception {
        Built t = build(topo);
        return new Checkpointed(t, checkpoint(t.namespaces(), dir.resolve("topology.netcr")));
    }

    private Checkpointed checkpointedTopology() throws Exception {
        return checkpointedTopology(TOPO, dir);
    }

    /** The plan that restores {@code image} beside the original, under {@code prefix}; it can run. */
    static RestorePlan prefixedPlan(Snapshot image, String prefix) throws Exception {
        RestorePlan plan = plan(image, new RestoreOptions(Map.of(), prefix));
        assertTrue(plan.isExecutable(), () -> "plan: " + plan.diagnostics());
        return plan;
    }

    private static RestorePlan prefixedPlan(Snapshot image) throws Exception {
        return prefixedPlan(image, SWEEP.prefix());
    }

    @Test
    void should_restore_topology_as_it_was_and_pass_traffic() throws Exception {
        Checkpointed c = checkpointedTopology();
        Built t = c.topology();
        Snapshot before = view(t.namespaces(), Set.of(t.host()));
        for (String ns : t.namespaces()) {
            TOPO.ip("netns", "del", ns); // the host half goes with A's eth0
        }
        awaitGone(t.host());
        RestorePlan plan = plan(c.image(), RestoreOptions.none());
        assertTrue(plan.isExecutable(), () -> "plan: " + plan.diagnostics());

        RestoreResult result = PlanExecutor.execute(plan, PlanExecutor.Options.defaults());

        assertTrue(result.success(), () -> "restore: " + result.diagnostics());
        assertFalse(Journals.present(RunDir.current()), "a finished restore leaves no journal");
        JournalContent last = Journals.last(RunDir.current()).orElseThrow();
        assertEquals(JournalRecord.Outcome.RESTORED, last.end().orElseThrow().outcome());
        assertEquals(plan.steps().size(), last.doneCount());
        Snapshot after = view(t.namespaces(), Set.of(t.host()));
        DiffReport diff = SnapshotDiff.compare(before, after, DiffOptions.AFTER_RESTORE);
        assertTrue(diff.isEmpty(), () -> "differences after restore:\n" + diff.changes());
        String v4 = TOPO.ip("netns", "exec", t.a(), "ping", "-c1", "-W2", "10.250.1.2");
        assertTrue(v4.contains("1 received"), v4);
        String v6 = TOPO.ip("netns", "exec", t.a(), "ping", "-6", "-c1", "-W2", "fd00:250:1::2");
        assertTrue(v6.contains("1 received"), v6);
    }

    @Test
    void should_leave_host_as_it_was_when_any_step_fails() throws Exception {
        Checkpointed c = checkpointedTopology();
        Built t = c.topology();
        RestorePlan plan = prefixedPlan(c.image());
        Snapshot hostBefore = initOnly();
        List<String> namesBefore = HostView.namedNamespaces(Path.of("/run/netns"));

        for (int k = 1; k <= plan.steps().size(); k++) {
            List<RestoreEvent> events = new ArrayList<>();
            RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults().failingBefore(k), events::add);

            int step = k;
            assertFalse(r.success(), "step " + k);
            Diagnostic d = r.diagnostics().get(0);
            assertEquals(Phase.RESTORE, d.phase());
            assertTrue(d.message().contains("step " + k + " of ") && d.message().contains(plan.steps().get(k - 1).describe()),
                    d.message());
            assertEquals(1, r.diagnostics().size(), () -> "undo problems at step " + step + ": " + r.diagnostics());
            DiffReport diff = SnapshotDiff.compare(hostBefore, initOnly(), HOST_DIFF);
            assertTrue(diff.isEmpty(), () -> "after a failure at step " + step + " the init namespace differs:\n"
                    + diff.changes());
            List<String> left = HostView.namedNamespaces(Path.of("/run/netns")).stream()
                    .filter(n -> n.startsWith(SWEEP.prefix())).toList();
            assertEquals(List.of(), left, "namespaces of the restore left after a failure at step " + k);
            assertTrue(HostView.namedNamespaces(Path.of("/run/netns")).containsAll(t.namespaces()));
            RestoreEventChecks.assertStepsThenUndo(plan, k, events);
            assertFalse(Journals.present(RunDir.current()), "a rolled-back restore leaves no journal (step " + k + ")");
            if (k > 1) { // the journal is made with the first step
                JournalContent last = Journals.last(RunDir.current()).orElseThrow();
                assertEquals(JournalRecord.Outcome.ROLLED_BACK, last.end().orElseThrow().outcome());
                assertEquals(k - 1, last.doneCount(), "the journal holds the outcome of every step that ran");
            }
        }
        assertTrue(namesBefore.containsAll(t.namespaces()));
    }

    @Test
    void should_report_a_kernel_refusal_with_its_step_and_undo_everything() throws Exception {
        Checkpointed c = checkpointedTopology();
        RestorePlan plan = prefixedPlan(c.image());
        Snapshot hostBefore = initOnly();
        // A device that appears after planning: the kernel refuses the outside half's name (EEXIST).
        String clash = SWEEP.prefix() + c.topology().host();
        TOPO.ip("link", "add", clash, "type", "veth", "peer", "name", SWEEP.prefix() + "x");
        Snapshot withClash = initOnly();
        List<RestoreEvent> events = new ArrayList<>();

        RestoreResult r = PlanExecutor.execute(plan, PlanExecutor.Options.defaults(), events::add);

        assertFalse(r.success());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Errno.EEXIST, d.code(), d.toString());
        assertTrue(d.message().contains("restore failed at step"), d.message());
        DiffReport touched = SnapshotDiff.compare(withClash, initOnly(), HOST_DIFF);
        assertTrue(touched.isEmpty(), () -> "the device the restore did not make is left alone: " + touched.changes());
        assertTrue(HostView.namedNamespaces(Path.of("/run/netns")).stream().noneMatch(n -> n.startsWith(SWEEP.prefix())));
        List<String> undone = events.stream().filter(e -> e instanceof RestoreEvent.Undoing).map(RestoreEvent::text)
                .toList();
        assertTrue(undone.containsAll(c.topology().namespaces().stream().map(n -> "ip netns del " + SWEEP.prefix() + n)
                .toList()) && undone.stream().noneMatch(u -> u.contains(clash)),
                () -> "the namespaces are undone, the clashing device is not touched: " + undone);
        TOPO.ip("link", "del", clash);
        assertTrue(SnapshotDiff.compare(hostBefore, initOnly(), HOST_DIFF).isEmpty());
    }

    @Test
    void should_refuse_existing_names_before_any_change_and_restore_with_a_prefix() throws Exception {
        Checkpointed c = checkpointedTopology();
        Built t = c.topology();

        RestorePlan clash = plan(c.image(), RestoreOptions.none());

        assertFalse(clash.isExecutable());
        for (String ns : t.namespaces()) {
            assertTrue(clash.diagnostics().stream().anyMatch(d -> d.code() == Errno.EEXIST
                    && d.subject().toString().equals("netns:" + ns) && d.message().contains("--prefix")),
                    () -> ns + ": " + clash.diagnostics());
        }
        assertTrue(clash.diagnostics().stream().anyMatch(d -> d.code() == Errno.EEXIST
                && d.subject().toString().contains(t.host())), () -> clash.diagnostics().toString());
        assertThrows(IllegalArgumentException.class, () -> PlanExecutor.execute(clash, PlanExecutor.Options.defaults()));

        RestorePlan prefixed = prefixedPlan(c.image());
        RestoreResult r = PlanExecutor.execute(prefixed, PlanExecutor.Options.defaults());
        assertTrue(r.success(), () -> r.diagnostics().toString());
        List<String> restored = t.namespaces().stream().map(n -> SWEEP.prefix() + n).toList();
        assertTrue(HostView.namedNamespaces(Path.of("/run/netns")).containsAll(restored));
        String ping = TOPO.ip("netns", "exec", SWEEP.prefix() + t.b(), "ping", "-c1", "-W2", "10.250.1.1");
        assertTrue(ping.contains("1 received"), ping);
        Device outside = initOnly().initNamespace().orElseThrow().device(SWEEP.prefix() + t.host()).orElseThrow();
        assertTrue(outside.up(), "the outside half is configured as it was (up)");
    }

    /** A namespace is destroyed asynchronously after its last reference goes: wait for its veth's other half. */
    static void awaitGone(String initDevice) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (KernelTopology.run(List.of("ip", "link", "show", initDevice), false).contains("does not exist")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(initDevice + " still exists 10 s after its peer's namespace was deleted");
    }

    private static Snapshot initOnly() throws Exception {
        return snapshot(Set.of(initId()));
    }
}
