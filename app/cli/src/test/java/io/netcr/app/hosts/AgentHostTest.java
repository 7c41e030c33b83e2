package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.protocol.MessageCodec;
import io.netcr.app.protocol.Events;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.testing.Fixtures;
import io.netcr.bridge.restore.RestoreResult;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.image.ImageWriter;
import io.netcr.model.plan.PlanSummary;
import io.netcr.model.plan.RestoreOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The client's side: {@link AgentHost} against a real agent in this process (over pipes, a host with no kernel
 * behind it) gives what the host gave, and against scripted far sides it turns every way a connection can fail
 * into a diagnostic, in time.
 */
class AgentHostTest {

    private static final long WAIT = 20_000;

    /** A snapshot as the local host's would be: what comes back through the agent must equal it. */
    private static Snapshot live(Snapshot s) {
        return s.withSource(new Source(Source.LIVE, "web2", "6.18", java.time.Instant.parse("2026-01-02T03:04:05.123456789Z"),
                null, "netcr 0.1.0"));
    }

    private static AgentHost over(InProcessAgent agent, List<String> noise) {
        return new AgentHost("web2", true, agent, new Hosts.Listener() {
            @Override
            public void noise(String line) {
                noise.add(line);
            }
        }, WAIT, WAIT);
    }

    @Test
    void should_give_what_the_host_gave_through_the_agent() throws Exception {
        Snapshot snapshot = live(BenchSnapshots.star(1000)); // an image of many pieces
        StubHost stub = new StubHost(snapshot);
        try (AgentHost host = over(new InProcessAgent(stub), new ArrayList<>())) {
            HostInfo info = host.info();
            assertEquals("stubhost", info.hostname());
            assertEquals(1, info.protocol());
            assertEquals(0, info.uid());

            ReadResult read = host.snapshot(List.of());
            assertEquals(snapshot, read.snapshot(), "the same snapshot, down to its source");
            assertTrue(ImageWriter.toBytes(snapshot).length > 2 * Protocol.CHUNK_BYTES, "it took several data pieces");

            CheckpointResult cp = host.checkpoint(List.of("red"), false, new CheckpointOptions(false, 10));
            assertEquals(stub.checkpoint.diagnostics(), cp.diagnostics());
            assertEquals(snapshot, cp.image());

            stub.checkpoint = new CheckpointResult(null, List.of(Diagnostic.error(Errno.ENOENT,
                    io.netcr.model.SubjectPath.of("netns", "nosuch"), io.netcr.model.Phase.CHECKPOINT, "no such")));
            CheckpointResult refused = host.checkpoint(List.of("nosuch"), false, new CheckpointOptions(false, 10));
            assertNull(refused.image());
            assertEquals(stub.checkpoint.diagnostics(), refused.diagnostics());

            RestoreRequest request = new RestoreRequest(Fixtures.demo(), new RestoreOptions(Map.of("a", "b"), "p"),
                    false, "netcr restore demo");
            assertEquals(stub.plan, host.plan(request));
            assertEquals(Map.of("a", "b"), stub.lastRequest.options().renames());
            assertEquals("netcr agent: netcr restore demo", stub.lastRequest.holder());
            assertEquals(ImageWriter.toBytes(Fixtures.demo()).length, ImageWriter.toBytes(stub.lastRequest.image()).length);

            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            RestoreOutcome outcome = host.restore(request, new RestoreWatch() {
                @Override
                public void begun() {
                    heard.add("begun");
                }

                @Override
                public void planned(PlanSummary plan) {
                    heard.add("plan " + plan.steps().size());
                }

                @Override
                public void step(StepEvent e) {
                    heard.add(e.number() + "/" + e.total() + " " + e.text());
                }
            }, Cancellation.none());
            assertEquals(List.of("begun", "plan 2", "1/2 ip netns add red", "2/2 ip -n red link set lo up"), heard);
            assertTrue(outcome.success());
            assertEquals(stub.plan, outcome.plan());
            RestoreResult r = outcome.result();
            assertEquals(Map.of("nsfs:1", "red"), r.namespaceNames());
            assertEquals(12.5, r.millis());
            assertEquals(2, r.stepsRun());
        }
    }

