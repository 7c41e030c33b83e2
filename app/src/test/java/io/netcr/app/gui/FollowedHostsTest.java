package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.task.CurrentThreadTaskExecutor;
import io.netcr.app.gui.task.TaskExecutor;
import io.netcr.app.testing.Fixtures;
import io.netcr.bridge.restore.journal.RunDir;
import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every host of the window follows its kernel, each with its own feed (issue 14 §3), without a kernel: "This host"
 * is a fake followed host, "web2" a remote host whose agent the test plays. The Events tab, Pause live and the
 * status bar act on the active document's host, and switch with it; an image follows nothing, and a comparison of
 * an image with a followed host follows the host. A remote host's subscription ends with its connection and starts
 * again when it connects again.
 */
class FollowedHostsTest {

    private static final String WEB2 = "web2";
    private static final WorkbenchSource REMOTE = new WorkbenchSource.Remote(WEB2);

    private final TaskExecutor executor = new CurrentThreadTaskExecutor();
    private final Snapshot here = Fixtures.demo();
    private final FakeHost live = new FakeHost(() -> new ReadResult(here, List.of())).followable();
    private final FollowableRemote web2 = new FollowableRemote(WEB2, Fixtures.demo());
    private Preferences prefs;
    private RemoteHosts remotes;
    private WorkbenchViewModel vm;

    @BeforeEach
    void make_a_window_on_this_host_and_web2() {
        prefs = Preferences.userRoot().node("io/netcr/test/" + UUID.randomUUID());
        remotes = new RemoteHosts(executor, new RecentHosts(prefs), d -> web2.opener());
        WorkbenchHosts hosts = new WorkbenchHosts(new ThisHost(live, true, new ThisHost.Helper(null, "", null),
                RunDir.current(), executor), remotes, new RemoteHosts.Askpass(null));
        vm = new WorkbenchViewModel(executor, new RecentFiles(prefs), hosts);
        vm.openLive();
        live.watch.started(here);
        assertTrue(vm.connect(WEB2, c -> { }).isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        vm.close();
        prefs.removeNode();
    }

    /** eth1 of namespace web gets another MTU: the update, as a monitor makes it, applied to {@code before}. */
    private static LiveUpdate mtuOfEth1(Snapshot before, int mtu) {
        Namespace web = before.namespaceNamed("web").orElseThrow();
        Device eth1 = web.devices().stream().filter(d -> d.name().equals("eth1")).findFirst().orElseThrow();
        Device changed = eth1.toBuilder().mtu(mtu).build();
        Namespace after = web.withDevices(web.devices().stream().map(d -> d == eth1 ? changed : d).toList());
        Delta delta = new Delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, web.id(), web.label(), null, "eth1",
                List.of(new Delta.Field("mtu", String.valueOf(eth1.mtu()), String.valueOf(mtu))));
        return new LiveUpdate(List.of(after), List.of(), List.of(delta), false);
    }

    private static int mtuOfEth1(Document doc) {
        return ((Device) doc.index().find(SubjectPath.parse("netns:web/dev:eth1")).orElseThrow()).mtu();
    }

    private Document document(WorkbenchSource source) {
        return vm.documents().stream().filter(d -> d.source().equals(source)).findFirst().orElseThrow();
    }

