package io.netcr.app.hosts;

import io.netcr.bridge.restore.journal.RunDir;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own sshd for a test, as an administrator would run one: on 127.0.0.1 at a port of its own, with a
 * throwaway host key and user key in the test's folder (UsePAM no, StrictModes no: the folder is a temporary one).
 * An ssh_config beside them names it by aliases, as a user's ~/.ssh/config would: {@code netcr-test} (root, the
 * right key, the host key known), {@code netcr-test-wrong-key}, {@code netcr-test-closed} (a port nobody listens on).
 * The remote command of a test runs this build's netcr from its class path, since no package is installed.
 */
public final class TestSshd implements AutoCloseable {

    public static final String ALIAS = "netcr-test";
    static final String WRONG_KEY = "netcr-test-wrong-key";
    public static final String CLOSED = "netcr-test-closed";
    /** Root with a key that has a passphrase ({@link #PASSPHRASE}): ssh must ask for it. */
    public static final String WITH_PASSPHRASE = "netcr-test-passphrase";
    public static final String PASSPHRASE = "netcr test passphrase";
    /** Root with the right key, on a host whose key is not known yet: ssh asks whether to trust it. */
    public static final String NEW_HOST = "netcr-test-new-host";

    public final Path dir;
    public final Path config;
    public final int port;
    private final Process sshd;

    private TestSshd(Path dir, Path config, int port, Process sshd) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.sshd = sshd;
    }

    public static TestSshd start(Path dir) throws Exception {
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "netcr-test-host", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "netcr-test-user", "-f", dir.resolve("user_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "netcr-test-other", "-f", dir.resolve("other_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-C", "netcr-test-passphrase", "-f",
                dir.resolve("pass_key").toString());
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("user_key.pub"))
                + Files.readString(dir.resolve("pass_key.pub")));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
        int port = freePort();
        int closed = freePort();
        Path sshdConfig = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "UsePAM no", "StrictModes no",
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PidFile " + dir.resolve("sshd.pid"), "LogLevel VERBOSE", ""));
        String hostKey = Files.readString(dir.resolve("host_key.pub")).trim();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        String common = "  HostName 127.0.0.1\n  User root\n  IdentitiesOnly yes\n  UserKnownHostsFile "
                + dir.resolve("known_hosts") + "\n  StrictHostKeyChecking yes\n  LogLevel ERROR\n";
        Path config = Files.writeString(dir.resolve("ssh_config"),
                "Host " + ALIAS + "\n  Port " + port + "\n  IdentityFile " + dir.resolve("user_key") + "\n" + common
                + "Host " + WRONG_KEY + "\n  Port " + port + "\n  IdentityFile " + dir.resolve("other_key") + "\n" + common
                + "Host " + CLOSED + "\n  Port " + closed + "\n  IdentityFile " + dir.resolve("user_key") + "\n" + common
                + "Host " + WITH_PASSPHRASE + "\n  Port " + port + "\n  IdentityFile " + dir.resolve("pass_key") + "\n"
                + common
                + "Host " + NEW_HOST + "\n  Port " + port + "\n  IdentityFile " + dir.resolve("user_key") + "\n"
                + common.replace("UserKnownHostsFile " + dir.resolve("known_hosts"), "UserKnownHostsFile "
                        + dir.resolve("known_hosts_new")).replace("StrictHostKeyChecking yes", "StrictHostKeyChecking ask"));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-f", sshdConfig.toString(), "-E",
                dir.resolve("sshd.log").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.out").toFile()).start();
        TestSshd s = new TestSshd(dir, config, port, sshd);
        s.awaitListening();
        return s;
    }

    /** Polls the port until sshd accepts a connection (a real condition, with a deadline). */
    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd ended at once: " + Files.readString(dir.resolve("sshd.out"))
                        + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd does not listen on 127.0.0.1:" + port, e);
                }
            }
        }
    }

    /**
     * The command of this test's JVM that runs netcr: java, this class path, the command line's fast settings, and
     * the tests' restore lock and journal (never the host's /run/netcr).
     */
    public static String netcrCommand() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java")
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dnetcr.run.dir=" + RunDir.current().dir()
                + " -cp " + System.getProperty("java.class.path")
                + " io.netcr.app.Main";
    }

    /** The environment that makes netcr reach this sshd: its ssh_config, and {@code remote} as the command. */
    public Map<String, String> env(String remote) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NETCR_SSH_COMMAND", "ssh -F " + config);
        env.put("NETCR_REMOTE_COMMAND", remote);
        env.put("NETCR_SSH_REUSE", "no");
        env.put("XDG_RUNTIME_DIR", dir.toString());
        return env;
    }

    /** The environment that runs this build's agent there. */
    public Map<String, String> agentEnv() {
        return env(netcrCommand() + " agent");
    }

    /** The agents running under this sshd now (the remote command's java processes). */
    public List<ProcessHandle> agents() {
        List<ProcessHandle> out = new ArrayList<>();
        sshd.descendants().forEach(p -> {
            if (cmdline(p).contains("io.netcr.app.Main\0agent")) {
                out.add(p);
            }
        });
        return out;
    }

    /** The whole command line, NUL between words (ProcessHandle.Info cuts a long class path short). */
    private static String cmdline(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")));
        } catch (IOException e) {
            return "";
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops sshd and every session under it. */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> under = sshd.descendants().toList();
        sshd.destroy();
        under.forEach(ProcessHandle::destroy);
        sshd.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle p : under) {
            p.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }
}
