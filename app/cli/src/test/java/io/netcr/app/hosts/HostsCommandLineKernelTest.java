package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Snapshot;
import io.netcr.model.json.SnapshotJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code netcr ... --host} as a user runs it: a process of its own, its environment naming the test's sshd
 * ({@link TestSshd}); its output and exit status are what is checked. Also {@code NETCR_AGENT_COMMAND}, the
 * agent of this machine started by a command (here plain java; a privilege helper in use).
 */
class HostsCommandLineKernelTest extends SshdTest {


    record Run(int status, String out, String err) {
    }


    /** {@code netcr ARGS} in a process of its own with {@code env} added. */
    static Run netcr(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(TestSshd.netcrCommand().split(" ")));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "netcr " + String.join(" ", args) + " ended in time");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
                StandardCharsets.UTF_8));
    }

    private static String timeless(String json) {
        return json.replaceAll("(?m)^\\s*\"time\" : .*$", "");
    }

    @Test
    void should_print_the_same_snapshot_with_host_as_a_local_snapshot_prints() throws Exception {
        try (KernelTopology t = new KernelTopology()) {
            List<String> names = t.pair();
            Run remote = netcr(sshd.agentEnv(), "snapshot", "--host", TestSshd.ALIAS, "--json", "--netns", names.get(0),
                    "--netns", names.get(1));
            Run local = netcr(Map.of(), "snapshot", "--json", "--netns", names.get(0), "--netns", names.get(1));
            assertEquals(0, remote.status(), remote.err());
            assertEquals(0, local.status(), local.err());
            assertEquals(timeless(local.out()), timeless(remote.out()));
            assertTrue(remote.out().contains("\"kind\" : \"live\""), "a live snapshot, as here");

            Run helper = netcr(Map.of("NETCR_AGENT_COMMAND", TestSshd.netcrCommand() + " agent"), "snapshot", "--json",
                    "--netns", names.get(0), "--netns", names.get(1));
            assertEquals(0, helper.status(), helper.err());
            assertEquals(timeless(local.out()), timeless(helper.out()), "through a local agent, the same");
        }
    }

    @Test
    void should_checkpoint_a_remote_namespace_into_a_local_file_and_restore_it_there() throws Exception {
        try (KernelTopology t = new KernelTopology()) {
            List<String> names = t.pair();
            Path image = dir.resolve(t.tag + ".netcr");
            Run cp = netcr(sshd.agentEnv(), "checkpoint", "--host", TestSshd.ALIAS, names.get(0), names.get(1), "-o",
                    image.toString());
            assertEquals(0, cp.status(), cp.err());
            assertTrue(cp.out().startsWith("checkpointed 2 namespaces"), cp.out());
            assertTrue(Files.size(image) > 0, "written here");

            Run dry = netcr(sshd.agentEnv(), "restore", "--host", TestSshd.ALIAS, image.toString(), "--prefix", "d",
                    "--dry-run");
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains(" 1. ip netns add d" + names.get(0)), dry.out());
            assertEquals(2, t.namespaces().size(), "a dry run changes nothing");

            Run clash = netcr(sshd.agentEnv(), "restore", "--host", TestSshd.ALIAS, image.toString());
            assertEquals(1, clash.status(), clash.err());
            assertTrue(clash.err().contains("EEXIST netns:" + names.get(0)), clash.err());

            Run restore = netcr(sshd.agentEnv(), "restore", "--host", TestSshd.ALIAS, image.toString(), "--prefix", "m");
            assertEquals(0, restore.status(), restore.err());
            assertTrue(restore.out().startsWith("restored 2 namespaces"), restore.out());
            assertEquals(4, t.namespaces().size(), t.namespaces().toString());

            Run diff = netcr(sshd.agentEnv(), "diff", image.toString(), "live@" + TestSshd.ALIAS, "--json");
            assertEquals(1, diff.status(), diff.err());
            assertTrue(diff.out().contains("\"subject\" : \"netns:m" + names.get(0) + "\""), diff.out());
            assertFalse(diff.out().contains("\"subject\" : \"netns:" + names.get(0) + "\""), "the original is there too: "
                    + diff.out());
        }
    }

    @Test
    void should_end_in_a_diagnostic_and_status_2_when_the_host_cannot_be_reached() throws Exception {
        Run missing = netcr(sshd.env("PATH=/nonexistent; " + io.netcr.app.hosts.transport.SshCommand.DEFAULT_REMOTE_COMMAND),
                "snapshot", "--host", TestSshd.ALIAS);
        assertEquals(2, missing.status(), missing.err());
        assertEquals("netcr snapshot: ENOPKG host:netcr-test: netcr is not installed on netcr-test: install the netcr "
                + "package there\n", missing.err());
        Run closed = netcr(sshd.agentEnv(), "inspect", "live", "--host", TestSshd.CLOSED);
        assertEquals(2, closed.status(), closed.err());
        assertTrue(closed.err().contains("ECONNREFUSED host:netcr-test-closed"), closed.err());
        assertFalse(closed.err().contains("Exception"), closed.err());
    }
}
