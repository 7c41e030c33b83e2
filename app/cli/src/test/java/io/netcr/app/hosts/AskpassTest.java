package io.netcr.app.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.hosts.askpass.AskpassServer;
import io.netcr.app.hosts.transport.SshCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ssh's prompts reach the window: ssh runs the askpass program ({@code netcr askpass}), which hands the prompt to
 * the {@link AskpassServer} over its private socket, and the answer goes back to ssh. Through the test's sshd: a
 * key with a passphrase, and a host whose key is not known yet (the question answered "yes"). Root (sshd).
 */
class AskpassTest extends SshdTest {

    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    private Optional<String> answer(String prompt) {
        asked.add(prompt);
        if (prompt.contains("passphrase")) {
            return Optional.of(TestSshd.PASSPHRASE);
        }
        if (prompt.contains("(yes/no")) {
            return Optional.of("yes");
        }
        return Optional.empty();
    }

    @Test
    void should_print_the_answer_for_ssh_and_exit_1_when_cancelled() throws Exception {
        try (AskpassServer server = AskpassServer.start(p -> p.startsWith("cancel") ? Optional.empty()
                : Optional.of("answer to " + p))) {
            Path folder = server.program().getParent();
            assertEquals(PosixFilePermissions.fromString("rwx------"),
                    Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS), "only this user may enter");
            String[] ok = run(server.program(), "Password: ");
            assertEquals("0", ok[0]);
            assertEquals("answer to Password: \n", ok[1], "the answer, one line, on standard output");
            String[] cancelled = run(server.program(), "cancel me");
            assertEquals("1", cancelled[0]);
            assertEquals("", cancelled[1], "nothing for ssh to take as a password");
            Path program = server.program();
            server.close();
            assertTrue(Files.notExists(program.getParent()), "closing removes the folder and its socket");
        }
    }

    @Test
    void should_ask_for_a_key_passphrase_through_askpass_and_connect() throws Exception {
        try (AskpassServer server = AskpassServer.start(this::answer);
             Host host = Hosts.ssh(TestSshd.WITH_PASSPHRASE, SshCommand.fromEnvironment(sshd.agentEnv())
                     .withAskpass(server.program()), new Hosts.Listener() { })) {
            assertEquals(0, host.info().uid(), sshd.log());
            assertTrue(asked.stream().anyMatch(p -> p.contains("pass_key")), "ssh asked for the key's passphrase: "
                    + asked);
        }
    }

    @Test
    void should_ask_whether_to_trust_a_new_host_key_and_connect_on_yes() throws Exception {
        try (AskpassServer server = AskpassServer.start(this::answer);
             Host host = Hosts.ssh(TestSshd.NEW_HOST, SshCommand.fromEnvironment(sshd.agentEnv())
                     .withAskpass(server.program()), new Hosts.Listener() { })) {
            assertEquals(0, host.info().uid(), sshd.log());
            assertTrue(asked.stream().anyMatch(p -> p.contains("(yes/no")), "ssh asked about the host key: " + asked);
            assertTrue(Files.readString(sshd.dir.resolve("known_hosts_new")).contains("ssh-ed25519"),
                    "the key is known now");
        }
    }

    /** Runs the askpass program as ssh does; its exit status and standard output. */
    private static String[] run(Path program, String prompt) throws Exception {
        Process p = new ProcessBuilder(program.toString(), prompt).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), out};
    }
}
