package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.gui.canvas.GraphView;
import io.netcr.model.SubjectPath;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
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

/** Search that takes you there: n of m, Enter, Shift+Enter and F3, the hit zoomed to and selected everywhere. */
@ExtendWith(ApplicationExtension.class)
class SearchUiTest {

    private static final SubjectPath WEB_ETH1 = SubjectPath.parse("netns:web/dev:eth1");
    private static final SubjectPath DB_ETH1 = SubjectPath.parse("netns:db/dev:eth1");

    private WindowUnderTest ui;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
    }

    @BeforeEach
    void open_the_sample(FxRobot robot) throws Exception {
        ui.openDiagnosticsSample(robot);
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    private String position(FxRobot robot) {
        return robot.lookup("#" + Styles.ID_SEARCH_POSITION).queryAs(Label.class).getText();
    }

    private String sheet(String name) {
        return ui.window.properties().getItems().stream().filter(i -> i.getName().equals(name))
                .map(PropertySheet.Item::getValue).map(Object::toString).findFirst().orElse("(none)");
    }

    /** The hit is selected in the graph, the navigator and the properties, readable and on screen. */
    private void assertAt(SubjectPath hit) {
        GraphView graph = ui.window.graph();
        assertEquals(hit, ui.vm.selection().getSelected());
        assertEquals(hit, ui.window.navigator().getSelectionModel().getSelectedItem().getValue().path());
        assertEquals(hit.valueOf(SubjectPath.DEV), sheet("name"));
        assertTrue(graph.camera().scale() >= GraphView.READABLE, "zoomed to readable: " + graph.camera().scale());
        Point2D at = graph.screenPointOf(hit).orElseThrow();
        Bounds view = graph.localToScreen(graph.getBoundsInLocal());
        assertTrue(view.contains(at), hit + " at " + at + " is on screen: " + view);
    }

    @Test
    void should_count_the_matches_and_go_to_the_next_and_previous_one_zoomed_in(FxRobot robot) throws Exception {
        double fit = ui.window.graph().camera().scale();
        robot.clickOn("#" + Styles.ID_SEARCH).write("eth1");
        ui.settle();
        assertEquals("2 matches", position(robot));
        assertEquals(2, ui.vm.search().matches().size(), "both are highlighted");
        assertEquals(fit, ui.window.graph().camera().scale(), "typing moves nothing");

        robot.type(KeyCode.ENTER);
        ui.settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);
        robot.interact(() -> Screenshots.write(ui.window.scene(), "search-first-hit"));

        robot.type(KeyCode.ENTER);
        ui.settle();
        assertEquals("2 of 2", position(robot));
        assertAt(DB_ETH1);

        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        ui.settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);

        robot.type(KeyCode.F3);
        ui.settle();
        assertEquals("2 of 2", position(robot));
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        ui.settle();
        assertEquals("1 of 2", position(robot));
        assertAt(WEB_ETH1);
    }

    @Test
    void should_find_the_addresses_inside_a_prefix_and_devices_by_kind(FxRobot robot) throws Exception {
        robot.clickOn("#" + Styles.ID_SEARCH).write("10.250.2.0/24");
        ui.settle();
        assertEquals("4 matches", position(robot), ui.vm.search().matches().toString());
        robot.doubleClickOn("#" + Styles.ID_SEARCH).eraseText(13).write("kind:vxlan").type(KeyCode.ENTER);
        ui.settle();
        assertEquals("1 of 1", position(robot));
        assertAt(SubjectPath.parse("netns:mon/dev:vx0"));
    }
}
