package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.hosts.AgentHost;
import io.netcr.app.hosts.Host;
import io.netcr.app.hosts.HostException;
import io.netcr.app.hosts.InProcessAgent;
import io.netcr.app.hosts.LocalHost;
import io.netcr.app.hosts.StubHost;
import io.netcr.app.testing.Fixtures;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's hosts without a kernel: this host through a privilege helper's agent (an agent in this process
 * serving a stub host, over real pipes), and remote hosts the same way. What the navigator and the helper line
 * show follows each connection: connecting, connected, lost, and connected again.
 */
class WorkbenchHostsTest {

    private final TaskExecutor executor = new CurrentThreadTaskExecutor();
    private final Preferences prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
    private final List<InProcessAgent> agents = new ArrayList<>();
    private final Snapshot asRoot = named(Fixtures.demo(), "root-view");

    @AfterEach
    void close() throws Exception {
        agents.forEach(InProcessAgent::close);
        prefs.removeNode();
    }

    /** An agent in this process serving a stub host that answers {@code snapshot}. */
    private HostConnection.Opener agentOf(Snapshot snapshot, String label) {
        return listener -> {
            try {
                InProcessAgent agent = new InProcessAgent(new StubHost(snapshot));
                agents.add(agent);
                return new AgentHost(label, false, agent, listener, 20_000, 20_000);
            } catch (IOException e) {
                throw HostException.of(Errno.EIO, label, Phase.READ, e.getMessage());
            }
        };
    }

    private static Snapshot named(Snapshot s, String host) {
        return s.withSource(new Source(Source.LIVE, host, "6.18", null, null, "test"));
    }

    /** What a process without privilege reads: its own namespace, and EPERM for two it may not enter. */
    private static ReadResult unprivileged() {
        Snapshot demo = Fixtures.demo();
        List<Namespace> own = demo.namespaces().stream().filter(Namespace::init).toList();
        List<Diagnostic> refused = List.of(
                Diagnostic.error(Errno.EPERM, SubjectPath.of("netns", "a"), Phase.SNAPSHOT, "needs CAP_SYS_ADMIN"),
                Diagnostic.error(Errno.EPERM, SubjectPath.of("netns", "b"), Phase.SNAPSHOT, "needs CAP_SYS_ADMIN"));
        Snapshot s = new Snapshot(new Source(Source.LIVE, "box", "6.18", null, null, "test"), own, refused);
        return new ReadResult(s, refused);
    }

