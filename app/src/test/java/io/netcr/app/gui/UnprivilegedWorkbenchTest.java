package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.hosts.TestSshd;
import io.netcr.model.testing.Processes;
import io.netcr.model.testing.Unprivileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workbench run by an unprivileged user (nobody, through setpriv) sees a namespace that only a process of
 * root's holds — one it may not read itself — through netcr's agent, started with the privilege helper that
 * NETCR_AGENT_COMMAND names. The helper here is ssh to root on this machine (the test's own sshd on 127.0.0.1, a
 * key only nobody may read): what {@code sudo -n netcr agent} would be on a machine with sudo. Without a helper that
 * works (the default, pkexec, not on the PATH), the window shows what nobody may read and says, in its one line,
 * what the agent would add, with the button that starts it. Root; the namespace's process is ended whatever
 * happens.
 */
class UnprivilegedWorkbenchTest {

    private Path dir;
    private Path shared;
    private TestSshd sshd;
    private Process holder;
    private String inode;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Unprivileged.available(), "needs root and setpriv");
        dir = Files.createTempDirectory("netcr-unpriv-");
        sshd = TestSshd.start(dir);
        // what nobody may read and write: the helper's key and known hosts, and the screenshots
        shared = Files.createTempDirectory("netcr-unpriv-shared-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        UserPrincipal nobody = shared.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path key = Files.copy(dir.resolve("user_key"), shared.resolve("key"), StandardCopyOption.REPLACE_EXISTING);
        Files.setOwner(key, nobody); // ssh takes a private key only from a file its user owns alone
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.copy(dir.resolve("known_hosts"), shared.resolve("known_hosts"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(shared.resolve("known_hosts"), PosixFilePermissions.fromString("rw-r--r--"));
        // a namespace held only by a process of root's: nobody cannot read /proc/PID/ns/net of it
        holder = new ProcessBuilder("unshare", "--net", "sleep", "600").start();
        Path ns = Path.of("/proc", Long.toString(holder.pid()), "ns", "net");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String self = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        while (inode == null || inode.equals(self)) { // until unshare has made its namespace (a real condition)
            assertTrue(holder.isAlive() && System.nanoTime() < deadline, "unshare --net did not start");
            inode = Files.readSymbolicLink(ns).toString();
        }
        inode = inode.replaceAll("\\D", "");
    }

    @AfterEach
    void stop() throws Exception {
        if (holder != null) {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        if (sshd != null) {
            sshd.close();
        }
        for (Path p : new Path[] {dir, shared}) {
            if (p != null) {
                try (var files = Files.walk(p)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /** ssh to root here, running this build's agent: the privilege helper of this test. */
    private String helper() {
        return "ssh -F /dev/null -T -o BatchMode=yes -o IdentitiesOnly=yes -i " + shared.resolve("key")
                + " -o UserKnownHostsFile=" + shared.resolve("known_hosts") + " -o StrictHostKeyChecking=yes"
                + " -o LogLevel=ERROR -p " + sshd.port + " root@127.0.0.1 " + TestSshd.netcrCommand() + " agent";
    }

    private Processes.Result workbench(Map<String, String> env, String mode, Path screenshot) {
        return Unprivileged.run(env, true, UnprivilegedWorkbench.class.getName(), mode, screenshot.toString());
    }

    @Test
    void should_show_a_namespace_only_root_can_read_through_the_agent_the_variable_starts() throws Exception {
        Path shot = shared.resolve("agent.png");
        Processes.Result r = workbench(Map.of("NETCR_AGENT_COMMAND", helper()), "agent", shot);
        keep(shot, "unprivileged-through-agent");

        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("state CONNECTED\n"), r.output());
        assertTrue(r.output().contains("agent-uid 0\n"), "the agent runs as root: " + r.output());
        assertTrue(r.output().contains("ns nsfs:" + inode + " pid:" + holder.pid() + "\n"),
                "the namespace only root's process holds, through the agent: " + r.output());
        assertTrue(r.output().contains("note \n"), "no line to show while the agent runs: " + r.output());
    }

    @Test
    void should_show_what_nobody_may_read_and_say_what_the_agent_would_add_without_a_helper() throws Exception {
        // the default helper, pkexec, looked up on a PATH where it is not: as on a machine without it
        Path empty = Files.createDirectory(shared.resolve("bin"));
        Path shot = shared.resolve("fallback.png");
        Processes.Result r = workbench(Map.of("PATH", empty.toString()), "fallback", shot);
        keep(shot, "unprivileged-without-agent");

        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("state LOST\n"), r.output());
        assertTrue(r.output().contains("offer true\n"), "a button starts the agent: " + r.output());
        String note = r.output().lines().filter(l -> l.startsWith("note ")).findFirst().orElseThrow();
        assertTrue(note.startsWith("note Not root: ") && note.contains("checkpoint and restore need root")
                && note.contains("namespaces held only by other users' processes are missing")
                && note.contains("pkexec is not installed here"), note);
        assertFalse(r.output().contains("ns nsfs:" + inode + " "), "that namespace is not nobody's to read: "
                + r.output());
    }

    /** The screenshot nobody wrote, kept with the others. */
    private static void keep(Path shot, String name) throws IOException {
        if (Files.exists(shot)) {
            Files.createDirectories(Screenshots.DIR);
            Files.copy(shot, Screenshots.DIR.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
