package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.hosts.transport.SshCommand;
import io.netcr.app.protocol.Protocol;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Errno;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.checkpoint.CheckpointOptions;
import io.netcr.model.checkpoint.CheckpointResult;
import io.netcr.model.diff.DiffOptions;
import io.netcr.model.diff.DiffReport;
import io.netcr.model.diff.SnapshotDiff;
import io.netcr.model.json.SnapshotJson;
import io.netcr.model.plan.RestoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent through a real OpenSSH: an sshd of the test's own on 127.0.0.1, reached with the system's ssh and an
 * ssh_config alias, running this build's {@code netcr agent} as root. A snapshot over it equals the local one; a
 * checkpoint and a restore go through it; a restore whose ssh client is killed halfway is complete or undone on
 * the far side, never half; every way of failing to connect ends in its diagnostic, in time. (Kernel test: root,
 * namespaces named with a random nct tag, removed in every outcome.)
 */
class SshAgentKernelTest extends SshdTest {



    private static Host remote() throws HostException {
        return remote(sshd.agentEnv(), new Hosts.Listener() { });
    }

    private static Host remote(Map<String, String> env, Hosts.Listener listener) throws HostException {
        return Hosts.open(TestSshd.ALIAS, env, RunDir.current(), listener);
    }

    /** A snapshot's JSON without the line of the moment it was taken. */
    private static String timeless(Snapshot s) {
        return SnapshotJson.toJson(s).replaceAll("(?m)^\\s*\"time\" : .*$", "");
    }

