package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.hosts.ConnectionState;
import io.netcr.app.gui.hosts.HostConnection;
import io.netcr.app.gui.ops.CheckpointDialog;
import io.netcr.app.gui.ops.CheckpointViewModel;
import io.netcr.app.hosts.TestSshd;
import io.netcr.app.services.RestoreService;
import io.netcr.model.Namespace;
import io.netcr.model.ReadResult;
import io.netcr.model.SubjectPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * agent, and a namespace of the test's own is checkpointed from it into an image written here. Root; the
 * namespaces are removed whatever happens.
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
    }
}
