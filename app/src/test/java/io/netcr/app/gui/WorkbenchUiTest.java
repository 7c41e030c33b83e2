package io.netcr.app.gui;

import io.netcr.app.testing.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.graph.EdgeKind;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.gui.task.FxTaskExecutor;
import io.netcr.model.Diagnostic;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.netcr.app.gui.canvas.GraphView;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window, driven by a robot under Monocle (headless): clicks, search and its navigation, diagnostics, screenshots. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    private static final SubjectPath WEB_ETH0 = SubjectPath.parse("netns:web/dev:eth0");
    private static final SubjectPath HOST_VH_WEB = SubjectPath.parse("netns:host/dev:vh-web");
    private static final SubjectPath WEB_ETH1 = SubjectPath.parse("netns:web/dev:eth1");
    private static final SubjectPath DB_ETH1 = SubjectPath.parse("netns:db/dev:eth1");

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

    @BeforeEach
    void open_the_sample(FxRobot robot) throws Exception {
        ui.openDiagnosticsSample(robot);
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    private void settle() throws Exception {
        ui.settle();
    }

    private void screenshot(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.write(window.scene(), name));
    }

    private String sheetValue(String name) {
        return window.properties().getItems().stream().filter(i -> i.getName().equals(name))
                .map(PropertySheet.Item::getValue).map(Object::toString).findFirst().orElse("(none)");
    }

    @Test
    void should_draw_one_node_per_device_and_one_edge_per_peer_link() {
        GraphDrawing g = vm.getActive().drawing();
        int devices = vm.getActive().snapshot().namespaces().stream().mapToInt(ns -> ns.devices().size()).sum();
        assertEquals(devices, g.nodes().stream().filter(n -> !n.external()).count());
        assertEquals(4, g.edges().stream().filter(e -> e.kind() == EdgeKind.PEER).count());
        assertEquals(Fixtures.SAMPLE_NOTE, vm.statusProperty().get());
    }

    @Test
    void should_show_mac_and_peer_and_light_the_peer_when_a_veth_is_clicked(FxRobot robot) throws Exception {
        Point2D at = window.graph().screenPointOf(WEB_ETH0).orElseThrow();
        robot.clickOn(at);
        settle();
        assertEquals(WEB_ETH0, vm.selection().getSelected());
        assertEquals("ce:7a:10:3b:00:02", sheetValue("mac"));
        assertEquals("host/vh-web", sheetValue("peer"));
        assertEquals(Set.of(HOST_VH_WEB), vm.selection().highlighted());
        assertEquals(WEB_ETH0, window.navigator().getSelectionModel().getSelectedItem().getValue().path());
        screenshot(robot, "veth-selected");
    }

    // ---- search that takes you there: n of m, Enter, Shift+Enter and F3, the hit zoomed to and selected everywhere

    private String position(FxRobot robot) {
        return robot.lookup("#" + Styles.ID_SEARCH_POSITION).queryAs(Label.class).getText();
    }

    /** The hit is selected in the graph, the navigator and the properties, readable and on screen. */
    private void assertAt(SubjectPath hit) {
        GraphView graph = window.graph();
        assertEquals(hit, vm.selection().getSelected());
        assertEquals(hit, window.navigator().getSelectionModel().getSelectedItem().getValue().path());
        assertEquals(hit.valueOf(SubjectPath.DEV), sheetValue("name"));
        assertTrue(graph.camera().scale() >= GraphView.READABLE, "zoomed to readable: " + graph.camera().scale());
        Point2D at = graph.screenPointOf(hit).orElseThrow();
        Bounds view = graph.localToScreen(graph.getBoundsInLocal());
        assertTrue(view.contains(at), hit + " at " + at + " is on screen: " + view);
    }

    @Test
    void should_count_the_matches_and_go_to_the_next_and_previous_one_zoomed_in(FxRobot robot) throws Exception {
        double fit = window.graph().camera().scale();
        robot.clickOn("#" + Styles.ID_SEARCH).write("eth1");
        settle();
        assertEquals("2 matches", position(robot));
        assertEquals(2, vm.search().matches().size(), "both are highlighted");
        assertEquals(fit, window.graph().camera().scale(), "typing moves nothing");

        robot.type(KeyCode.ENTER);
        settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);
        robot.interact(() -> Screenshots.write(window.scene(), "search-first-hit"));

        robot.type(KeyCode.ENTER);
        settle();
        assertEquals("2 of 2", position(robot));
        assertAt(DB_ETH1);

        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);

        robot.type(KeyCode.F3);
        settle();
        assertEquals("2 of 2", position(robot));
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);
    }

    @Test
    void should_find_the_addresses_inside_a_prefix_and_devices_by_kind(FxRobot robot) throws Exception {
        robot.clickOn("#" + Styles.ID_SEARCH).write("10.250.2.0/24");
        settle();
        assertEquals("4 matches", position(robot), vm.search().matches().toString());
        robot.doubleClickOn("#" + Styles.ID_SEARCH).eraseText(13).write("kind:vxlan").type(KeyCode.ENTER);
        settle();
        assertEquals("1 of 1", position(robot));
        assertAt(SubjectPath.parse("netns:mon/dev:vx0"));
    }

    @Test
    void should_select_a_device_by_searching_its_address(FxRobot robot) throws Exception {
        robot.clickOn("#" + Styles.ID_SEARCH).write("10.250.2.20").type(KeyCode.ENTER);
        settle();
        assertEquals(SubjectPath.parse("netns:db/dev:eth1"), vm.selection().getSelected());
        assertEquals("10.250.2.20/24, fd00:250:2::20/64", sheetValue("addresses"));
        screenshot(robot, "search");
    }

    @Test
    void should_badge_diagnostics_list_them_and_reveal_one_on_double_click(FxRobot robot) throws Exception {
        assertEquals(Severity.ERROR, vm.getActive().badges().get(SubjectPath.parse("netns:lan/dev:br0")).get(0).severity());
        assertEquals(Severity.WARNING, vm.getActive().badges().get(WEB_ETH0).get(0).severity());
        assertEquals(2, window.diagnostics().getItems().size());

        Diagnostic warning = window.diagnostics().getItems().stream()
                .filter(d -> d.severity() == Severity.WARNING).findFirst().orElseThrow();
        TableRow<?> row = robot.lookup(".table-row-cell").queryAll().stream().map(n -> (TableRow<?>) n)
                .filter(r -> warning.equals(r.getItem())).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        settle();
        assertEquals(warning.subject(), vm.selection().getSelected());
        assertEquals(WEB_ETH0, vm.selection().drawnSelectionProperty().get());
        assertEquals("fd00:250::2", sheetValue("address"));
    }

    @Test
    void should_show_the_diagnostics_of_a_badge_on_hover(FxRobot robot) throws Exception {
        robot.moveTo(window.graph().screenPointOf(SubjectPath.parse("netns:lan/dev:br0")).orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.graph().shownTooltip() != null);
        assertTrue(window.graph().shownTooltip().contains("E2BIG"), window.graph().shownTooltip());
        screenshot(robot, "badge-tooltip");
    }

    @Test
    void should_not_redraw_while_nothing_changes(FxRobot robot) throws Exception {
        long before = window.graph().redrawCount();
        WaitForAsyncUtils.waitForFxEvents(20);
        assertEquals(before, window.graph().redrawCount());
        robot.interact(() -> vm.selection().select(WEB_ETH0));
        settle();
        assertEquals(before + 1, window.graph().redrawCount());
    }

    @Test
    void should_zoom_around_the_cursor_with_the_wheel(FxRobot robot) throws Exception {
        Point2D at = window.graph().screenPointOf(WEB_ETH0).orElseThrow();
        double scale = window.graph().camera().scale();
        robot.moveTo(at).scroll(2, javafx.geometry.VerticalDirection.UP);
        settle();
        assertTrue(window.graph().camera().scale() != scale, "zoomed");
        Point2D now = window.graph().screenPointOf(WEB_ETH0).orElseThrow();
        assertEquals(at.getX(), now.getX(), 1.0);
        assertEquals(at.getY(), now.getY(), 1.0);
    }

    @Test
    void should_render_the_workbench(FxRobot robot) throws Exception {
        robot.clickOn(window.graph().screenPointOf(WEB_ETH0).orElseThrow());
        toggleDetails(robot, true);
        screenshot(robot, "workbench-details");
        toggleDetails(robot, false);
        screenshot(robot, "workbench");
        assertEquals(WEB_ETH0, vm.selection().getSelected());
        assertTrue(Files.size(Screenshots.DIR.resolve("workbench.png")) > 10_000);
    }

    private void toggleDetails(FxRobot robot, boolean on) throws Exception {
        robot.interact(() -> vm.showDetailsProperty().set(on));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.getActive().drawing().showDetails() == on
                && !vm.busyProperty().get());
        robot.interact(vm::fit);
        settle();
    }

    @Test
    void should_offer_checkpoint_and_restore_and_fit_the_window_to_the_screen(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu file = bar.getMenus().get(0);
        for (String id : new String[] {"checkpoint", "restore"}) {
            javafx.scene.control.MenuItem item = file.getItems().stream().filter(i -> id.equals(i.getId()))
                    .findFirst().orElseThrow();
            assertTrue(!item.isDisable() && item.getOnAction() != null, id + " is enabled");
        }
        Stage stage = (Stage) window.scene().getWindow();
        assertTrue(!stage.getIcons().isEmpty(), "the window has the application icon");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(window.scene().getWidth() <= screen.getWidth() && window.scene().getHeight() <= screen.getHeight(),
                window.scene().getWidth() + "x" + window.scene().getHeight() + " on " + screen);

        // the sample is a JSON snapshot, not an image: Restore… opens with no image chosen and nothing to apply
        javafx.scene.control.MenuItem restore = file.getItems().stream().filter(i -> "restore".equals(i.getId()))
                .findFirst().orElseThrow();
        robot.interact(restore::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#restore-apply").queryButton().isDisabled());
        assertEquals("", robot.lookup("#restore-image").queryTextInputControl().getText());
        robot.interact(() -> ((Stage) robot.lookup("#restore-dialog").query().getScene().getWindow()).close());
    }
}
