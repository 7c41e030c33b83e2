package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.gui.ops.RestoreDialog;
import io.netcr.app.gui.ops.RestoreViewModel;
import io.netcr.app.hosts.TestSshd;
import io.netcr.app.services.RestoreService;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Another host in the workbench, for real: an sshd of the test's own on 127.0.0.1 (a throwaway host key, and a
 * user key with a passphrase), reached with the system's ssh; the host's agent is this build's. Through the tool
 * bar's Connect, the host's name typed into the dialog; ssh's question for the key's passphrase answered in the
 * workbench's own dialog (askpass); the host appears in the navigator beside "This host", is read through its
 * agent, and a namespace of the test's own is checkpointed from it into an image written here, then restored from
 * that image on the host chosen in the restore dialog (the remote one), under a prefix. A host that does not
 * connect says why in words. A connected host follows its kernel (issue 14 §3): its agent's {@code subscribe} on
 * the same connection; a change made there with {@code ip} shows without Refresh, and Disconnect ends the
 * subscription and the agent. Root; the namespaces are removed whatever happens.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteHostUiTest {

    private final TaggedNamespaces made = new TaggedNamespaces();
    private Path dir;
    private TestSshd sshd;
    private WindowUnderTest ui;
    private WorkbenchViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        assumeTrue("root".equals(System.getProperty("user.name")), "sshd and namespaces need root");
        dir = Files.createTempDirectory("netcr-ui-remote-");
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

    @Test
    void should_connect_through_ssh_show_the_host_beside_this_host_and_checkpoint_from_it(FxRobot robot)
            throws Exception {
        made.makeTwoJoinedByVeth();
        robot.interact(vm::openLive);
        waitFor(() -> vm.getActive() != null && vm.getActive().live() && !vm.busyProperty().get());

        robot.clickOn("#tool-connect");
        robot.clickOn("#connect-host").write(TestSshd.WITH_PASSPHRASE);
        robot.clickOn("#connect-ok");
        // ssh asks for the key's passphrase: in the workbench's dialog, through askpass
        waitFor(() -> robot.lookup("#askpass-field").tryQuery().isPresent());
        String prompt = robot.lookup("#askpass-prompt").queryAs(Label.class).getText();
        assertTrue(prompt.contains("passphrase") && prompt.contains("pass_key"), prompt);
        robot.interact(() -> Screenshots.write(robot.lookup("#askpass-dialog").query().getScene(), "askpass-dialog"));
        robot.clickOn("#askpass-field").write(TestSshd.PASSPHRASE);
        robot.clickOn("#askpass-ok");

        WorkbenchSource remote = new WorkbenchSource.Remote(TestSshd.WITH_PASSPHRASE);
        waitFor(() -> vm.getActive() != null && vm.getActive().source().equals(remote) && !vm.busyProperty().get());
        HostConnection connection = vm.hosts().remotes().find(TestSshd.WITH_PASSPHRASE).orElseThrow();
        assertEquals(ConnectionState.CONNECTED, connection.getState());
        assertEquals(0, connection.infoProperty().get().uid(), "the agent there runs as root");
        List<String> sources = robot.lookup("#" + Styles.ID_NAVIGATOR).queryAs(NavigatorView.class).getRoot()
                .getChildren().stream().map(TreeItem::getValue).map(NavigatorView.Item::text).toList();
        assertTrue(sources.get(0).startsWith(WorkbenchSource.THIS_HOST), sources.toString());
        assertTrue(sources.get(1).startsWith(TestSshd.WITH_PASSPHRASE), "beside This host: " + sources);
        assertTrue(vm.getActive().drawing().isDrawn(SubjectPath.parse("netns:" + made.tag + "a")),
                "the test's namespace, read there");
        assertEquals(List.of(TestSshd.WITH_PASSPHRASE), vm.hosts().remotes().recent());
        robot.interact(() -> Screenshots.write(ui.window.scene(), "remote-host"));

        // checkpoint from it: the dialog works on the active host, the image is written here
        CheckpointDialog[] cd = new CheckpointDialog[1];
        robot.interact(() -> {
            cd[0] = new WorkbenchActions(stage, vm).checkpointDialog();
            cd[0].show();
        });
        CheckpointViewModel cvm = cd[0].viewModel();
        assertEquals(TestSshd.WITH_PASSPHRASE, cvm.hostLabel());
        assertTrue(cd[0].stage().getTitle().endsWith("of " + TestSshd.WITH_PASSPHRASE), cd[0].stage().getTitle());
        Path image = dir.resolve("from-remote.netcr");
        robot.clickOn("#ns-" + made.tag + "a");
        robot.interact(() -> cvm.outputProperty().set(image)); // what the native file chooser would do
        robot.clickOn("#checkpoint-run");
        waitFor(() -> !cvm.runningProperty().get());
        assertEquals(image, cvm.writtenProperty().get(), cvm.statusProperty().get() + " " + cvm.diagnostics());
        ReadResult back = RestoreService.readImage(image);
        assertEquals(List.of(made.tag + "a"), back.snapshot().namespaces().stream().filter(n -> !n.init())
                .map(Namespace::label).toList(), back.diagnostics().toString());
        robot.interact(() -> Screenshots.write(cd[0].stage().getScene(), "checkpoint-remote"));

        // restore it on the host chosen in the restore dialog: the connected one, under a prefix
        RestoreDialog[] rd = new RestoreDialog[1];
        robot.interact(() -> {
            rd[0] = new WorkbenchActions(stage, vm).restoreDialog(image);
            rd[0].show();
        });
        RestoreViewModel rvm = rd[0].viewModel();
        assertEquals(List.of(WorkbenchSource.THIS_HOST, TestSshd.WITH_PASSPHRASE), rvm.targets());
        assertEquals(WorkbenchSource.THIS_HOST, rvm.targetProperty().get(), "this host, until another is chosen");
        robot.interact(() -> robot.lookup("#restore-target").queryComboBox().getSelectionModel()
                .select(TestSshd.WITH_PASSPHRASE));
        assertEquals(TestSshd.WITH_PASSPHRASE, rvm.hostLabel(), "the plan is made there");
        String prefix = "r-"; // short: the outside half of the namespace's veth gets it too, within 15 bytes
        robot.clickOn("#restore-prefix").write(prefix);
        waitFor(() -> prefix.equals(rvm.prefixProperty().get()) && !rvm.planningProperty().get()
                && (rvm.planProperty().get() != null || !rvm.problems().isEmpty()));
        robot.interact(() -> Screenshots.write(rd[0].stage().getScene(), "restore-remote-plan"));
        assertTrue(rvm.canApplyProperty().get(), rvm.statusProperty().get() + " " + rvm.problems() + " "
                + robot.lookup("#restore-steps").queryListView().getItems());
        robot.clickOn("#restore-apply");
        waitFor(() -> !rvm.applyingProperty().get());
        String status = robot.lookup("#restore-status").queryAs(Label.class).getText();
        assertNotNull(rvm.restoredProperty().get(), status + " " + rvm.problems());
        assertTrue(made.namespaces().contains(prefix + made.tag + "a"), "restored by the agent there (this machine): "
                + made.namespaces());
        // the window reads the host it restored on again: the remote one shows the restored namespace
        waitFor(() -> vm.getActive() != null && vm.getActive().source().equals(remote) && !vm.busyProperty().get()
                && vm.getActive().snapshot().namespaceNamed(prefix + made.tag + "a").isPresent());
        robot.interact(() -> Screenshots.write(rd[0].stage().getScene(), "restore-remote-done"));
    }

    @Test
    void should_say_in_words_why_a_host_does_not_connect(FxRobot robot) throws Exception {
        robot.interact(vm::openLive);
        waitFor(() -> vm.getActive() != null && vm.getActive().live() && !vm.busyProperty().get());

        robot.clickOn("#tool-connect");
        robot.clickOn("#connect-host").write(TestSshd.CLOSED); // an alias whose port nobody listens on
        robot.clickOn("#connect-ok");
        HostConnection[] c = new HostConnection[1];
        waitFor(() -> (c[0] = vm.hosts().remotes().find(TestSshd.CLOSED).orElse(null)) != null
                && c[0].getState() == ConnectionState.LOST);
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("Not connected to " + TestSshd.CLOSED + ": " + TestSshd.CLOSED
                + " refused the connection") && status.contains("is sshd running there, on that port?"), status);
        assertEquals(List.of(c[0].problemProperty().get()), vm.selection().diagnostics(), "listed with its code");
        List<String> sources = robot.lookup("#" + Styles.ID_NAVIGATOR).queryAs(NavigatorView.class).getRoot()
                .getChildren().stream().map(TreeItem::getValue).map(NavigatorView.Item::text).toList();
        assertEquals(TestSshd.CLOSED + " — lost", sources.get(1), sources.toString());
        assertTrue(vm.getActive().live(), "this host stays the active one");
        robot.interact(() -> Screenshots.write(ui.window.scene(), "remote-host-refused"));
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
        assertEquals("Live", followed.controls().status().get());
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
        assertSame(feed.log(), followed.controls().log().get(), "the Events tab lists the connected host's changes");
        ui.settle();
        robot.interact(() -> Screenshots.write(ui.window.scene(), "remote-host-followed"));

        // Pause live acts on this host's feed: the graph stays still while the log goes on
        robot.clickOn(pause);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(feed.pausedProperty().get(), "the tool bar paused the connected host");
        Shell.check("ip", "-n", ns, "link", "set", added, "mtu", "1300");
        waitFor(() -> followed.controls().status().get().startsWith("Live paused ("));
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
