package io.netcr.app.hosts;

import io.netcr.app.hosts.transport.CommandWords;
import io.netcr.app.hosts.transport.ProcessTransport;
import io.netcr.app.hosts.transport.SshCommand;
import io.netcr.app.services.SnapshotSources;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a {@link Host} by what the user gave: nothing for this machine (in this process, or through the command
 * in NETCR_AGENT_COMMAND, e.g. {@code sudo -n /usr/bin/netcr agent}), or an ssh destination — {@code user@host},
 * {@code ssh://user@host:port}, an alias of {@code ~/.ssh/config} — for another machine's agent
 * ({@link SshCommand}). Also reads the sources {@code live@HOST} name.
 */
public final class Hosts {

    /** The source spec prefix of a remote host's live state: {@code live@web2}. */
    public static final String LIVE_AT = SnapshotSources.LIVE + "@";

    private Hosts() {
    }

    /** What a connection reports besides answers; the command line prints it, the workbench will show it. */
    public interface Listener extends AgentConnection.Listener {
    }

    /** This machine, or {@code destination} over ssh, as this process's environment says. */
    public static Host open(String destination, Listener listener) throws HostException {
        return open(destination, System.getenv(), RunDir.current(), listener);
    }

    /**
     * @param destination null or empty for this machine, else an ssh destination
     * @param env         the environment to read NETCR_AGENT_COMMAND, NETCR_SSH_COMMAND, NETCR_REMOTE_COMMAND and
     *                    NETCR_SSH_REUSE from
     * @param runDir      where an in-process host keeps its restore lock and journal
     */
    public static Host open(String destination, Map<String, String> env, RunDir runDir, Listener listener)
            throws HostException {
        if (destination == null || destination.isEmpty()) {
            Optional<String> agent = agentCommand(env);
            return agent.isEmpty() ? new LocalHost(runDir) : localAgent(agent.get(), listener);
        }
        Optional<String> problem = SshCommand.destinationProblem(destination);
        if (problem.isPresent()) {
            throw HostException.of(Errno.EINVAL, destination, Phase.READ, "'" + destination + "' is not a host to "
                    + "connect to: " + problem.get());
        }
        return ssh(destination, SshCommand.fromEnvironment(env), listener);
    }

    /** The command that starts this machine's agent (NETCR_AGENT_COMMAND), when one is set. */
    public static Optional<String> agentCommand(Map<String, String> env) {
        String agent = env.get("NETCR_AGENT_COMMAND");
        return agent == null || agent.isBlank() ? Optional.empty() : Optional.of(agent);
    }

    /** {@code destination} over ssh with these options (the workbench sets its askpass program in them). */
    public static Host ssh(String destination, SshCommand.Options options, Listener listener) throws HostException {
        List<String> argv = SshCommand.argv(destination, options);
        try {
            ProcessTransport t = ProcessTransport.start(argv, SshCommand.environment(options), "ssh " + destination,
                    line -> { });
            return new AgentHost(destination, true, t, listener, options.batch() ? AgentHost.HELLO_MILLIS
                    : 4 * AgentHost.HELLO_MILLIS, AgentHost.IDLE_MILLIS);
        } catch (IOException e) {
            throw HostException.of(Errno.ENOENT, destination, Phase.READ, "cannot run " + argv.get(0) + " ("
                    + e.getMessage() + "): install the OpenSSH client (apt-get install openssh-client), or set "
                    + "NETCR_SSH_COMMAND");
        }
    }

    /** This machine through an agent that {@code command} starts (NETCR_AGENT_COMMAND: sudo, pkexec). */
    static Host localAgent(String command, Listener listener) throws HostException {
        return privileged(PrivilegeHelper.of(Map.of(PrivilegeHelper.VARIABLE, command)), listener);
    }

    /**
     * This machine through the agent a privilege helper starts, as the workbench does when it is not root. The
     * helper runs directly (never through a shell), with this process's environment.
     */
    public static Host privileged(PrivilegeHelper helper, Listener listener) throws HostException {
        String what = helper.fromEnvironment() ? helper.describe() : "pkexec netcr agent";
        try {
            ProcessTransport t = ProcessTransport.start(helper.argv(), Map.of(), what, line -> { });
            // pkexec may wait for a person to type a password: as long as ssh waits for a passphrase
            return new AgentHost(LocalHost.LABEL, false, t, listener, helper.pkexec() ? 4 * AgentHost.HELLO_MILLIS
                    : AgentHost.HELLO_MILLIS, AgentHost.IDLE_MILLIS);
        } catch (IOException e) {
            throw HostException.of(Errno.ENOENT, LocalHost.LABEL, Phase.READ, helper.fromEnvironment()
                    ? "cannot start the agent with `" + what + "` (" + PrivilegeHelper.VARIABLE + "): " + e.getMessage()
                    : "pkexec is not installed here, so the netcr agent cannot be started as root (" + e.getMessage()
                    + "): install it (apt-get install pkexec), or set " + PrivilegeHelper.VARIABLE
                    + " (e.g. sudo -n /usr/bin/netcr agent)");
        }
    }

    /** True for {@code live@HOST}. */
    public static boolean isRemoteLive(String spec) {
        return spec.startsWith(LIVE_AT) && spec.length() > LIVE_AT.length();
    }

    /**
     * What every command that takes a source reads: {@code live@HOST} through that host's agent, anything else
     * through {@link SnapshotSources#openAny}. Never throws: a host that cannot be asked is a diagnostic.
     */
    public static ReadResult openSource(String spec, ReadMode mode, Listener listener) {
        if (!isRemoteLive(spec)) {
            return SnapshotSources.openAny(spec, mode);
        }
        return snapshotOf(spec.substring(LIVE_AT.length()), listener);
    }

    /** The live snapshot of {@code destination}, or the diagnostics of why there is none. */
    public static ReadResult snapshotOf(String destination, Listener listener) {
        try (Host host = open(destination, listener)) {
            return host.snapshot(List.of());
        } catch (HostException e) {
            return ReadResult.failed(e.diagnostics());
        }
    }

    /** The subject of diagnostics about a host. */
    public static SubjectPath subject(String label) {
        return HostException.subject(label);
    }

    /** A listener that prints what it hears to standard error, as the command line does. */
    public static Listener printing(java.io.PrintWriter err, String label) {
        return new Listener() {
            private int noise;

            @Override
            public void noise(String line) {
                if (noise++ < 3) {
                    err.println("netcr: " + label + " printed before its agent started (ignored): " + line);
                    err.flush();
                }
            }

            @Override
            public void ended(Diagnostic why) {
                // the call that was waiting says it
            }
        };
    }
}
