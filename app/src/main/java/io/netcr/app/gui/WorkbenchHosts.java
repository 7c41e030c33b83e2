package io.netcr.app.gui;

import io.netcr.app.gui.ops.HostAccess;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.askpass.AskpassServer;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.ReadResult;
import java.util.Map;

/**
 * The hosts a window reads and works on, each through the one {@link io.netcr.app.hosts.Host} interface: this host
 * ({@link ThisHost}: in process, or through the privilege helper's agent) and the remote hosts it is connected to
 * ({@link RemoteHosts}, over ssh). Given a live source, it reads it and gives the dialogs its host.
 */
public final class WorkbenchHosts implements AutoCloseable {

    private final ThisHost thisHost;
    private final RemoteHosts remotes;
    private final RemoteHosts.Askpass askpass;

    public WorkbenchHosts(ThisHost thisHost, RemoteHosts remotes, RemoteHosts.Askpass askpass) {
        this.thisHost = thisHost;
        this.remotes = remotes;
        this.askpass = askpass;
    }

    /**
     * The hosts of a window of this process: this host (through the privilege helper when not root, as the
     * environment sets it up; in process through the {@link FirstDocument}'s reader), and remote hosts over the
     * system's ssh, its prompts answered by {@code prompter}.
     */
    public static WorkbenchHosts forThisProcess(TaskExecutor executor, RecentHosts recent, Map<String, String> env,
                                                AskpassServer.Prompter prompter) {
        boolean root = new LocalHost().info().isRoot();
        RemoteHosts.Askpass askpass = new RemoteHosts.Askpass(prompter);
        return new WorkbenchHosts(new ThisHost(FirstDocument.liveHost(), root, ThisHost.helperFor(env), RunDir.current(),
                executor), new RemoteHosts(executor, recent, RemoteHosts.ssh(env, askpass)), askpass);
    }

    /**
     * A window whose "this host" is {@code live} as it is (tests stand in a fake; no helper), and whose remote hosts
     * go through the system's ssh in batch mode.
     */
    public static WorkbenchHosts of(LiveHost live, TaskExecutor executor, RecentHosts recent, Map<String, String> env) {
        RemoteHosts.Askpass none = new RemoteHosts.Askpass(null);
        return new WorkbenchHosts(new ThisHost(live, true, new ThisHost.Helper(null, "", null), RunDir.current(),
                executor), new RemoteHosts(executor, recent, RemoteHosts.ssh(env, none)), none);
    }

    public ThisHost thisHost() {
        return thisHost;
    }

    public RemoteHosts remotes() {
        return remotes;
    }

    /** A live source's snapshot (worker thread); files are read elsewhere. */
    ReadResult read(WorkbenchSource source) {
        if (source instanceof WorkbenchSource.Remote r) {
            return remotes.read(r.destination());
        }
        return thisHost.read();
    }

    /** The host behind a live source, for the dialogs; this host for anything else. */
    public HostAccess access(WorkbenchSource source) {
        return source instanceof WorkbenchSource.Remote r ? remotes.access(r.destination()) : thisHost.access();
    }

    /** Ends every connection and releases this host's reader: the window closes. */
    @Override
    public void close() {
        remotes.close();
        thisHost.close();
        askpass.close();
    }
}
