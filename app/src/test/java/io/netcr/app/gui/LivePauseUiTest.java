package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.Fixtures;
import io.netcr.model.ReadResult;
import io.netcr.model.Snapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.ToggleButton;
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
 * the status bar, and are enabled only while a host is followed.
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
}