    /** Polls a real condition with a deadline: the change comes from the connection's reader thread. */
    private static void await(BooleanSupplier condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("not within 20 s: " + what, e);
        }
    }

    @Test
    void should_read_this_host_as_this_user_until_the_agent_runs_then_through_it() throws Exception {
        FakeHost own = new FakeHost(WorkbenchHostsTest::unprivileged);
        ThisHost here = new ThisHost(own, false, new ThisHost.Helper(agentOf(asRoot, LocalHost.LABEL), "pkexec", null),
                RunDir.current(), executor);
        assertFalse(here.root());

        ReadResult before = here.read();
        assertEquals("box", before.snapshot().source().host(), "what this user may read");
        assertEquals(2, here.hiddenProperty().get());
        assertEquals("Not root: 2 namespaces are hidden, and checkpoint and restore need root. netcr's agent, started "
                + "with pkexec, would show and do them", here.noteProperty().get());
        assertTrue(here.offerProperty().get(), "a button starts it");
        assertInstanceOf(LocalHost.class, here.access().host(), "dialogs work in process meanwhile (EPERM)");

        here.startHelper(() -> { });
        assertEquals(ConnectionState.CONNECTED, here.helper().getState());
        assertEquals("", here.noteProperty().get(), "nothing to say while the agent runs");
        assertEquals(asRoot, here.read().snapshot(), "read through the agent, as root reads it");
        assertInstanceOf(AgentHost.class, here.access().host());

        agents.get(0).close(); // the agent goes away (pkexec's agent killed, say)
        await(() -> here.helper().getState() == ConnectionState.LOST, "the connection is lost");
        assertEquals(Errno.ECONNRESET, here.helper().problemProperty().get().code());
        assertTrue(here.noteProperty().get().contains("but the connection to this host was lost"),
                here.noteProperty().get());
        assertTrue(here.offerProperty().get(), "and the button starts it again");
        assertEquals("box", here.read().snapshot().source().host(), "back to what this user may read");
        here.close();
        assertTrue(own.closed);
    }

    @Test
    void should_say_why_the_helper_did_not_start() throws Exception {
        HostConnection.Opener dismissed = listener -> {
            throw HostException.of(Errno.ECANCELED, LocalHost.LABEL, Phase.READ, "the password dialog was dismissed, "
                    + "so the netcr agent did not start");
        };
        ThisHost here = new ThisHost(new FakeHost(WorkbenchHostsTest::unprivileged), false,
                new ThisHost.Helper(dismissed, "pkexec", null), RunDir.current(), executor);
        here.read();
        here.startHelper(() -> { throw new AssertionError("never connected"); });
        assertEquals(ConnectionState.LOST, here.helper().getState());
        assertEquals("Not root: 2 namespaces are hidden, and checkpoint and restore need root. netcr's agent (pkexec) "
                + "would show and do them, but the password dialog was dismissed, so the netcr agent did not start",
                here.noteProperty().get());
        assertTrue(here.offerProperty().get());
    }

    @Test
    void should_say_that_namespaces_of_other_users_processes_are_missing_too() {
        // what discovery says when /proc/PID/ns/net of other users' processes is closed to this user
        Diagnostic closed = Diagnostic.warning(Errno.EACCES, SubjectPath.of(SubjectPath.FILE, "/proc"),
                Phase.SNAPSHOT, "cannot read the network namespace of 3 process(es)");
        Snapshot own = Fixtures.demo().withSource(new Source(Source.LIVE, "box", "6.18", null, null, "test"));
        ThisHost here = new ThisHost(new FakeHost(() -> new ReadResult(new Snapshot(own.source(),
                own.namespaces().stream().filter(Namespace::init).toList(), List.of(closed)), List.of(closed))),
                false, new ThisHost.Helper(null, "pkexec", null), RunDir.current(), executor);
        assertEquals("Not root: checkpoint and restore need root", here.noteProperty().get(), "before the read");
        here.read();
        assertEquals("Not root: namespaces held only by other users' processes are missing, and checkpoint and "
                + "restore need root", here.noteProperty().get());
    }

    @Test
    void should_need_no_helper_as_root() {
        ThisHost here = new ThisHost(new FakeHost(() -> new ReadResult(asRoot, List.of())), true,
                ThisHost.helperFor(Map.of()), RunDir.current(), executor);
        assertNull(here.helper());
        assertEquals("", here.noteProperty().get());
        assertFalse(here.offerProperty().get());
        assertEquals(asRoot, here.read().snapshot());
    }

    @Test
    void should_say_in_words_why_a_host_did_not_connect() {
        Diagnostic refused = Diagnostic.error(Errno.EACCES, SubjectPath.of("host", "web3"), Phase.READ,
                "web3 refused the login (Permission denied (publickey)): check the user and the key (ssh-add -l), "
                        + "or try `ssh web3` by hand");
        RemoteHosts remotes = new RemoteHosts(executor, new RecentHosts(prefs), d -> listener -> {
            throw new HostException(refused);
        });
        WorkbenchHosts hosts = new WorkbenchHosts(new ThisHost(new FakeHost(() -> new ReadResult(asRoot, List.of())),
                true, new ThisHost.Helper(null, "", null), RunDir.current(), executor), remotes,
                new RemoteHosts.Askpass(null));
        WorkbenchViewModel vm = new WorkbenchViewModel(executor, new RecentFiles(prefs), hosts);
        vm.openLive();

        assertTrue(vm.connect("web3", c -> { throw new AssertionError("never connected"); }).isEmpty());
        HostConnection web3 = remotes.find("web3").orElseThrow();
        assertEquals(ConnectionState.LOST, web3.getState(), "in the navigator: web3 — lost");
        assertEquals("Not connected to web3: " + refused.message(), vm.statusProperty().get());
        assertEquals(List.of(refused), vm.selection().diagnostics());
        assertEquals(WorkbenchSource.LIVE, vm.getActive().source(), "this host stays the active one");
    }

    @Test
    void should_connect_hosts_side_by_side_and_follow_each_one() throws Exception {
        RemoteHosts remotes = new RemoteHosts(executor, new RecentHosts(prefs),
                d -> agentOf(named(Fixtures.demo(), "far-" + d), d));
        WorkbenchHosts hosts = new WorkbenchHosts(new ThisHost(new FakeHost(() -> new ReadResult(asRoot, List.of())),
                true, new ThisHost.Helper(null, "", null), RunDir.current(), executor), remotes,
                new RemoteHosts.Askpass(null));
        WorkbenchViewModel vm = new WorkbenchViewModel(executor, new RecentFiles(prefs), hosts);
        vm.openLive();

        assertEquals("a host cannot begin with '-'", vm.connect("-oProxyCommand=x", c -> { }).orElseThrow()
                .replace("name ", ""));
        List<String> connected = new ArrayList<>();
        assertTrue(vm.connect("web1", c -> connected.add(c.label())).isEmpty());
        assertTrue(vm.connect("root@web2", c -> connected.add(c.label())).isEmpty());
        assertEquals(List.of("web1", "root@web2"), connected);
        assertEquals(List.of("root@web2", "web1"), remotes.recent(), "newest first");
        assertEquals(List.of("root@web2", "web1"), new RecentHosts(prefs).load(), "kept across restarts");

        Document web2 = vm.getActive();
        assertEquals(new WorkbenchSource.Remote("root@web2"), web2.source());
        assertEquals("root@web2 (far-root@web2)", web2.title());
        assertTrue(vm.statusProperty().get().startsWith("Read root@web2 (far-root@web2)"), vm.statusProperty().get());
        assertEquals(3, vm.documents().size(), "this host and two others, side by side");
        Host far = hosts.access(web2.source()).host();
        assertEquals("root@web2", far.info().label());

        HostConnection web1 = remotes.find("web1").orElseThrow();
        agents.get(0).close();
        await(() -> web1.getState() == ConnectionState.LOST, "web1 is lost");
        await(() -> vm.statusProperty().get().startsWith("Not connected to web1: "), "the status line says why");
        assertEquals(List.of(web1.problemProperty().get()), vm.selection().diagnostics(), "and the diagnostics");
        assertEquals(Errno.ECONNRESET, web1.problemProperty().get().code());
        assertEquals(ConnectionState.CONNECTED, remotes.find("root@web2").orElseThrow().getState(), "the other stays");
        assertTrue(vm.connect("web1", c -> connected.add(c.label())).isEmpty(), "reconnect");
        assertEquals(ConnectionState.CONNECTED, web1.getState());
        assertEquals(List.of("web1", "root@web2", "web1"), connected);

        vm.disconnect(remotes.find("root@web2").orElseThrow());
        assertTrue(vm.documents().stream().noneMatch(d -> d.source().equals(web2.source())));
        assertEquals(List.of("web1"), remotes.connections().stream().map(HostConnection::label).toList());
    }
}