    @Test
    void should_tell_how_restores_stand_there_and_recover_there() throws Exception {
        StubHost stub = new StubHost(Fixtures.demo());
        try (AgentHost host = over(new InProcessAgent(stub), new ArrayList<>())) {
            assertEquals(HostStatus.UNKNOWN, host.status(), "nothing to say");
            assertTrue(!host.status().needsRecovery());
            stub.status = new HostStatus("pid 42 (netcr restore a.netcr), started T: 5 of 20 steps done", null,
                    null, "the last restore ended: rolled back");
            assertEquals(stub.status, host.status());
            assertTrue(host.status().needsRecovery());

            stub.recovery = new RecoveryOutcome(io.netcr.app.services.RecoveryService.Kind.RAN, "pid 42", true,
                    List.of("ip netns del red"), List.of(Diagnostic.warning(Errno.ENOENT,
                    io.netcr.model.SubjectPath.of("netns", "blue"), io.netcr.model.Phase.RESTORE, "gone already")));
            assertEquals(stub.recovery, host.recover(false, false, "netcr workbench"));
            assertEquals("netcr agent recover: netcr workbench", stub.lastRecoveryHolder);
        }
    }

    @Test
    void should_cancel_a_restore_that_waits_for_the_lock_there() throws Exception {
        StubHost stub = new StubHost(Fixtures.demo());
        stub.lockHolder = "pid 9 (netcr restore other.netcr)";
        try (AgentHost host = over(new InProcessAgent(stub), new ArrayList<>())) {
            Cancellation cancellation = new Cancellation();
            RestoreOutcome outcome = host.restore(new RestoreRequest(Fixtures.demo(), RestoreOptions.none(), true, "t"),
                    new RestoreWatch() {
                        @Override
                        public void waiting(String holder) {
                            assertEquals("pid 9 (netcr restore other.netcr)", holder);
                            cancellation.cancel();
                        }
                    }, cancellation);
            assertTrue(outcome.cancelled());
            assertNull(outcome.result());
            assertEquals(0, stub.restoresBegun.get());
        }
    }

    @Test
    void should_say_a_dropped_restore_goes_on_there() throws Exception {
        StubHost stub = new StubHost(Fixtures.demo());
        stub.release = new CountDownLatch(1);
        InProcessAgent agent = new InProcessAgent(stub);
        AgentHost host = over(agent, new ArrayList<>());
        {
            HostException e = assertThrows(HostException.class, () -> host.restore(new RestoreRequest(Fixtures.demo(),
                    RestoreOptions.none(), false, "t"), new RestoreWatch() {
                        @Override
                        public void begun() {
                            try {
                                agent.stopReading(); // the connection drops under the running restore
                            } catch (java.io.IOException x) {
                                throw new IllegalStateException(x);
                            }
                        }
                    }, Cancellation.none()));
            assertTrue(e.getMessage().contains("goes on on web2 and completes or rolls back there"), e.getMessage());
            host.close(); // the agent's input ends too, as when ssh is gone
            stub.release.countDown();
            assertEquals(0, agent.awaitExit(WAIT));
            assertEquals(1, stub.restoresEnded.get());
        }
    }

    /** The far side greets as an agent, and answers the client's hello once it has come. */
    private static void greet(ScriptedTransport far, AgentHost host) throws Exception {
        far.print(MessageCodec.encode(new Events.AgentHello(List.of(1), "0.1.0", "web2", "6.18", 0, List.of())));
        Thread t = new Thread(() -> {
            try {
                if (far.awaitSent("\"type\":\"hello\"", WAIT)) {
                    far.print("{\"type\":\"result\",\"id\":1,\"protocol\":1}");
                }
            } catch (Exception e) {
                // the test fails on its own
            }
        });
        t.start();
        host.info();
        t.join();
    }

