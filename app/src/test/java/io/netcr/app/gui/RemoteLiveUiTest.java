package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.hosts.TestSshd;
import io.netcr.model.Device;
import io.netcr.model.SubjectPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A connected host follows its kernel in the workbench (issue 14 §3), for real: the test's own sshd on 127.0.0.1
 * and the system's ssh reach this machine as another host, whose agent (this build's) follows it through
 * {@code subscribe} on the same connection. The test changes a namespace of its own there with {@code ip} and sees
 * the host's document change without Refresh; the Events tab and Pause live show that host's feed; after Disconnect
 * the subscription is closed and the agent is gone. Root; the namespace is removed whatever happens.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteLiveUiTest {

    private final TaggedNamespaces made = new TaggedNamespaces();
    private Path dir;
    private TestSshd sshd;
    private WindowUnderTest ui;
    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "sshd and namespaces need root");
        dir = Files.createTempDirectory("netcr-ui-remote-live-");
        sshd = TestSshd.start(dir);
        ui = WindowUnderTest.show(stage, sshd.agentEnv());
        vm = ui.vm;
    }

    @AfterEach
    void remove_what_the_test_made() throws Exception {
        try {
            if (ui != null) {
                ui.close();
            }
            if (sshd != null) {
                sshd.close();
            }
        } finally {
            made.removeAll();
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Device device(Document doc, SubjectPath path) {
        return (Device) doc.index().find(path).orElse(null);
    }

    @Test
    void should_follow_a_connected_host_without_refresh_and_stop_on_disconnect(FxRobot robot) throws Exception {
        String ns = made.tag + "a";
        String veth = made.tag + "d";
        String added = made.tag + "e";
        Shell.check("ip", "netns", "add", ns);
        Shell.check("ip", "-n", ns, "link", "add", veth, "type", "veth", "peer", "name", made.tag + "p");

        robot.clickOn("#tool-connect");
        robot.clickOn("#connect-host").write(TestSshd.ALIAS);
        robot.clickOn("#connect-ok");
        WorkbenchSource remote = new WorkbenchSource.Remote(TestSshd.ALIAS);
        FollowedHosts followed = vm.followed();
        waitFor(() -> vm.getActive() != null && vm.getActive().source().equals(remote) && !vm.busyProperty().get()
                && followed.following(remote) && followed.feed(remote).followingProperty().get());
        HostConnection connection = vm.hosts().remotes().find(TestSshd.ALIAS).orElseThrow();
        assertEquals(ConnectionState.CONNECTED, connection.getState());
        LiveFeed feed = followed.feed(remote);
        assertSame(feed, followed.shownProperty().get(), "the controls show the connected host's feed");
        assertEquals("Live", followed.statusProperty().get());
        ButtonBase pause = ui.window.toolBar().button(WorkbenchToolBar.ID_PAUSE_LIVE);
        assertFalse(pause.isDisabled(), "the connected host is followed: Pause live is enabled");
        SubjectPath vethCard = SubjectPath.parse("netns:" + ns + "/dev:" + veth);
        SubjectPath addedCard = SubjectPath.parse("netns:" + ns + "/dev:" + added);
        assertTrue(vm.getActive().drawing().isDrawn(vethCard), "the test's namespace, read through the agent");
        assertFalse(vm.getActive().drawing().isDrawn(addedCard));
        int reads = vm.documents().size();

        // changed there (this machine, as the far host; veths: no dummy module here): the document follows, no Refresh
        Shell.check("ip", "-n", ns, "link", "add", added, "type", "veth", "peer", "name", made.tag + "q");
        Shell.check("ip", "-n", ns, "link", "set", veth, "mtu", "1400");
        waitFor(() -> vm.getActive().source().equals(remote) && vm.getActive().drawing().isDrawn(addedCard)
                && device(vm.getActive(), vethCard) != null && device(vm.getActive(), vethCard).mtu() == 1400);
        assertEquals(reads, vm.documents().size(), "the host's document was replaced, not added");
        assertTrue(feed.log().stream().anyMatch(l -> l.endsWith("+ device " + ns + "/" + added)),
                feed.log().toString());
        assertSame(feed.log(), followed.logProperty().get(), "the Events tab lists the connected host's changes");
        ui.settle();
        robot.interact(() -> Screenshots.write(ui.window.scene(), "remote-host-followed"));

        // Pause live acts on this host's feed: the graph stays still while the log goes on
        robot.clickOn(pause);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(feed.pausedProperty().get(), "the tool bar paused the connected host");
        Shell.check("ip", "-n", ns, "link", "set", added, "mtu", "1300");
        waitFor(() -> followed.statusProperty().get().startsWith("Live paused ("));
        assertEquals(1500, device(vm.getActive(), addedCard).mtu(), "paused: the graph stays as it was");
        robot.clickOn(pause);
        waitFor(() -> device(vm.getActive(), addedCard).mtu() == 1300 && !vm.busyProperty().get());

        // disconnected: the subscription closes with the connection, and the agent there ends
        robot.interact(() -> vm.disconnect(connection));
        assertFalse(followed.following(remote), "the subscription is closed at once");
        waitFor(() -> !feed.followingProperty().get() && sshd.agents().isEmpty());
        assertTrue(pause.isDisabled(), "nothing followed is shown: nothing to pause");
        assertTrue(vm.documents().stream().noneMatch(d -> d.source().equals(remote)), "its document is closed");
    }
}
