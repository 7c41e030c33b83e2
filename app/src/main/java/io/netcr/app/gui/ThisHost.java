package io.netcr.app.gui;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.ops.HostAccess;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.Hosts;
import io.netcr.app.hosts.LiveWatch;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.PrivilegeHelper;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * "This host" for the window. As root it is read in this process. Not root, the window starts netcr's agent with
 * a privilege helper ({@link PrivilegeHelper}: pkexec, or the command in NETCR_AGENT_COMMAND) and talks to it
 * ({@link HostConnection}): the agent reads every namespace as root, and checkpoint, restore and recovery go
 * through it. Until it runs, or when it cannot (no pkexec, the password dialog dismissed, the agent lost), the
 * window shows what this user may read, as a process without privilege sees it, and {@link #noteProperty()} says
 * in one line what the agent would add, for a bar with a button that starts it.
 */
public final class ThisHost implements LiveHost {

    private final LiveHost local;
    private final boolean root;
    private final RunDir runDir;
    /** The helper's connection; null as root, or when no helper could be set up (then {@link #unusable} says why). */
    private final HostConnection helper;
    private final String helperName;
    private final Diagnostic unusable;
    private final TaskExecutor executor;
    /** Namespaces the last read in this process could not see (EPERM): what the agent would add. */
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper(this, "hidden", 0);
    /** True when that read could not look into other users' processes (EACCES on /proc): their namespaces too. */
    private final ReadOnlyBooleanWrapper processesHidden = new ReadOnlyBooleanWrapper(this, "processesHidden");
    private final StringBinding note;
    private final BooleanBinding offer;

    /**
     * @param local  this process's own reader of the host
     * @param root   true when this process is root: no helper
     * @param helper the helper's agent, as the environment sets it up (see {@link #helperFor})
     */
    public ThisHost(LiveHost local, boolean root, Helper helper, RunDir runDir, TaskExecutor executor) {
        this.local = local;
        this.root = root;
        this.runDir = runDir;
        this.executor = executor;
        this.helperName = helper.name();
        this.unusable = root ? null : helper.unusable();
        this.helper = root || helper.opener() == null ? null
                : new HostConnection(LocalHost.LABEL, helper.opener(), executor);
        if (this.helper == null) {
            note = Bindings.createStringBinding(this::noteText, hidden, processesHidden);
            offer = Bindings.createBooleanBinding(() -> false);
        } else {
            note = Bindings.createStringBinding(this::noteText, hidden, processesHidden,
                    this.helper.stateProperty(), this.helper.problemProperty());
            offer = Bindings.createBooleanBinding(() -> this.helper.getState() == ConnectionState.LOST
                    || this.helper.getState() == ConnectionState.CLOSED, this.helper.stateProperty());
        }
    }

    /**
     * How the helper's agent is started: the opener ({@code null} when none can be: then {@code unusable} says
     * why), and its name for people ("pkexec", or NETCR_AGENT_COMMAND's text).
     */
    public record Helper(HostConnection.Opener opener, String name, Diagnostic unusable) {
    }

    /** The privilege helper this environment sets up: NETCR_AGENT_COMMAND, else pkexec. */
    public static Helper helperFor(Map<String, String> env) {
        try {
            PrivilegeHelper h = PrivilegeHelper.of(env);
            return new Helper(listener -> Hosts.privileged(h, listener), h.fromEnvironment() ? "`" + h.describe() + "`"
                    : "pkexec", null);
        } catch (HostException e) {
            return new Helper(null, PrivilegeHelper.VARIABLE, e.diagnostics().get(0));
        }
    }

    /** Starts (or starts again) the helper's agent; {@code connected} runs on the FX thread once it said hello. */
    public void startHelper(Runnable connected) {
        if (helper != null) {
            helper.connect(connected);
        }
    }

    /** True when this window runs as root (no helper is needed). */
    public boolean root() {
        return root;
    }

    /** The helper's connection, when the window is not root and one can be made. */
    public HostConnection helper() {
        return helper;
    }

    /** True while this host is read and worked on through the helper's agent (any thread). */
    public boolean throughAgent() {
        return helper != null && helper.connected();
    }

    @Override
    public ReadResult read() {
        if (throughAgent()) {
            try {
                return helper.host().snapshot(List.of());
            } catch (HostException e) {
                // the agent is gone (the connection says so): show what this user may read meanwhile
            }
        }
        ReadResult own = local.read();
        if (!root) {
            List<Diagnostic> said = own.snapshot() == null ? List.of() : own.snapshot().diagnostics();
            int refused = (int) said.stream().filter(d -> d.code() == Errno.EPERM).count();
            boolean processes = said.stream().anyMatch(d -> d.code() == Errno.EACCES
                    && "/proc".equals(d.subject().valueOf(SubjectPath.FILE)));
            executor.runOnUiThread(() -> {
                hidden.set(refused);
                processesHidden.set(processes);
            });
        }
        return own;
    }

    /**
     * Follows this host live: through the helper's agent's subscription while it runs, else in this process
     * (which, not root, cannot follow other users' namespaces: null then, and the window refreshes by hand).
     */
    @Override
    public AutoCloseable follow(LiveWatch watch) {
        if (throughAgent()) {
            try {
                return helper.host().subscribe(List.of(), watch);
            } catch (HostException | RuntimeException e) {
                return null; // the agent is gone or cannot follow: the window still refreshes by hand
            }
        }
        return local.follow(watch);
    }

    /** This host for the dialogs: the helper's agent while it runs, else this process (which, not root, says EPERM). */
    public HostAccess access() {
        return new HostAccess() {
            @Override
            public String label() {
                return LocalHost.LABEL;
            }

            @Override
            public Host host() throws HostException {
                return throughAgent() ? helper.host() : new LocalHost(runDir);
            }
        };
    }

    /** What the helper's agent would add, or is doing, in one line; empty when there is nothing to say (root). */
    public StringBinding noteProperty() {
        return note;
    }

    /** True when a button may start the helper's agent (again). */
    public BooleanBinding offerProperty() {
        return offer;
    }

    public ReadOnlyIntegerProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    private String noteText() {
        if (root) {
            return "";
        }
        int n = hidden.get();
        String adds = "Not root: " + (n > 0 ? n + (n == 1 ? " namespace is" : " namespaces are") + " hidden, "
                : "") + (processesHidden.get() ? "namespaces held only by other users' processes are missing, " : "")
                + (n > 0 || processesHidden.get() ? "and " : "") + "checkpoint and restore need root";
        if (helper == null) {
            return adds + (unusable == null ? "" : "; " + unusable.message());
        }
        Diagnostic why = helper.problemProperty().get();
        switch (helper.getState()) {
            case CONNECTING:
                return "Starting netcr's agent with " + helperName + " (it may ask for a password): it reads every "
                        + "namespace as root, and checkpoints and restores";
            case CONNECTED:
                return "";
            case LOST:
                return adds + ". netcr's agent (" + helperName + ") would show and do them, but "
                        + (why == null ? "it ended" : lowerFirst(why.message()));
            default:
                return adds + ". netcr's agent, started with " + helperName + ", would show and do them";
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public void close() {
        if (helper != null) {
            helper.close();
        }
        local.close();
    }
}
