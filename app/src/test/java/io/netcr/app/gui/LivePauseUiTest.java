package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.Device;
import io.netcr.model.Namespace;
import io.netcr.model.SubjectPath;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveUpdate;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pause/resume live from the tool bar and the View menu (issue 14 §3 "Controls", issue 17 §3 "Live pause"), on a
 * window whose "this host" is the test sample followed by a fake monitor: both are one state with the feed and
 * the status bar, and are enabled only while a host is followed. An update marks what it changed on the graph for
 * a moment (the mark ends on the FX timeline) and moves nothing. The navigator shows an update's changed device, takes
 * over the entries of what it left alone (a thousand namespaces would otherwise be made again twice per update), and
 * its entries, kept or new, select in the document shown now.
 */
@ExtendWith(ApplicationExtension.class)
class LivePauseUiTest {

    private final Snapshot host = Fixtures.demo();
    private final FakeHost live = new FakeHost(() -> new ReadResult(host, List.of())).followable();
    private WindowUnderTest ui;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage, live, null);
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    private CheckMenuItem viewMenuPause(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals("View")).map(Menu::getItems).flatMap(List::stream)
                .filter(i -> WorkbenchMenus.ID_PAUSE_LIVE.equals(i.getId())).map(CheckMenuItem.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void should_pause_and_resume_live_from_the_tool_bar_and_the_view_menu(FxRobot robot) throws Exception {
        ButtonBase tool = ui.window.toolBar().button(WorkbenchToolBar.ID_PAUSE_LIVE);
        CheckMenuItem item = viewMenuPause(robot);
        assertTrue(tool.isDisabled(), "nothing followed yet: nothing to pause");
        assertTrue(item.isDisable());
        assertEquals("Pause live updates: the graph stays still, the event log goes on (Ctrl+L)",
                tool.getTooltip().getText());

        robot.interact(ui.vm::openLive);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.watch != null && !ui.vm.busyProperty().get());
        live.watch.started(host);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tool.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(item.isDisable(), "followed: View › Pause live updates is enabled");
        assertEquals("Live", ui.vm.liveFeed().statusProperty().get());

        robot.clickOn(tool);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ui.vm.liveFeed().pausedProperty().get(), "the tool bar button paused the feed");
        assertTrue(((ToggleButton) tool).isSelected());
        assertTrue(item.isSelected(), "the menu item shows the same state");
        assertTrue(robot.lookup("#" + Styles.ID_STATUS).query().lookupAll(".label").stream()
                .anyMatch(l -> "Live paused".equals(((javafx.scene.control.Label) l).getText())),
                "the status bar says it");
        robot.interact(() -> Screenshots.write(ui.window.toolBar().node(), "toolbar-live-paused"));

        robot.clickOn("View").clickOn("Pause live updates");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ui.vm.liveFeed().pausedProperty().get(), "the menu resumed");
        assertFalse(((ToggleButton) tool).isSelected());

        robot.clickOn(ui.window.graph()).press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ui.vm.liveFeed().pausedProperty().get(), "Ctrl+L paused");

        live.watch.ended(io.netcr.app.hosts.HostException.of(io.netcr.model.Errno.EIO, "web2",
                io.netcr.model.Phase.READ, "the agent went away"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tool::isDisabled);
        assertTrue(item.isDisable(), "not followed any more: nothing to pause");
    }

    @Test
    void should_flash_what_changed_on_the_graph_and_end_the_mark(FxRobot robot) throws Exception {
        robot.interact(ui.vm::openLive);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.watch != null && !ui.vm.busyProperty().get());
        live.watch.started(host);
        ui.settle();
        Namespace web = host.namespaces().stream().filter(n -> n.label().equals("web")).findFirst().orElseThrow();
        Device eth1 = web.devices().stream().filter(d -> d.name().equals("eth1")).findFirst().orElseThrow();
        Device mtu = eth1.toBuilder().mtu(eth1.mtu() == 1400 ? 1300 : 1400).build();
        Namespace changed = web.withDevices(web.devices().stream().map(d -> d == eth1 ? mtu : d).toList());
        Delta delta = new Delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, web.id(), web.label(), null, "eth1",
                List.of(new Delta.Field("mtu", String.valueOf(eth1.mtu()), String.valueOf(mtu.mtu()))));
        LiveUpdate update = new LiveUpdate(List.of(changed), List.of(), List.of(delta), false);
        Snapshot after = update.applyTo(host);
        SubjectPath card = SubjectPath.parse("netns:web/dev:eth1");
        GraphDrawing before = ui.vm.getActive().drawing();

        live.watch.updated(update, after);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.vm.getActive().snapshot() == after);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ChangeKind.CHANGED, ui.vm.liveFlash().markedProperty().get().get(card), "the card is marked");
        for (var n : before.nodes()) {
            assertEquals(n.bounds(), ui.vm.getActive().drawing().node(n.id()).orElseThrow().bounds(),
                    n.id() + " stays where it was");
        }
        ui.settle();
        robot.interact(() -> Screenshots.write(ui.window.scene(), "live-flash"));

        // The mark ends on the FX timeline when its time is up: wait for that, with a deadline.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.vm.liveFlash().markedProperty().get().isEmpty());
        ui.settle();
        assertTrue(ui.vm.liveFlash().nextExpiry().isEmpty(), "nothing left to wait for");
    }

    private TreeItem<NavigatorView.Item> entry(String namespace, String device) {
        TreeItem<NavigatorView.Item> ns = ui.window.navigator().getRoot().getChildren().get(0).getChildren().stream()
                .filter(i -> i.getValue().path().equals(SubjectPath.parse("netns:" + namespace))).findFirst()
                .orElseThrow();
        if (device == null) {
            return ns;
        }
        SubjectPath dev = SubjectPath.parse("netns:" + namespace + "/dev:" + device);
        return ns.getChildren().stream().filter(i -> i.getValue().path().equals(dev)).findFirst().orElseThrow();
    }

    @Test
    void should_show_the_changed_device_keep_the_rest_and_select_in_the_document_shown_now(FxRobot robot)
            throws Exception {
        robot.interact(ui.vm::openLive);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.watch != null && !ui.vm.busyProperty().get());
        live.watch.started(host);
        ui.settle();
        Namespace web = host.namespaces().stream().filter(n -> n.label().equals("web")).findFirst().orElseThrow();
        Namespace other = host.namespaces().stream().filter(n -> !n.label().equals("web")).findFirst().orElseThrow();
        Device eth1 = web.device("eth1").orElseThrow();
        Device kept = web.devices().stream().filter(d -> d != eth1).findFirst().orElseThrow();
        TreeItem<NavigatorView.Item> otherBefore = entry(other.label(), null);
        TreeItem<NavigatorView.Item> keptBefore = entry("web", kept.name());
        TreeItem<NavigatorView.Item> eth1Before = entry("web", "eth1");

        Device renamed = eth1.toBuilder().name("uplink").build();
        Namespace changed = web.withDevices(web.devices().stream().map(d -> d == eth1 ? renamed : d).toList());
        Delta delta = new Delta(Delta.Kind.DEVICE, ChangeKind.CHANGED, web.id(), web.label(), null, "uplink",
                List.of(new Delta.Field("name", "eth1", "uplink")));
        LiveUpdate update = new LiveUpdate(List.of(changed), List.of(), List.of(delta), false);
        Snapshot after = update.applyTo(host);
        live.watch.updated(update, after);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ui.vm.getActive().snapshot() == after);
        ui.settle();

        assertSame(otherBefore, entry(other.label(), null), "a namespace the update left alone keeps its entry");
        assertSame(keptBefore, entry("web", kept.name()), "so does a device of the changed namespace left alone");
        TreeItem<NavigatorView.Item> uplink = entry("web", "uplink");
        assertNotSame(eth1Before, uplink);
        assertTrue(entry("web", null).getChildren().stream().noneMatch(i -> i.getValue().text().startsWith("eth1")),
                "the old name is gone");

        SubjectPath keptPath = keptBefore.getValue().path();
        robot.interact(() -> ui.vm.selection().select(keptPath));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(keptBefore, ui.window.navigator().getSelectionModel().getSelectedItem(),
                "the shared selection shows on the kept entry");
        robot.interact(() -> ui.window.navigator().getSelectionModel().select(uplink));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(uplink.getValue().path(), ui.vm.selection().getSelected(), "picking an entry selects it");
        robot.interact(() -> ui.window.navigator().getSelectionModel().select(otherBefore));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(after, ui.vm.getActive().snapshot(), "a kept entry selects in the document shown now");
    }
}
