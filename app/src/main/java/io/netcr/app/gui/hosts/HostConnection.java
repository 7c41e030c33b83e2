package io.netcr.app.gui.hosts;

import io.netcr.app.gui.task.BackgroundTask;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.HostInfo;
import io.netcr.app.hosts.Hosts;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One connection of the window to a host's agent: a remote host over ssh, or this host through the privilege
 * helper. It connects in the background (the agent's hello), follows the connection's end (then it is
 * {@link ConnectionState#LOST}, with the diagnostic that says why) and connects again on request. Its properties
 * change on the FX thread; {@link #host()} may be called from any thread.
 */
public final class HostConnection {

    /** Starts the agent: ssh, the privilege helper, or (in tests) an agent in process. */
    public interface Opener {
        Host open(Hosts.Listener listener) throws HostException;
    }

    private final String label;
    private final Opener opener;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ConnectionState.CLOSED);
    private final ReadOnlyObjectWrapper<Diagnostic> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<HostInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    /** The agent when connected, else null; read by workers. */
    private volatile Host host;
    /** Which connect is the current one (FX thread): late news of an earlier one is dropped. */
    private int attempt;

    /** @param label the host as the user named it ("web2"), or "this host" */
    public HostConnection(String label, Opener opener, TaskExecutor executor) {
        this.label = label;
        this.opener = opener;
        this.executor = executor;
    }

    public String label() {
        return label;
    }

    /**
     * Connects in the background, closing the connection there was (FX thread); {@code connected} runs on the FX
     * thread once the agent has said hello.
     */
    public void connect(Runnable connected) {
        int mine = ++attempt;
        Host old = host;
        host = null;
        state.set(ConnectionState.CONNECTING);
        problem.set(null);
        Hosts.Listener listener = new Hosts.Listener() {
            @Override
            public void ended(Diagnostic why) {
                executor.runOnUiThread(() -> lost(mine, why));
            }
        };
        executor.execute(new BackgroundTask<>("Connecting to " + label, () -> {
            if (old != null) {
                old.close();
            }
            Host h = opener.open(listener);
            try {
                h.info(); // waits for the hello: a password may be typed meanwhile
            } catch (HostException e) {
                h.close();
                throw e;
            }
            return h;
        }, (Host h) -> {
            if (mine != attempt) {
                closeLater(h);
                return;
            }
            try {
                info.set(h.info());
            } catch (HostException e) {
                // cached by the call above: never thrown here
            }
            host = h;
            state.set(ConnectionState.CONNECTED);
            connected.run();
        }, e -> {
            if (mine == attempt) {
                state.set(ConnectionState.LOST);
                problem.set(why(e));
            }
        }));
    }

    /** The connection ended (the agent exited, ssh lost the host): unless closed here, it is lost. */
    private void lost(int which, Diagnostic why) {
        if (which != attempt || state.get() != ConnectionState.CONNECTED) {
            return; // an earlier connection, or one whose failure the connect itself reports
        }
        host = null;
        state.set(ConnectionState.LOST);
        problem.set(why);
    }

    private Diagnostic why(Throwable e) {
        if (e instanceof HostException he && !he.diagnostics().isEmpty()) {
            return he.diagnostics().get(0);
        }
        return Diagnostic.error(Errno.EIO, HostException.subject(label), Phase.READ, "cannot connect to " + label
                + ": " + e);
    }

    /** The agent, when connected; otherwise why not (what went wrong, or that it is still connecting). */
    public Host host() throws HostException {
        Host h = host;
        if (h != null) {
            return h;
        }
        Diagnostic d = problem.get();
        throw new HostException(d != null ? d : Diagnostic.error(Errno.ENOTCONN, HostException.subject(label),
                Phase.READ, label + " is not connected yet: wait for it, or connect again"));
    }

    /** True while connected (any thread). */
    public boolean connected() {
        return host != null;
    }

    /** Ends the connection (FX thread); the agent's running work goes on to its end there. */
    public void close() {
        attempt++;
        Host h = host;
        host = null;
        state.set(ConnectionState.CLOSED);
        if (h != null) {
            closeLater(h); // a bye, answered at once, or given up after 5 s: not on the FX thread
        }
    }

    /** Closes a host on a thread of its own (its bye waits for the agent's answer). */
    private static void closeLater(Host h) {
        Thread t = new Thread(h::close, "netcr-close-host");
        t.setDaemon(true);
        t.start();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ConnectionState getState() {
        return state.get();
    }

    /** Why it is lost, or did not connect; null otherwise. */
    public ReadOnlyObjectProperty<Diagnostic> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the agent's hello said, once connected. */
    public ReadOnlyObjectProperty<HostInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }
}
