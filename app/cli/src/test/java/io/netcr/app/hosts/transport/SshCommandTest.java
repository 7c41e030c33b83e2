package io.netcr.app.hosts.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshCommandTest {

    @TempDir
    Path dir;

    @Test
    void should_run_ssh_without_a_terminal_forwarding_or_prompts_and_with_keepalives() {
        SshCommand.Options o = new SshCommand.Options(List.of("ssh", "-F", "/tmp/lab.conf"), "netcr agent", true,
                Path.of("/run/user/0/netcr-ssh"), null);
        List<String> argv = SshCommand.argv("ssh://root@web2:2222", o);
        assertEquals(List.of("ssh", "-F", "/tmp/lab.conf", "-T", "-a", "-x", "-o", "ClearAllForwardings=yes",
                "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
                "-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/0/netcr-ssh/%C",
                "-o", "ControlPersist=60", "--", "ssh://root@web2:2222", "netcr agent"), argv);
        assertEquals(Map.of(), SshCommand.environment(o));

        SshCommand.Options asking = o.withAskpass(Path.of("/usr/lib/netcr/askpass"));
        assertFalse(SshCommand.argv("web2", asking).contains("BatchMode=yes"), "a dialog can answer prompts");
        assertEquals(Map.of("SSH_ASKPASS", "/usr/lib/netcr/askpass", "SSH_ASKPASS_REQUIRE", "force"),
                SshCommand.environment(asking));
    }

    @Test
    void should_read_its_settings_from_the_environment() {
        Map<String, String> env = Map.of("NETCR_SSH_COMMAND", "ssh -F '/tmp/my lab.conf'", "NETCR_REMOTE_COMMAND",
                "sudo -n /usr/bin/netcr agent", "NETCR_SSH_REUSE", "no");
        SshCommand.Options o = SshCommand.fromEnvironment(env);
        assertEquals(List.of("ssh", "-F", "/tmp/my lab.conf"), o.ssh());
        assertEquals("sudo -n /usr/bin/netcr agent", o.remoteCommand());
        assertEquals(null, o.controlDir());
        assertEquals(SshCommand.DEFAULT_REMOTE_COMMAND, SshCommand.fromEnvironment(Map.of()).remoteCommand());
    }

    @Test
    void should_keep_reused_connections_in_a_folder_only_this_user_can_enter() throws Exception {
        Path runtime = Files.createDirectory(dir.resolve("runtime"));
        Path control = SshCommand.controlDir(Map.of("XDG_RUNTIME_DIR", runtime.toString())).orElseThrow();
        assertEquals(runtime.resolve("netcr-ssh"), control);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(control)));
        Files.setPosixFilePermissions(control, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(SshCommand.controlDir(Map.of("XDG_RUNTIME_DIR", runtime.toString())).isEmpty(),
                "a folder others may enter is not used");
    }

    @Test
    void should_refuse_a_host_that_would_be_an_option_or_a_second_word() {
        assertTrue(SshCommand.destinationProblem("-oProxyCommand=sh").isPresent());
        assertTrue(SshCommand.destinationProblem("web2 rm").isPresent());
        assertTrue(SshCommand.destinationProblem("web2\nx").isPresent());
        assertTrue(SshCommand.destinationProblem("").isPresent());
        assertTrue(SshCommand.destinationProblem("root@web2").isEmpty());
        assertTrue(SshCommand.destinationProblem("ssh://admin@[fd00:250::1]:2222").isEmpty());
    }

    @Test
    void should_split_command_words_as_a_shell_would_without_running_one() {
        assertEquals(List.of("sudo", "-n", "/usr/bin/netcr", "agent"), CommandWords.split(" sudo  -n /usr/bin/netcr agent "));
        assertEquals(List.of("a b", "c\"d", "e f", "$HOME", ""), CommandWords.split("'a b' \"c\\\"d\" e\\ f '$HOME' ''"));
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("ssh 'open"));
    }

    @Test
    void should_tell_each_way_a_connection_fails_before_the_agent_starts() {
        assertEquals(Errno.ENOPKG, failure(127, "bash: line 1: netcr: command not found").code());
        assertEquals(Errno.ENOPKG, failure(127, StartFailures.NOT_INSTALLED_MARK).code());
        assertEquals(Errno.EACCES, failure(255, "root@127.0.0.1: Permission denied (publickey).").code());
        assertEquals(Errno.EACCES, failure(255, "Host key verification failed.").code());
        assertEquals(Errno.EHOSTUNREACH, failure(255,
                "ssh: Could not resolve hostname web9: Name or service not known").code());
        assertEquals(Errno.ECONNREFUSED, failure(255,
                "ssh: connect to host 127.0.0.1 port 1: Connection refused").code());
        assertEquals(Errno.ETIMEDOUT, failure(255, "ssh: connect to host 10.250.0.9 port 22: Connection timed out")
                .code());
        assertEquals(Errno.EACCES, failure(1, "sudo: a password is required").code());
        Diagnostic other = failure(3, "Exception in thread main");
        assertEquals(Errno.EPROTO, other.code());
        assertTrue(other.message().contains("exit status 3") && other.message().contains("no netcr agent answered"),
                other.message());
        Diagnostic local = StartFailures.classify("this host", "sudo -n /usr/bin/netcr agent", false, OptionalInt.of(127),
                List.of());
        assertTrue(local.message().contains("NETCR_AGENT_COMMAND"), local.message());
    }

    private static Diagnostic failure(int status, String stderr) {
        Diagnostic d = StartFailures.classify("web2", "ssh web2", true, OptionalInt.of(status), List.of(stderr));
        assertEquals("host:web2", d.subject().toString());
        return d;
    }
}