    /** Subscriptions are closed on a thread of their own: poll the real condition with a deadline. */
    private static void await(BooleanSupplier condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 20 s: " + what, e);
        }
    }

    @Test
    void should_follow_the_connected_host_and_show_the_active_documents_feed() {
        FollowedHosts followed = vm.followed();
        LiveFeed remote = followed.feed(REMOTE);
        assertEquals(REMOTE, vm.getActive().source(), "web2 was read and is the active document");
        assertEquals(1, web2.subscriptions.get(), "web2 is followed through its agent's subscribe");
        assertTrue(followed.following(REMOTE));
        assertSame(remote, followed.shownProperty().get(), "the controls show web2's feed");
        assertNotSame(vm.liveFeed(), remote, "one feed per host");
        assertTrue(followed.controls().following().get(), "Pause is enabled");

        LiveUpdate update = mtuOfEth1(web2.snapshot, 1400);
        Snapshot after = update.applyTo(web2.snapshot);
        web2.watch.updated(update, after);
        assertSame(after, vm.getActive().snapshot(), "web2's document follows its kernel without Refresh");
        assertEquals(1, followed.controls().log().get().size(), "the Events tab shows web2's change");
        assertTrue(followed.controls().log().get().get(0).contains("eth1"), followed.controls().log().get().toString());
        assertTrue(vm.liveFeed().log().isEmpty(), "not this host's");
        assertEquals(ChangeKind.CHANGED, vm.liveFlash().markedProperty().get()
                .get(SubjectPath.parse("netns:web/dev:eth1")), "what changed flashes on web2's graph");

        followed.controls().paused().set(true);
        assertTrue(remote.pausedProperty().get(), "Pause acts on the active document's host");
        assertFalse(vm.liveFeed().pausedProperty().get(), "and on no other");
        web2.watch.updated(mtuOfEth1(after, 1300), mtuOfEth1(after, 1300).applyTo(after));
        assertEquals(1400, mtuOfEth1(vm.getActive()), "paused: web2's graph stays still");
        assertEquals("Live paused (1 changes since)", followed.controls().status().get());

        vm.activate(document(WorkbenchSource.LIVE));
        assertSame(vm.liveFeed(), followed.shownProperty().get(), "switching documents switches the feed shown");
        assertFalse(followed.controls().paused().get(), "this host is not paused");
        assertEquals("Live", followed.controls().status().get());
        assertTrue(followed.controls().log().get().isEmpty(), "this host's log: nothing changed here");
        assertTrue(vm.liveFlash().markedProperty().get().isEmpty(), "web2's marks are not this host's");
        LiveUpdate local = mtuOfEth1(here, 1280);
        live.watch.updated(local, local.applyTo(here));
        assertEquals(1280, mtuOfEth1(vm.getActive()), "this host follows as before");
        assertEquals(1400, mtuOfEth1(document(REMOTE)), "web2 is still paused");

        vm.activate(document(REMOTE));
        assertTrue(followed.controls().paused().get(), "back on web2: paused as it was left");
        followed.controls().paused().set(false);
        assertEquals(1300, mtuOfEth1(vm.getActive()), "resumed: web2 as it is now");

        vm.open(Fixtures.diagnosticsDemoFile());
        assertFalse(vm.getActive().source().host());
        assertFalse(followed.controls().following().get(), "an image follows nothing: Pause is disabled");
        assertEquals("", followed.controls().status().get());
        assertTrue(followed.controls().log().get().isEmpty());
    }

    @Test
    void should_compare_an_image_with_the_followed_host_as_it_is_now() {
        vm.open(Fixtures.diagnosticsDemoFile());
        vm.compare().compareWith(REMOTE);
        Comparison first = vm.compare().comparisonProperty().get();
        assertSame(web2.snapshot, first.otherSnapshot(), "compared with web2 as it was read");

        LiveUpdate update = mtuOfEth1(web2.snapshot, 1400);
        Snapshot after = update.applyTo(web2.snapshot);
        web2.watch.updated(update, after);
        assertFalse(vm.getActive().source().host(), "the image stays the active document, and still");
        assertSame(after, vm.compare().comparisonProperty().get().otherSnapshot(),
                "the comparison follows web2: compared again with its new snapshot");
    }

    @Test
    void should_follow_this_host_through_the_helpers_agent_while_it_runs() throws Exception {
        FakeHost own = new FakeHost(() -> new ReadResult(here, List.of())).followable();
        FollowableRemote agent = new FollowableRemote(io.netcr.app.hosts.LocalHost.LABEL, Fixtures.demo());
        ThisHost notRoot = new ThisHost(own, false, new ThisHost.Helper(agent.opener(), "pkexec", null),
                RunDir.current(), executor);
        WorkbenchViewModel window = new WorkbenchViewModel(executor, new RecentFiles(prefs), new WorkbenchHosts(notRoot,
                new RemoteHosts(executor, new RecentHosts(prefs), d -> web2.opener()), new RemoteHosts.Askpass(null)));
        try {
            window.openLive();
            assertTrue(own.watch != null && window.followed().following(WorkbenchSource.LIVE), "followed in process");

            window.startAgent(() -> { });
            assertEquals(1, agent.subscriptions.get(), "read again through the agent, and followed through it");
            await(() -> own.watch == null, "the in-process subscription is closed");
            LiveUpdate update = mtuOfEth1(agent.snapshot, 1400);
            agent.watch.updated(update, update.applyTo(agent.snapshot));
            assertEquals(1400, mtuOfEth1(window.getActive()), "this host follows through its agent");

            agent.listener.ended(Diagnostic.error(Errno.ECONNRESET, SubjectPath.of("host", "this host"), Phase.READ,
                    "the agent ended"));
            assertFalse(window.followed().following(WorkbenchSource.LIVE), "the agent is gone: so is its subscription");
            await(() -> agent.open.get() == 0, "the agent's subscription is closed");
            assertEquals("Not live: the connection was lost", window.followed().controls().status().get());
            window.refresh();
            assertTrue(own.watch != null && window.followed().following(WorkbenchSource.LIVE),
                    "read in process again, and followed in process again");
        } finally {
            window.close();
        }
    }

    @Test
    void should_stop_following_a_host_whose_connection_ends_and_follow_it_again_on_reconnect() throws Exception {
        FollowedHosts followed = vm.followed();
        LiveFeed remote = followed.feed(REMOTE);
        assertEquals(1, web2.open.get());

        web2.listener.ended(Diagnostic.error(Errno.ECONNRESET, SubjectPath.of("host", WEB2), Phase.READ,
                "the connection to web2 was lost"));
        HostConnection c = remotes.find(WEB2).orElseThrow();
        assertEquals(ConnectionState.LOST, c.getState());
        assertFalse(followed.following(REMOTE), "lost: the subscription is closed");
        await(() -> web2.open.get() == 0, "the lost connection's subscription is closed");
        assertFalse(remote.followingProperty().get());
        assertEquals("Not live: the connection was lost", followed.controls().status().get(), "on web2's status bar");
        assertFalse(followed.controls().following().get(), "nothing to pause");

        assertTrue(vm.connect(WEB2, h -> { }).isEmpty(), "reconnect");
        assertEquals(2, web2.subscriptions.get(), "read again and followed again");
        assertTrue(followed.following(REMOTE));
        assertTrue(remote.followingProperty().get());
        assertEquals("Live", followed.controls().status().get());

        vm.disconnect(c);
        assertFalse(followed.following(REMOTE), "disconnected: the subscription is closed");
        await(() -> web2.open.get() == 0, "the disconnected host's subscription is closed");
        assertNull(web2.watch);
        assertFalse(remote.followingProperty().get());
        assertSame(vm.liveFeed(), followed.shownProperty().get(), "this host is shown again");
    }
}
