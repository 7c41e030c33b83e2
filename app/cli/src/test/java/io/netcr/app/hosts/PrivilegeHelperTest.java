package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.hosts.transport.StartFailures;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's privilege helper: which command starts this machine's agent (NETCR_AGENT_COMMAND, else pkexec
 * with this netcr), and what each of pkexec's refusals tells the person. A stand-in for pkexec (a script with
 * its exit statuses and messages, polkit's pkexec.c) runs the real start-up path, since the machines the tests run
 * on have no polkit session to ask.
 */
class PrivilegeHelperTest {

    @TempDir
    Path dir;

    @Test
    void should_take_the_command_of_the_variable_else_pkexec_with_this_netcr() throws Exception {
        PrivilegeHelper sudo = PrivilegeHelper.of(Map.of("NETCR_AGENT_COMMAND", "sudo -n '/usr/bin/netcr' agent"));
        assertEquals(List.of("sudo", "-n", "/usr/bin/netcr", "agent"), sudo.argv());
        assertTrue(sudo.fromEnvironment());
        assertFalse(sudo.pkexec());

        PrivilegeHelper pkexec = PrivilegeHelper.of(Map.of());
        assertEquals("pkexec", pkexec.argv().get(0), "run directly, not through sh -c: " + pkexec.argv());
        assertEquals("agent", pkexec.argv().get(pkexec.argv().size() - 1));
        assertTrue(pkexec.argv().contains("io.netcr.app.Main"), "from a source tree, this JVM's java and class path: "
                + pkexec.argv());
        assertTrue(pkexec.pkexec());

        assertEquals(Errno.EINVAL, assertThrows(HostException.class,
                () -> PrivilegeHelper.of(Map.of("NETCR_AGENT_COMMAND", "sudo 'open"))).code());
    }

    @Test
    void should_name_this_netcr_as_installed_only_when_this_runtime_is_the_package_one() {
        assertFalse(ThisProgram.installed(System.getProperty("java.home")), "a test JVM is no installed package");
        List<String> words = ThisProgram.command("/opt/jdk", "a.jar:b.jar");
        assertEquals(Path.of("/opt/jdk/bin/java").toString(), words.get(0));
        assertEquals("io.netcr.app.Main", words.get(words.size() - 1));
        assertEquals("'it'\\''s'", ThisProgram.shellQuote("it's"));
    }

    @Test
    void should_tell_each_way_pkexec_refuses() {
        assertEquals(Errno.ECANCELED, pkexec(126, "Error executing command as another user: Request dismissed").code());
        Diagnostic noAgent = pkexec(127, "Error executing command as another user: No authentication agent found.");
        assertEquals(Errno.EACCES, noAgent.code());
        assertTrue(noAgent.message().contains("no polkit authentication agent"), noAgent.message());
        assertTrue(noAgent.message().contains("NETCR_AGENT_COMMAND"), "says what else to do: " + noAgent.message());
        assertTrue(pkexec(127, "Error getting authority: Error initializing authority: Could not connect")
                .message().contains("polkit is not running"));
        assertTrue(pkexec(127, "Error executing command as another user: Not authorized").message()
                .contains("io.netcr.agent"));
    }

    private static Diagnostic pkexec(int status, String stderr) {
        return StartFailures.classify(LocalHost.LABEL, "pkexec netcr agent", false, OptionalInt.of(status),
                List.of(stderr));
    }

    @Test
    void should_say_the_password_dialog_was_dismissed_when_pkexec_exits_126() throws Exception {
        Path pkexec = script("pkexec", "echo 'Error executing command as another user: Request dismissed' >&2; exit 126");
        try (Host host = Hosts.privileged(new PrivilegeHelper(List.of(pkexec.toString(), "netcr", "agent"), "pkexec",
                false), new Hosts.Listener() { })) {
            HostException e = assertThrows(HostException.class, host::info);
            assertEquals(Errno.ECANCELED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("dismissed"), e.getMessage());
        }
    }

    @Test
    void should_reach_this_host_through_the_agent_the_helper_starts() throws Exception {
        // a pkexec that lets everyone in: it runs the command it is given, as pkexec does once authorized
        Path pkexec = script("pkexec", "exec \"$@\"");
        List<String> argv = new ArrayList<>(List.of(pkexec.toString()));
        argv.addAll(List.of(TestSshd.netcrCommand().split(" ")));
        argv.add("agent");
        try (Host host = Hosts.privileged(new PrivilegeHelper(argv, "pkexec", false), new Hosts.Listener() { })) {
            HostInfo info = host.info();
            assertEquals(LocalHost.LABEL, info.label());
            assertTrue(info.capabilities().contains("status"), info.toString());
            assertFalse(host.status().needsRecovery(), "the tests' own run folder has no leftover");
        }
    }

    @Test
    void should_say_pkexec_is_missing_and_what_to_do() {
        PrivilegeHelper missing = new PrivilegeHelper(List.of(dir.resolve("no-pkexec").toString(), "netcr", "agent"),
                "pkexec", false);
        HostException e = assertThrows(HostException.class, () -> Hosts.privileged(missing, new Hosts.Listener() { }));
        assertEquals(Errno.ENOENT, e.code());
        assertTrue(e.getMessage().contains("apt-get install pkexec"), e.getMessage());
    }

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
