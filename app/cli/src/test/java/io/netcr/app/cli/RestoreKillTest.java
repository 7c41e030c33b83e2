package io.netcr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netcr.app.hosts.AgentHost;
import io.netcr.app.hosts.Cancellation;
import io.netcr.app.hosts.HostStatus;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.hosts.InProcessAgent;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.hosts.RestoreOutcome;
import io.netcr.app.hosts.RestoreRequest;
import io.netcr.app.hosts.RestoreWatch;
import io.netcr.app.services.RecoveryService;
import io.netcr.app.services.RestoreService;
import io.netcr.bridge.restore.journal.JournalContent;
import io.netcr.bridge.restore.journal.JournalRecord;
import io.netcr.bridge.restore.journal.Journals;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Address;
import io.netcr.model.Device;
import io.netcr.model.DeviceRef;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Route;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.json.SnapshotJson;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore that dies half-way, for real: {@code netcr restore} runs as its own process and the test seam
 * ({@code netcr.test.killAfterStep=k}) SIGKILLs it right after step k, at every step of a plan with
 * namespaces, an outside veth half, addresses and routes; after each kill {@code netcr recover} must leave the
 * host as it was before, by the `ip -j` oracle ({@link HostOracle}). The host keeps the test's original
 * topology throughout (the restore runs under a prefix beside it), so the oracle also sees that recovery
 * touches nothing but the restore's own objects. Root; everything named with the test's tag is removed after.
 */
class RestoreKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The lock and journal of this test only. */
    @RegisterExtension
    final TestRunDir run = new TestRunDir();

    private String tag;
    private RunDir runDir;

    @BeforeEach
    void setUp() {
        assumeTrue("0".equals(RestoreCommandTest.sh(List.of("id", "-u")).trim()), "kernel tests need root");
        tag = KillRuns.newTag();
        runDir = run.runDir();
    }

    @AfterEach
    void cleanUp() {
        if (tag != null) {
            KillRuns.removeTagged(tag, null);
        }
    }

    /** Namespaces TAGa and TAGb (veth v0-v1, IPv4 and IPv6, a route in b), TAGh in this namespace to TAGa. */
    private Path checkpointedTopology() {
        String a = tag + "a";
        String b = tag + "b";
        String h = tag + "h";
        KillRuns.ip("netns", "add", a);
        KillRuns.ip("netns", "add", b);
        KillRuns.ip("-n", a, "link", "add", "v0", "mtu", "1400", "type", "veth", "peer", "name", "v1", "netns", b);
        KillRuns.ip("link", "add", h, "type", "veth", "peer", "name", "eth0", "netns", a);
        KillRuns.ip("-n", a, "addr", "add", "10.250.61.1/24", "dev", "v0");
        KillRuns.ip("-n", a, "addr", "add", "fd00:250:61::1/64", "dev", "v0", "nodad");
        KillRuns.ip("-n", b, "addr", "add", "10.250.61.2/24", "dev", "v1");
        KillRuns.ip("-n", b, "addr", "add", "fd00:250:61::2/64", "dev", "v1", "nodad");
        KillRuns.ip("-n", a, "addr", "add", "10.250.62.2/24", "dev", "eth0");
        for (String[] up : new String[][] {{a, "lo"}, {a, "v0"}, {a, "eth0"}, {b, "lo"}, {b, "v1"}}) {
            KillRuns.ip("-n", up[0], "link", "set", up[1], "up");
        }
        KillRuns.ip("link", "set", h, "addrgenmode", "none"); // no link-local whose DAD changes it meanwhile
        KillRuns.ip("link", "set", h, "up");
        KillRuns.ip("-n", b, "route", "add", "10.250.63.0/24", "via", "10.250.61.1", "metric", "5");
        KillRuns.ip("-n", a, "route", "add", "default", "via", "10.250.62.1", "dev", "eth0");
        Path image = dir.resolve("topology.netcr");
        RestoreCommandTest.Run cp = RestoreCommandTest.run("checkpoint", a, b, "-o", image.toString());
        assertEquals(0, cp.status(), cp.err());
        return image;
    }

    /**
     * The agent's side of a restore that died: a client that connects afterwards (the workbench, through the
     * privilege helper or ssh) hears of the leftover from {@code status}, sees what Undo would remove (a dry
     * recovery, which changes nothing), recovers through the agent, and then hears how the last restore ended.
     */
    @Test
    void should_tell_a_client_of_the_agent_of_a_leftover_and_recover_through_it() throws Exception {
        Path image = checkpointedTopology();
        String before = HostOracle.capture(tag);
        int half = KillRuns.steps(image, "k") / 2;
        assertEquals(137, KillRuns.restoreKilledAfter(half, image, "k", runDir, null));
        try (AgentHost host = new AgentHost(LocalHost.LABEL, false, new InProcessAgent(new LocalHost(runDir)),
                new Hosts.Listener() { }, AgentHost.HELLO_MILLIS, AgentHost.IDLE_MILLIS)) {
            HostStatus status = host.status();
            assertTrue(status.needsRecovery(), status.toString());
            assertTrue(status.leftover().contains("netcr restore " + image), status.leftover());

            // a new restore through the agent is refused while the leftover waits, naming the way out
            String held = HostOracle.capture(tag);
            RestoreOutcome refused = host.restore(new RestoreRequest(RestoreService.readImage(image).snapshot(),
                    new RestoreOptions(Map.of(), "q"), false, "test"), RestoreWatch.NONE, Cancellation.none());
            assertFalse(refused.success());
            assertTrue(refused.problems().stream().anyMatch(d -> d.code() == Errno.EBUSY
                    && d.message().contains("netcr recover")), refused.problems().toString());
            assertEquals(held, HostOracle.capture(tag), "the refused restore changed nothing");

            RecoveryOutcome preview = host.recover(false, true, "test");
            assertEquals(RecoveryService.Kind.RAN, preview.kind());
            assertFalse(preview.actions().isEmpty(), "a dry run says what Undo removes");
            assertTrue(Journals.present(runDir), "a dry run changes nothing");

            RecoveryOutcome undone = host.recover(false, false, "test");
            assertTrue(undone.success(), undone.problems().toString());
            assertEquals(before, HostOracle.capture(tag), "the host is as it was before the killed restore");
            HostStatus after = host.status();
            assertFalse(after.needsRecovery(), after.toString());
            assertTrue(after.lastOutcome().contains("recovered"), after.toString());
        }
    }

    @Test
    void should_leave_the_host_as_it_was_after_a_kill_at_any_step_and_recover() throws Exception {
        Path image = checkpointedTopology();
        String before = HostOracle.capture(tag);
        int steps = KillRuns.steps(image, "k");
        assertTrue(steps >= 15, "a plan with namespaces, veths, addresses, states and routes: " + steps);
        long t0 = System.nanoTime();

        for (int k = 0; k <= steps; k++) {
            int status = KillRuns.restoreKilledAfter(k, image, "k", runDir, null);

            assertEquals(137, status, "killed by SIGKILL after step " + k);
            if (k == 0) {
                assertFalse(Journals.present(runDir), "killed before any step: no journal");
                assertEquals(before, HostOracle.capture(tag), "killed before any step: nothing changed");
                continue;
            }
            assertTrue(Journals.present(runDir), "a journal is left after a kill at step " + k);
            RestoreCommandTest.Run recover = RestoreCommandTest.run("recover");
            assertEquals(0, recover.status(), "recover after a kill at step " + k + ":\n" + recover.out() + recover.err());
            assertEquals(before, HostOracle.capture(tag), "the host after a kill at step " + k + " and recover");
            assertFalse(Journals.present(runDir), "recover closes the journal (step " + k + ")");
            JournalContent last = Journals.last(runDir).orElseThrow();
            assertEquals(JournalRecord.Outcome.RECOVERED, last.end().orElseThrow().outcome());
        }
        System.out.printf("RestoreKillTest: %d kills and recoveries in %.1f s%n", steps + 1,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * An image of namespace TAGa whose eth0's outside half TAGh has an address and a route through it in the
     * restorer's namespace, as an administrator would write it.
     */
    private Path imageWithAddressedOutsideHalf() throws Exception {
        String a = tag + "a";
        String h = tag + "h";
        Device lo = Device.builder(1, "lo", Device.LOOPBACK).mac("00:00:00:00:00:00").mtu(65536).up(true).build();
        Device eth0 = Device.builder(2, "eth0", Device.VETH).mac("02:00:0a:fa:42:02").mtu(1500).up(true)
                .peer(new DeviceRef("init", 7, h)).addresses(List.of(Address.of("10.250.66.2/24"))).build();
        Device half = Device.builder(7, h, Device.VETH).mac("02:00:0a:fa:42:01").mtu(1500).up(true)
                .peer(new DeviceRef(a, 2, "eth0")).addresses(List.of(Address.of("10.250.66.1/24"))).build();
        Namespace init = new Namespace("init", List.of(), true, List.of(half)).withRoutes(List.of(
                new Route("inet", "10.250.67.0/24", "10.250.66.2", h, 0, "static", "global", "unicast", null)));
        Namespace ns = new Namespace(a, List.of(a), false, List.of(lo, eth0)).withRoutes(List.of(
                new Route("inet", "default", "10.250.66.1", "eth0", 0, "static", "global", "unicast", null)));
        Snapshot image = new Snapshot(new Source("json", null, null, null, null, "test"), List.of(init, ns), List.of());
        return Files.writeString(dir.resolve("outside.json"), SnapshotJson.toJson(image));
    }

    @Test
    void should_undo_the_outside_halfs_address_and_route_after_a_kill_at_any_step() throws Exception {
        String restorer = tag + "r";
        KillRuns.ip("netns", "add", restorer); // the restorer's namespace: the outside half lives there, not on the host
        Path in = Path.of("/run/netns", restorer);
        Path image = imageWithAddressedOutsideHalf();
        String before = HostOracle.capture(tag, restorer);
        int steps = KillRuns.steps(image, "k");

        for (int k = 1; k <= steps; k++) {
            assertEquals(137, KillRuns.restoreKilledAfter(k, image, "k", runDir, in), "killed after step " + k);
            RestoreCommandTest.Run recover = KillRuns.runIn(in, "recover");
            assertEquals(0, recover.status(), "recover after a kill at step " + k + ":\n" + recover.out() + recover.err());
            assertEquals(before, HostOracle.capture(tag, restorer), "the restorer's namespace after a kill at step "
                    + k + " and recover");
        }
        RestoreCommandTest.Run whole = KillRuns.runIn(in, "restore", image.toString(), "--prefix", "k");
        assertEquals(0, whole.status(), whole.err());
        String made = HostOracle.capture(tag, restorer);
        assertTrue(made.contains("10.250.66.1") && made.contains("10.250.67.0/24"), "the plan did make them: " + made);
    }

    @Test
    void should_finish_a_restore_killed_half_way_as_a_whole_restore_would_have_made_it() throws Exception {
        Path image = checkpointedTopology();
        String before = HostOracle.capture(tag);
        int steps = KillRuns.steps(image, "k");
        RestoreCommandTest.Run whole = RestoreCommandTest.run("restore", image.toString(), "--prefix", "k");
        assertEquals(0, whole.status(), whole.err());
        String restored = KillRuns.restoredState(tag, "k", List.of(tag + "a", tag + "b"));
        KillRuns.removeTagged(tag, "k");
        assertEquals(before, HostOracle.capture(tag));

        for (int k : List.of(1, 3, steps / 2, steps - 1)) {
            assertEquals(137, KillRuns.restoreKilledAfter(k, image, "k", runDir, null), "killed at " + k);
            RestoreCommandTest.Run dry = RestoreCommandTest.run("recover", "--finish", "--dry-run");
            assertEquals(0, dry.status(), dry.out() + dry.err());
            assertTrue(dry.out().contains("--finish would") && dry.out().contains("dry run: nothing was changed"),
                    dry.out());

            RestoreCommandTest.Run finish = RestoreCommandTest.run("recover", "--finish");

            assertEquals(0, finish.status(), "finish after a kill at step " + k + ":\n" + finish.out() + finish.err());
            assertEquals(restored, KillRuns.restoredState(tag, "k", List.of(tag + "a", tag + "b")),
                    "finished after a kill at step " + k);
            assertEquals(JournalRecord.Outcome.FINISHED, Journals.last(runDir).orElseThrow().end().orElseThrow()
                    .outcome());
            KillRuns.removeTagged(tag, "k");
        }
    }

    @Test
    void should_refuse_a_new_restore_until_the_leftover_is_recovered() throws Exception {
        Path image = checkpointedTopology();
        String before = HostOracle.capture(tag);
        assertEquals(137, KillRuns.restoreKilledAfter(4, image, "k", runDir, null));
        String leftover = HostOracle.capture(tag);

        RestoreCommandTest.Run again = RestoreCommandTest.run("restore", image.toString(), "--prefix", "j");
        RestoreCommandTest.Run dry = RestoreCommandTest.run("recover", "--dry-run");
        RestoreCommandTest.Run json = RestoreCommandTest.run("recover", "--dry-run", "--json");

        assertEquals(2, again.status(), again.err());
        assertTrue(again.err().startsWith("EBUSY file:" + runDir.journalFile()) && again.err().contains("netcr recover")
                && again.err().contains("netcr recover --finish"), again.err());
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("undo would") && dry.out().contains("ip netns del k" + tag + "a"), dry.out());
        var tree = JSON.readTree(json.out());
        assertEquals("netcr-recover-result", tree.get("format").asText());
        assertTrue(tree.get("dry_run").asBoolean() && tree.get("leftover").get("steps").asInt() > 4, json.out());
        assertEquals(leftover, HostOracle.capture(tag), "refusals and dry runs change nothing");

        RestoreCommandTest.Run recover = RestoreCommandTest.run("recover");
        assertEquals(0, recover.status(), recover.err());
        assertEquals(before, HostOracle.capture(tag));
        RestoreCommandTest.Run nothing = RestoreCommandTest.run("recover");
        assertEquals(0, nothing.status(), nothing.err());
        assertTrue(nothing.out().startsWith("nothing to recover") && nothing.out().contains("ended")
                && nothing.out().contains("recovered"), nothing.out());
    }

    @Test
    void should_leave_alone_what_took_the_names_of_the_restores_objects() throws Exception {
        Path image = checkpointedTopology();
        assertEquals(137, KillRuns.restoreKilledAfter(KillRuns.steps(image, "k") - 1, image, "k", runDir, null));
        // someone removes what the restore made and makes their own under the same names
        KillRuns.ip("netns", "del", "k" + tag + "b");
        KillRuns.ip("netns", "add", "k" + tag + "b");
        KillRuns.ip("link", "del", "k" + tag + "h");
        KillRuns.ip("link", "add", "k" + tag + "h", "type", "bridge");
        List<String> theirs = new ArrayList<>(List.of(HostOracle.capture("k" + tag + "b"),
                HostOracle.capture("k" + tag + "h")));

        RestoreCommandTest.Run recover = RestoreCommandTest.run("recover");

        assertEquals(0, recover.status(), recover.err());
        assertTrue(recover.err().contains("EEXIST netns:k" + tag + "b") && recover.err().contains("left alone")
                && recover.err().contains("EEXIST netns:init/dev:k" + tag + "h"), recover.err());
        assertEquals(theirs, List.of(HostOracle.capture("k" + tag + "b"), HostOracle.capture("k" + tag + "h")),
                "their namespace and device are untouched");
        assertFalse(Files.exists(Path.of("/run/netns", "k" + tag + "a")), "the restore's own namespace is removed");
    }
}
