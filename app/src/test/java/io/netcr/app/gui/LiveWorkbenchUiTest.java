package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.model.Device;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the live host (as root): a namespace of the test's own, read; a veth added to it; Refresh
 * (the tool bar button) shows it. Everything the test made is removed whatever happens.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWorkbenchUiTest {

    private final String ns = "nct" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    private WindowUnderTest ui;
    private FxTaskExecutor executor;
    private WorkbenchViewModel vm;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
        executor = ui.executor;
        vm = ui.vm;
        window = ui.window;
    }

    @AfterEach
    void remove_what_the_test_made() throws Exception {
        try {
            run("ip", "netns", "del", ns);
        } catch (AssertionError | IOException ignored) {
            // not made (not root), or gone already
        }
        ui.close();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.graph().isDirty());
    }

    /** As root: a namespace of the test's own, then the window on this host, read. */
    private void openThisHostWithANamespaceOfOurOwn(FxRobot robot) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make namespaces");
        run("ip", "netns", "add", ns);
        robot.interact(vm::openLiveOrSample);
        waitUntilIdle();
        assertTrue(vm.getActive().live(), vm.statusProperty().get());
    }

    @Test
    void should_show_a_new_veth_of_this_host_after_refresh(FxRobot robot) throws Exception {
        openThisHostWithANamespaceOfOurOwn(robot);
        SubjectPath box = SubjectPath.parse("netns:" + ns);
        SubjectPath veth = SubjectPath.parse("netns:" + ns + "/dev:nctv0");
        assertTrue(vm.getActive().drawing().isDrawn(box), "the test's namespace is drawn");
        assertFalse(vm.getActive().drawing().isDrawn(veth));
        assertTrue(window.navigator().getRoot().getChildren().get(0).getValue().text().startsWith("This host"));

        run("ip", "-n", ns, "link", "add", "nctv0", "type", "veth", "peer", "name", "nctv1");
        run("ip", "-n", ns, "addr", "add", "10.250.77.1/30", "dev", "nctv0");
        run("ip", "-n", ns, "link", "set", "nctv0", "up");
        Document before = vm.getActive();
        robot.clickOn("#tool-refresh");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.getActive() != before && !vm.busyProperty().get());
        waitUntilIdle();

        assertTrue(vm.getActive().drawing().isDrawn(veth), "the new veth is drawn after Refresh");
        assertEquals(1, vm.documents().stream().filter(Document::live).count(), "refresh replaced the document");
        robot.interact(() -> {
            vm.selection().reveal(veth);
            while (window.graph().camera().scale() < 0.9) {
                window.graph().zoom(1.25); // about the centre, where the revealed veth is
            }
        });
        waitUntilIdle();
        Device dev = (Device) vm.getActive().index().find(veth).orElseThrow();
        assertTrue(dev.addresses().stream().anyMatch(a -> a.cidr().equals("10.250.77.1/30")), dev.addresses()
                .toString());
        robot.interact(() -> Screenshots.write(window.scene(), "live-refreshed"));
    }

    @Test
    void should_follow_this_host_and_show_a_change_without_refresh(FxRobot robot) throws Exception {
        openThisHostWithANamespaceOfOurOwn(robot);
        SubjectPath veth = SubjectPath.parse("netns:" + ns + "/dev:nctv0");
        assertFalse(vm.getActive().drawing().isDrawn(veth));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Live".equals(vm.liveFeed().statusProperty().get()));

        run("ip", "-n", ns, "link", "add", "nctv0", "type", "veth", "peer", "name", "nctv1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.getActive().drawing().isDrawn(veth));
        waitUntilIdle();
        assertTrue(vm.liveFeed().log().stream().anyMatch(l -> l.endsWith("+ device " + ns + "/nctv0")),
                vm.liveFeed().log().toString());

        robot.clickOn("Events");
        robot.clickOn("#" + EventLogView.ID_PAUSE);
        WaitForAsyncUtils.waitForFxEvents();
        run("ip", "-n", ns, "link", "set", "nctv0", "mtu", "1400");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.liveFeed().statusProperty().get()
                .startsWith("Live paused ("));
        Device paused = (Device) vm.getActive().index().find(veth).orElseThrow();
        assertEquals(1500, paused.mtu(), "paused: the graph stays as it was");
        robot.clickOn("#" + EventLogView.ID_PAUSE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((Device) vm.getActive().index().find(veth)
                .orElseThrow()).mtu() == 1400);
        waitUntilIdle();
        robot.interact(() -> Screenshots.write(window.scene(), "live-followed"));
    }
}
