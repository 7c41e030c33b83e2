package io.netcr.app.hosts.transport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ssh command line that starts a netcr agent on another machine: the system's OpenSSH client (so the user's
 * {@code ~/.ssh/config}, agent and {@code known_hosts} apply; no Java SSH library, no crypto of netcr's own),
 * {@code ssh -T HOST COMMAND}, with keep-alives that notice a lost connection, a connect timeout, no
 * forwarding of any kind, batch mode where nobody can answer a prompt, and connection reuse (ControlMaster) so that
 * a second command to the same host skips the handshake.
 *
 * <p>Environment: {@code NETCR_SSH_COMMAND} replaces {@code ssh} (words, e.g. {@code ssh -F ~/lab.conf});
 * {@code NETCR_REMOTE_COMMAND} replaces the remote command; {@code NETCR_SSH_REUSE=no} turns reuse off.
 */
public final class SshCommand {

    /**
     * The remote command: says (exit 127) when netcr is not installed; runs the agent directly as root, else
     * through {@code sudo -n} where the user may, else as the user (who then sees what that user may read). Written
     * for a POSIX login shell (sh, bash, dash, zsh, ksh); for others set NETCR_REMOTE_COMMAND.
     */
    public static final String DEFAULT_REMOTE_COMMAND = "command -v netcr >/dev/null 2>&1 || { echo '"
            + StartFailures.NOT_INSTALLED_MARK + "' >&2; exit 127; }; "
            + "if [ \"$(id -u)\" = 0 ]; then exec netcr agent; elif sudo -n true 2>/dev/null; "
            + "then exec sudo -n netcr agent; else exec netcr agent; fi";

    /** Seconds to set up the TCP connection. */
    static final int CONNECT_TIMEOUT = 10;
    /** A keep-alive every 5 s, three unanswered: a connection that went silent is given up after ~15 s. */
    static final int ALIVE_INTERVAL = 5;
    static final int ALIVE_COUNT = 3;
    /** How long an idle reused connection stays open after its last command. */
    static final int PERSIST_SECONDS = 60;

    /**
     * How to run ssh.
     *
     * @param ssh           the words that run ssh
     * @param remoteCommand what the remote shell runs
     * @param batch         no prompts at all (BatchMode): nobody can answer one
     * @param controlDir    where reused connections' sockets live, or null for no reuse
     * @param askpass       a program that answers prompts (SSH_ASKPASS, forced), or null
     */
    public record Options(List<String> ssh, String remoteCommand, boolean batch, Path controlDir, Path askpass) {
        public Options {
            ssh = List.copyOf(ssh);
        }

        public Options withAskpass(Path program) {
            return new Options(ssh, remoteCommand, false, controlDir, program);
        }
    }

    private SshCommand() {
    }

    /**
     * The options for this environment: batch mode unless this process has a terminal to prompt on; reuse in a
     * private folder unless NETCR_SSH_REUSE=no (or no private folder can be made).
     */
    public static Options fromEnvironment(Map<String, String> env) {
        List<String> ssh = CommandWords.split(env.getOrDefault("NETCR_SSH_COMMAND", "ssh"));
        if (ssh.isEmpty()) {
            ssh = List.of("ssh");
        }
        String remote = env.getOrDefault("NETCR_REMOTE_COMMAND", DEFAULT_REMOTE_COMMAND);
        boolean reuse = !"no".equalsIgnoreCase(env.getOrDefault("NETCR_SSH_REUSE", "yes"));
        return new Options(ssh, remote, !hasTerminal(), reuse ? controlDir(env).orElse(null) : null, null);
    }

    /** Why this text cannot name a host to ssh to, or empty: never an option, never a second word. */
    public static Optional<String> destinationProblem(String destination) {
        if (destination == null || destination.isEmpty()) {
            return Optional.of("a host is needed: user@host, ssh://user@host:port, or a ~/.ssh/config alias");
        }
        if (destination.startsWith("-")) {
            return Optional.of("a host name cannot begin with '-'");
        }
        if (destination.length() > 1024) {
            return Optional.of("a host is at most 1024 characters");
        }
        for (int i = 0; i < destination.length(); i++) {
            char c = destination.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("a host contains no white space or control characters");
            }
        }
        return Optional.empty();
    }

    /** {@code ssh [options] -- DESTINATION COMMAND}. */
    public static List<String> argv(String destination, Options o) {
        List<String> argv = new ArrayList<>(o.ssh());
        argv.add("-T"); // no terminal: the agent's output is protocol, byte for byte
        argv.add("-a"); // the user's agent stays here
        argv.add("-x");
        option(argv, "ClearAllForwardings=yes");
        option(argv, "ConnectTimeout=" + CONNECT_TIMEOUT);
        option(argv, "ServerAliveInterval=" + ALIVE_INTERVAL);
        option(argv, "ServerAliveCountMax=" + ALIVE_COUNT);
        if (o.batch()) {
            option(argv, "BatchMode=yes");
        }
        if (o.controlDir() != null) {
            option(argv, "ControlMaster=auto");
            option(argv, "ControlPath=" + o.controlDir().resolve("%C"));
            option(argv, "ControlPersist=" + PERSIST_SECONDS);
        }
        argv.add("--");
        argv.add(destination);
        argv.add(o.remoteCommand());
        return argv;
    }

    /** What ssh's environment adds: the askpass program, forced, when there is one. */
    public static Map<String, String> environment(Options o) {
        Map<String, String> env = new LinkedHashMap<>();
        if (o.askpass() != null) {
            env.put("SSH_ASKPASS", o.askpass().toString());
            env.put("SSH_ASKPASS_REQUIRE", "force");
        }
        return env;
    }

    /** True when this process has a controlling terminal, where ssh can ask for a passphrase. */
    static boolean hasTerminal() {
        try (RandomAccessFile tty = new RandomAccessFile("/dev/tty", "r")) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A folder only this user can enter, for reused connections' sockets: under XDG_RUNTIME_DIR, else
     * /tmp/netcr-ssh-UID. Empty (no reuse) when it cannot be made so, or belongs to someone else.
     */
    static Optional<Path> controlDir(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "netcr-ssh") : Path.of("/tmp", "netcr-ssh-" + uid());
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            boolean mine = owner instanceof Integer u && u == uid();
            return mine && perms.equals(PosixFilePermissions.fromString("rwx------")) ? Optional.of(dir) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long uid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer u ? u : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void option(List<String> argv, String option) {
        argv.add("-o");
        argv.add(option);
    }
}