    @Test
    void should_skip_and_report_what_a_login_script_prints_before_the_hello() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        List<String> noise = new ArrayList<>();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() {
            @Override
            public void noise(String line) {
                noise.add(line);
            }
        }, WAIT, WAIT);
        far.print("Welcome to web2!");
        far.print("{\"looks\":\"like json\"}");
        greet(far, host);
        assertEquals("web2", host.info().hostname());
        assertEquals(List.of("Welcome to web2!", "{\"looks\":\"like json\"}"), noise);
        assertTrue(far.sent().contains("\"type\":\"hello\""), far.sent());
    }

    @Test
    void should_refuse_an_agent_of_another_protocol_version_clearly() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, WAIT, WAIT);
        far.print(MessageCodec.encode(new Events.AgentHello(List.of(2, 3), "3.0.0", "web2", "6.18", 0, List.of())));
        HostException e = assertThrows(HostException.class, host::info);
        assertEquals(Errno.EPROTONOSUPPORT, e.code());
        assertTrue(e.getMessage().contains("netcr 3.0.0") && e.getMessage().contains("install the same netcr version"),
                e.getMessage());
        assertTrue(far.closed(), "the connection is closed");
    }

    @Test
    void should_give_up_a_connection_that_sends_garbage_after_its_hello() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, WAIT, WAIT);
        greet(far, host);
        far.print("%%% not a message");
        HostException e = assertThrows(HostException.class, () -> host.snapshot(List.of()));
        assertEquals(Errno.EPROTO, e.code());
        assertTrue(far.closed());
    }

    @Test
    void should_say_netcr_is_not_installed_when_the_far_side_exits_127() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, WAIT, WAIT);
        far.exit(127, List.of("bash: line 1: netcr: command not found"));
        HostException e = assertThrows(HostException.class, () -> host.snapshot(List.of()));
        assertEquals(Errno.ENOPKG, e.code());
        assertEquals("ENOPKG host:web2: netcr is not installed on web2: install the netcr package there",
                e.diagnostics().get(0).toString());
    }

    @Test
    void should_say_the_connection_was_lost_mid_stream() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, WAIT, WAIT);
        greet(far, host);
        Thread farSide = new Thread(() -> {
            try {
                if (far.awaitSent("\"type\":\"snapshot\"", WAIT)) {
                    far.print("{\"type\":\"data\",\"id\":2,\"seq\":0,\"data\":\"AAAA\"}"); // then it is gone
                    far.exit(255, List.of("Connection to 127.0.0.1 closed by remote host."));
                }
            } catch (Exception e) {
                // the test fails on its own
            }
        });
        farSide.start();
        HostException e = assertThrows(HostException.class, () -> host.snapshot(List.of()));
        farSide.join();
        assertEquals(Errno.ECONNRESET, e.code());
        assertTrue(e.getMessage().contains("was lost") && e.getMessage().contains("closed by remote host"),
                e.getMessage());
    }

    @Test
    void should_give_up_in_time_on_a_far_side_that_never_says_hello() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, 300, WAIT);
        far.print("a shell that waits for ever");
        HostException e = assertThrows(HostException.class, host::info);
        assertEquals(Errno.ETIMEDOUT, e.code());
        assertTrue(far.closed(), "the transport is ended, not left hanging");
    }

    @Test
    void should_give_up_on_an_answer_that_stays_silent() throws Exception {
        ScriptedTransport far = new ScriptedTransport();
        AgentHost host = new AgentHost("web2", true, far, new Hosts.Listener() { }, WAIT, 300);
        greet(far, host);
        HostException e = assertThrows(HostException.class, () -> host.snapshot(List.of()));
        assertEquals(Errno.ETIMEDOUT, e.code());
        assertNotNull(e.getMessage());
        assertTrue(far.closed());
    }
}