    @Test
    void should_snapshot_over_ssh_what_a_local_snapshot_sees() throws Exception {
        try (KernelTopology t = new KernelTopology(); Host remote = remote()) {
            List<String> names = t.pair();
            HostInfo info = remote.info();
            assertEquals(0, info.uid());
            assertEquals(Protocol.VERSION, info.protocol());
            assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), info.hostname());
            ReadResult there = remote.snapshot(names);
            ReadResult here = new LocalHost().snapshot(names);
            assertNotNull(there.snapshot(), there.diagnostics().toString());
            DiffReport diff = SnapshotDiff.compare(here.snapshot(), there.snapshot(), DiffOptions.DEFAULT);
            assertTrue(diff.isEmpty(), diff.changes().toString());
            assertEquals(timeless(here.snapshot()), timeless(there.snapshot()), "the same snapshot, field for field");
        }
    }

    @Test
    void should_checkpoint_there_and_restore_there_over_ssh() throws Exception {
        try (KernelTopology t = new KernelTopology(); Host remote = remote()) {
            List<String> names = t.pair();
            CheckpointResult cp = remote.checkpoint(names, false, new CheckpointOptions(false, 4096));
            assertNotNull(cp.image(), cp.diagnostics().toString());
            assertTrue(cp.image().namespaceNamed(names.get(0)).isPresent() && cp.image().namespaceNamed(names.get(1))
                    .isPresent(), cp.image().namespaces().toString());

            List<StepEvent> steps = Collections.synchronizedList(new ArrayList<>());
            RestoreOutcome o = remote.restore(new RestoreRequest(cp.image(), new RestoreOptions(Map.of(), "r"), false,
                    "SshAgentKernelTest"), new RestoreWatch() {
                        @Override
                        public void step(StepEvent e) {
                            steps.add(e);
                        }
                    }, Cancellation.none());
            assertTrue(o.success(), o.problems().toString());
            assertEquals(o.plan().steps().size(), steps.size(), "one event per step");
            assertEquals(List.of("r" + names.get(0), "r" + names.get(1)),
                    o.result().namespaceNames().values().stream().sorted().toList());
            // the oracle: ip, not netcr
            String addr = KernelTopology.sh("ip", "-j", "-n", "r" + names.get(1), "addr", "show", "dev", t.tag + "y");
            assertTrue(addr.contains("\"local\":\"10.250.77.2\"") && addr.contains("\"prefixlen\":30"), addr);
            String ping = KernelTopology.sh("ip", "netns", "exec", "r" + names.get(0), "ping", "-c", "1", "-W", "5",
                    "10.250.77.2");
            assertTrue(ping.contains("1 received"), ping);
        }
    }

    @Test
    void should_leave_a_restore_complete_or_undone_when_its_ssh_client_is_killed_halfway() throws Exception {
        try (KernelTopology t = new KernelTopology()) {
            AgentHost remote = (AgentHost) remote();
            remote.info();
            List<ProcessHandle> agents = sshd.agents();
            assertEquals(1, agents.size(), "one agent runs for this connection");
            Snapshot star = io.netcr.app.testing.BenchSnapshots.star(40);
            int[] killedAt = {0};
            HostException e = assertThrows(HostException.class, () -> remote.restore(new RestoreRequest(star,
                    new RestoreOptions(Map.of(), t.tag), false, "kill test"), new RestoreWatch() {
                        @Override
                        public void step(StepEvent s) {
                            if (!s.undo() && s.number() == s.total() / 3 && killedAt[0] == 0) {
                                killedAt[0] = s.number();
                                ((io.netcr.app.hosts.transport.ProcessTransport) remote.transport()).process()
                                        .destroyForcibly(); // the ssh client dies, as with kill -9
                            }
                        }
                    }, Cancellation.none()));
            assertTrue(killedAt[0] > 0, "the client was killed during the restore");
            assertTrue(e.getMessage().contains("completes or rolls back there on its own"), e.getMessage());
            for (ProcessHandle agent : agents) { // the agent finishes on its own; its exit is the sign
                agent.onExit().get(120, TimeUnit.SECONDS);
            }
            remote.close();
            List<String> restored = t.namespaces();
            if (restored.isEmpty()) {
                return; // rolled back: nothing of it is left
            }
            assertEquals(41, restored.size(), "complete, not half: " + restored);
            for (int i = 1; i <= 40; i++) {
                String json = KernelTopology.sh("ip", "-j", "-n", t.tag + "spoke" + i, "addr", "show", "dev", "eth0");
                assertTrue(json.contains("\"prefixlen\":30") && json.contains("\"operstate\":\"UP\""),
                        "spoke " + i + " is whole: " + json);
            }
            String hub = KernelTopology.sh("ip", "-j", "-n", t.tag + "hub", "link", "show", "type", "veth");
            assertEquals(40, hub.split("\"ifname\"").length - 1, hub);
        }
    }

    @Test
    void should_finish_a_restore_through_a_sighup_to_the_agent() throws Exception {
        try (KernelTopology t = new KernelTopology(); Host remote = remote()) {
            remote.info();
            List<ProcessHandle> agents = sshd.agents();
            assertEquals(1, agents.size());
            Snapshot star = io.netcr.app.testing.BenchSnapshots.star(10);
            SignalAtStep hup = new SignalAtStep(5, "HUP", agents.get(0));
            RestoreOutcome o = remote.restore(new RestoreRequest(star, new RestoreOptions(Map.of(), t.tag), false,
                    "hup test"), hup, Cancellation.none());
            assertTrue(hup.sent);
            assertTrue(o.success(), o.problems().toString());
            assertEquals(11, t.namespaces().size());
            assertTrue(agents.get(0).isAlive(), "SIGHUP is ignored: the agent still serves");
            assertNotNull(remote.snapshot(List.of(t.tag + "hub")).snapshot(), "and answers the next request");
        }
    }

    @Test
    void should_finish_a_restore_before_the_agent_exits_on_sigterm() throws Exception {
        try (KernelTopology t = new KernelTopology(); Host remote = remote()) {
            remote.info();
            List<ProcessHandle> agents = sshd.agents();
            assertEquals(1, agents.size());
            Snapshot star = io.netcr.app.testing.BenchSnapshots.star(10);
            SignalAtStep term = new SignalAtStep(5, "TERM", agents.get(0));
            try {
                RestoreOutcome o = remote.restore(new RestoreRequest(star, new RestoreOptions(Map.of(), t.tag), false,
                        "term test"), term, Cancellation.none());
                assertTrue(o.success(), o.problems().toString());
            } catch (HostException e) { // the agent may exit before its result is written: then it says so
                assertTrue(e.getMessage().contains("completes or rolls back there on its own"), e.getMessage());
            }
            assertTrue(term.sent);
            agents.get(0).onExit().get(60, TimeUnit.SECONDS);
            assertEquals(11, t.namespaces().size(), "the exit waited for the restore: " + t.namespaces());
        }
    }

    @Test
    void should_say_why_a_host_cannot_be_reached_in_time() throws Exception {
        assertEquals(Errno.ECONNREFUSED, failure(TestSshd.CLOSED, sshd.agentEnv()).code());
        HostException refused = failure(TestSshd.WRONG_KEY, sshd.agentEnv());
        assertEquals(Errno.EACCES, refused.code());
        assertTrue(refused.getMessage().contains("refused the login"), refused.getMessage());
        HostException missing = failure(TestSshd.ALIAS, sshd.env("PATH=/nonexistent; " + SshCommand.DEFAULT_REMOTE_COMMAND));
        assertEquals("ENOPKG host:netcr-test: netcr is not installed on netcr-test: install the netcr package there",
                missing.diagnostics().get(0).toString());
        HostException bad = failure("-oProxyCommand=touch /tmp/x", sshd.agentEnv());
        assertEquals(Errno.EINVAL, bad.code());
    }

    @Test
    void should_refuse_an_agent_of_another_version_and_report_a_connection_lost_mid_stream() throws Exception {
        String future = "printf '%s\\n' '{\"type\":\"hello\",\"id\":0,\"agent\":\"netcr\",\"protocols\":[99],"
                + "\"netcr\":\"9.9.9\"}'; cat >/dev/null";
        HostException mismatch = failure(TestSshd.ALIAS, sshd.env(future));
        assertEquals(Errno.EPROTONOSUPPORT, mismatch.code());
        assertTrue(mismatch.getMessage().contains("9.9.9"), mismatch.getMessage());

        String quitter = "printf '%s\\n' '{\"type\":\"hello\",\"id\":0,\"agent\":\"netcr\",\"protocols\":[1]}'; read l; "
                + "printf '%s\\n' '{\"type\":\"result\",\"id\":1,\"protocol\":1}'; read l; "
                + "printf '%s\\n' '{\"type\":\"data\",\"id\":2,\"seq\":0,\"data\":\"AAAA\"}'; exit 3";
        try (Host h = remote(sshd.env(quitter), new Hosts.Listener() { })) {
            h.info();
            HostException lost = assertThrows(HostException.class, () -> h.snapshot(List.of()));
            assertEquals(Errno.ECONNRESET, lost.code());
            assertTrue(lost.getMessage().contains("was lost"), lost.getMessage());
        }
    }

    @Test
    void should_skip_what_a_login_script_prints_before_the_agent() throws Exception {
        List<String> noise = Collections.synchronizedList(new ArrayList<>());
        try (Host h = remote(sshd.env("echo 'Welcome to the lab'; echo '{}'; exec " + TestSshd.netcrCommand() + " agent"),
                new Hosts.Listener() {
                    @Override
                    public void noise(String line) {
                        noise.add(line);
                    }
                })) {
            assertEquals(0, h.info().uid());
            assertEquals(List.of("Welcome to the lab", "{}"), noise);
        }
    }

    @Test
    void should_reuse_one_ssh_connection_for_the_next_command() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(sshd.agentEnv());
        env.put("NETCR_SSH_REUSE", "yes");
        Path control = dir.resolve("netcr-ssh");
        try {
            for (int i = 0; i < 2; i++) {
                try (Host h = remote(env, new Hosts.Listener() { })) {
                    assertEquals(0, h.info().uid());
                }
            }
            try (var sockets = Files.list(control)) {
                assertEquals(1, sockets.count(), "one master, reused");
            }
        } finally {
            KernelTopology.sh("ssh", "-F", sshd.config.toString(), "-o", "ControlPath=" + control.resolve("%C"), "-O",
                    "exit", TestSshd.ALIAS);
        }
    }

    /** Sends a signal to the agent when a restore's step {@code step} starts. */
    private static final class SignalAtStep implements RestoreWatch {
        private final int step;
        private final String signal;
        private final ProcessHandle agent;
        volatile boolean sent;

        SignalAtStep(int step, String signal, ProcessHandle agent) {
            this.step = step;
            this.signal = signal;
            this.agent = agent;
        }

        @Override
        public void step(StepEvent s) {
            if (s.number() == step && !sent) {
                sent = true;
                try {
                    KernelTopology.sh("kill", "-" + signal, Long.toString(agent.pid()));
                } catch (java.io.IOException x) {
                    throw new IllegalStateException(x);
                }
            }
        }
    }

    private static HostException failure(String destination, Map<String, String> env) {
        long t0 = System.nanoTime();
        HostException e = assertThrows(HostException.class, () -> {
            try (Host h = Hosts.open(destination, env, RunDir.current(), new Hosts.Listener() { })) {
                h.snapshot(List.of());
            }
        });
        assertFalse((System.nanoTime() - t0) / 1e9 > AgentHost.HELLO_MILLIS / 1000.0 + 10, "within the timeout");
        return e;
    }
}
