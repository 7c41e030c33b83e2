package io.netcr.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.testing.BenchSnapshots;
import io.netcr.app.export.Exports;
import io.netcr.app.graph.GraphDrawing;
import io.netcr.app.graph.Rect;
import io.netcr.app.graph.paint.GraphPainter;
import io.netcr.app.graph.paint.Palette;
import io.netcr.app.gui.canvas.Camera;
import io.netcr.app.gui.canvas.GraphView;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Semantic zoom on a star of 50 namespaces: below {@link GraphPainter#CARDS} a namespace is one card (its devices
 * not drawn, a click on it selects the namespace), above {@link GraphPainter#FADE_UNTIL} its devices are back;
 * Ctrl+plus and Ctrl+minus zoom, Ctrl+0 fits.
 */
@ExtendWith(ApplicationExtension.class)
class SemanticZoomUiTest {

    private static final SubjectPath SPOKE = SubjectPath.parse("netns:spoke7");
    private static final SubjectPath SPOKE_ETH0 = SubjectPath.parse("netns:spoke7/dev:eth0");

    private WindowUnderTest ui;
    private GraphView graph;
    private GraphDrawing drawing;

    @Start
    void start(Stage stage) {
        ui = WindowUnderTest.show(stage);
        graph = ui.window.graph();
    }

    @BeforeEach
    void open_a_star(FxRobot robot) throws Exception {
        Snapshot star = BenchSnapshots.star(50);
        drawing = Exports.layout(star, false);
        robot.interact(() -> ui.vm.activate(Document.of(WorkbenchSource.file(Path.of("star-50.netcr")), star, drawing)));
        ui.settle();
    }

    @AfterEach
    void tear_down() throws Exception {
        ui.close();
    }

    /** Zooms to {@code scale} around the device, as a wheel would, and waits for the sharp frame. */
    private void zoomTo(FxRobot robot, double scale) throws Exception {
        Rect r = drawing.boundsOf(SPOKE_ETH0).orElseThrow();
        robot.interact(() -> {
            Camera c = graph.camera();
            c.zoomAt(scale / c.scale(), graph.getWidth() / 2, graph.getHeight() / 2);
            c.centerOn(r.centerX(), r.centerY(), graph.getWidth(), graph.getHeight());
            graph.markDirty();
        });
        ui.settle();
    }

    private double deviceShare(FxRobot robot) {
        double[] share = new double[1];
        robot.interact(() -> share[0] = ViewPixels.of(graph).share(graph.camera(), drawing.boundsOf(SPOKE_ETH0)
                .orElseThrow(), Palette.NODE_FILL));
        return share[0];
    }

    private SubjectPath clickOnTheDevice(FxRobot robot) throws Exception {
        Point2D at = graph.screenPointOf(SPOKE_ETH0).orElseThrow();
        robot.clickOn(at);
        ui.settle();
        return ui.vm.selection().getSelected();
    }

    @Test
    void should_show_cards_below_the_threshold_and_devices_above_it(FxRobot robot) throws Exception {
        assertTrue(graph.showsCards(), "Fit shows the overview: " + graph.camera().scale());
        robot.interact(() -> Screenshots.write(graph, "star-50-overview"));

        zoomTo(robot, GraphPainter.CARDS * 0.97);
        assertTrue(graph.showsCards());
        assertEquals(0, deviceShare(robot), 0.01, "the card hides its devices");
        assertEquals(SPOKE, clickOnTheDevice(robot), "a click on a card selects its namespace");
        robot.interact(() -> Screenshots.write(graph, "star-50-below-threshold"));

        zoomTo(robot, GraphPainter.FADE_UNTIL * 1.03);
        assertFalse(graph.showsCards());
        assertTrue(deviceShare(robot) > 0.5, "the device is back: " + deviceShare(robot));
        assertEquals(SPOKE_ETH0, clickOnTheDevice(robot), "a click selects the device again");
        robot.interact(() -> Screenshots.write(graph, "star-50-above-threshold"));
        zoomTo(robot, 1.0);
        robot.interact(() -> Screenshots.write(ui.window.scene(), "star-50-detail")); // docs/detail-star-50.png
    }

    @Test
    void should_zoom_with_ctrl_plus_and_minus_and_fit_with_ctrl_0(FxRobot robot) throws Exception {
        double fit = graph.camera().scale();
        robot.clickOn(graph);
        robot.press(KeyCode.CONTROL).type(KeyCode.PLUS).release(KeyCode.CONTROL);
        ui.settle();
        assertEquals(fit * 1.25, graph.camera().scale(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        ui.settle();
        assertEquals(fit * 1.25, graph.camera().scale(), 1e-9, "Ctrl+= zooms in as Ctrl++ does");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        ui.settle();
        assertEquals(fit, graph.camera().scale(), 1e-9, "Ctrl+0 fits");
    }
}
