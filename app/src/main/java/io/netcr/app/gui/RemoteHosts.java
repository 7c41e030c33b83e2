package io.netcr.app.gui;

import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.ops.HostAccess;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.hosts.askpass.AskpassServer;
import io.netcr.app.hosts.transport.SshCommand;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The other hosts a window is connected to, each through its agent over ssh (docs/agent.md): File › Connect to
 * host… adds one, the navigator shows each beside "This host" with its state, Reconnect and Disconnect act on it,
 * and the hosts connected to are remembered (recent hosts). Several are connected side by side, each with its own
 * connection. Passwords and passphrases that ssh asks for go to the window through askpass
 * ({@link AskpassServer}), started with the first connection.
 */
public final class RemoteHosts {

    /** How a connection to a destination is opened. */
    public interface Openers {
        HostConnection.Opener opener(String destination);
    }

    private final TaskExecutor executor;
    private final RecentHosts store;
    private final Openers openers;
    private final ObservableList<HostConnection> connections = FXCollections.observableArrayList();
    /** The same connections by name, for workers (the list is the FX thread's). */
    private final Map<String, HostConnection> byName = new ConcurrentHashMap<>();
    private final ObservableList<String> recent = FXCollections.observableArrayList();

    public RemoteHosts(TaskExecutor executor, RecentHosts store, Openers openers) {
        this.executor = executor;
        this.store = store;
        this.openers = openers;
        recent.setAll(store.load());
    }

    /**
     * The system's ssh as {@code env} sets it up (NETCR_SSH_COMMAND, NETCR_REMOTE_COMMAND, NETCR_SSH_REUSE), with
     * prompts going to {@code prompter} through askpass; batch mode (no prompt at all) when askpass cannot start.
     */
    public static Openers ssh(Map<String, String> env, Askpass askpass) {
        return destination -> listener -> {
            SshCommand.Options options = SshCommand.fromEnvironment(env);
            Optional<AskpassServer> server = askpass.server();
            return Hosts.ssh(destination, server.map(s -> options.withAskpass(s.program())).orElse(options), listener);
        };
    }

    /** The window's askpass server, started on first use and kept until the window closes. */
    public static final class Askpass implements AutoCloseable {
        private final AskpassServer.Prompter prompter;
        private AskpassServer server;
        private boolean failed;

        public Askpass(AskpassServer.Prompter prompter) {
            this.prompter = prompter;
        }

        synchronized Optional<AskpassServer> server() {
            if (server == null && !failed && prompter != null) {
                try {
                    server = AskpassServer.start(prompter);
                } catch (IOException | RuntimeException e) {
                    failed = true; // ssh then runs in batch mode: keys and agents work, prompts do not
                }
            }
            return Optional.ofNullable(server);
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    /**
     * Connects to {@code destination} (again, if it is connected already) in the background (FX thread);
     * {@code connected} runs once its agent has said hello. Empty, or why the destination cannot be one.
     */
    public Optional<String> connect(String destination, Consumer<HostConnection> connected) {
        String d = destination == null ? "" : destination.strip();
        Optional<String> problem = SshCommand.destinationProblem(d);
        if (problem.isPresent()) {
            return problem;
        }
        HostConnection c = find(d).orElseGet(() -> {
            HostConnection made = new HostConnection(d, openers.opener(d), executor);
            byName.put(d, made);
            connections.add(made);
            return made;
        });
        recent.setAll(store.add(d));
        c.connect(() -> connected.accept(c));
        return Optional.empty();
    }

    /** The connection to {@code destination}, if the window has one (any thread). */
    public Optional<HostConnection> find(String destination) {
        return Optional.ofNullable(byName.get(destination));
    }

    /** Ends the connection and forgets the host (FX thread). */
    public void disconnect(HostConnection c) {
        c.close();
        byName.remove(c.label(), c);
        connections.remove(c);
    }

    /** A remote host's live snapshot (worker thread): what its agent reads, or why there is none. */
    ReadResult read(String destination) {
        try {
            return access(destination).host().snapshot(List.of());
        } catch (HostException e) {
            return ReadResult.failed(e.diagnostics());
        }
    }

    /** The host for the dialogs: the connection's agent at the moment they ask. */
    HostAccess access(String destination) {
        return new HostAccess() {
            @Override
            public String label() {
                return destination;
            }

            @Override
            public Host host() throws HostException {
                Optional<HostConnection> c = find(destination);
                if (c.isEmpty()) {
                    throw HostException.of(Errno.ENOTCONN, destination, Phase.READ,
                            destination + " is not connected: File › Connect to host… connects it");
                }
                return c.get().host();
            }
        };
    }

    /** The connections, in the order they were made (FX thread). */
    public ObservableList<HostConnection> connections() {
        return connections;
    }

    /** The hosts connected to lately, newest first. */
    public ObservableList<String> recent() {
        return recent;
    }

    /** Ends every connection: the window closes. */
    void close() {
        connections.forEach(HostConnection::close);
    }
}
